/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { decodeQrFromPdf, downloadPdf, popplerMissing } from '../../../test/helpers/sticker-pdf.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';
import { recordQrVisit } from './qr-visits.service.ts';

const BASE_URL = 'https://opendeur.example';
const skipPdf = await popplerMissing();
const validOrder = {
  stickers: 25,
  posters: 2,
  deliveryAddress: 'Amstel 1, 1011 PN Amsterdam',
  contactName: 'Sam de Vries',
  contactEmail: 'S.deVries@Amsterdam.example',
  contactPhone: '020 123 4567',
};

/** The current month in Europe/Amsterdam as YYYY-MM. */
function amsterdamMonth(date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' })
    .formatToParts(date)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}`;
}

for (const target of databaseTargets()) {
  describe(`stickers, orders and QR visits (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    let amsterdam: StaffMember;
    let rotterdam: StaffMember;
    let responder: StaffMember;
    const expectError = (response: { status: number; body: any }, status: number, id: string) => {
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.error.id, id);
    };

    before(async () => {
      world = await startAccountsApp(target, { PUBLIC_BASE_URL: BASE_URL });
      const { app, clock, mailbox } = world;
      national = await setUpFirstCoordinator(app, clock);
      const add = (email: string, municipalityCode: string, role: 'municipal_coordinator' | 'responder') =>
        addStaff(app, clock, mailbox, national, { email, municipalityCode, roles: [role] });
      amsterdam = await add('coordinator@amsterdam.example', 'GM0363', 'municipal_coordinator');
      rotterdam = await add('coordinator@rotterdam.example', 'GM0599', 'municipal_coordinator');
      responder = await add('responder@amsterdam.example', 'GM0363', 'responder');
    });
    after(async () => {
      await world?.stop();
    });

    it(
      'gives a coordinator their own sticker as a PDF download whose QR code leads to /g/{code}',
      { skip: skipPdf },
      async () => {
        const sticker = await downloadPdf(amsterdam.client, '/api/v1/stickers/GM0363/sticker.pdf?lang=nl');
        assert.equal(sticker.status, 200, sticker.body.toString());
        assert.equal(sticker.headers.get('content-type'), 'application/pdf');
        assert.equal(
          sticker.headers.get('content-disposition'),
          'attachment; filename="opendeur-sticker-amsterdam-nl.pdf"',
        );
        assert.equal(await decodeQrFromPdf(sticker.body), `${BASE_URL}/g/gm0363`);

        const poster = await downloadPdf(national.client, '/api/v1/stickers/gm0599/poster.pdf?lang=ar');
        assert.equal(poster.status, 200);
        assert.match(poster.headers.get('content-disposition')!, /opendeur-poster-rotterdam-ar\.pdf/);
        assert.equal(await decodeQrFromPdf(poster.body), `${BASE_URL}/g/gm0599`);
      },
    );

    it("refuses another municipality's sticker, other roles, and unknown codes or languages", async () => {
      const json = (response: { status: number; body: Buffer }) => ({
        status: response.status,
        body: JSON.parse(response.body.toString()),
      });
      expectError(
        json(await downloadPdf(rotterdam.client, '/api/v1/stickers/GM0363/sticker.pdf')),
        403,
        'auth.forbidden',
      );
      expectError(
        json(await downloadPdf(responder.client, '/api/v1/stickers/GM0363/sticker.pdf')),
        403,
        'auth.forbidden',
      );
      expectError(
        json(await downloadPdf(national.client, '/api/v1/stickers/GM9999/sticker.pdf')),
        404,
        'sticker.unknown_municipality',
      );
      expectError(
        json(await downloadPdf(national.client, '/api/v1/stickers/GM0363/sticker.pdf?lang=fr')),
        400,
        'request.invalid',
      );
    });

    it('checks an order field by field, with a message that says what to do', async () => {
      const none = await amsterdam.client.post('/api/v1/sticker-orders', { ...validOrder, stickers: 0, posters: 0 });
      expectError(none, 400, 'request.invalid');
      assert.equal(none.body.error.field, 'stickers');
      assert.match(none.body.error.message, /Bestel minstens 1 sticker of 1 poster/);
      const email = await amsterdam.client.post('/api/v1/sticker-orders', {
        ...validOrder,
        contactEmail: 'geen adres',
      });
      assert.equal(email.body.error.field, 'contactEmail');
      assert.match(email.body.error.message, /geldig e-mailadres/);
      const address = await amsterdam.client.post('/api/v1/sticker-orders', {
        ...validOrder,
        deliveryAddress: 'Amstel',
      });
      assert.match(address.body.error.message, /volledige afleveradres/);
      const many = await amsterdam.client.post('/api/v1/sticker-orders', { ...validOrder, stickers: 20_000 });
      assert.match(many.body.error.message, /hoogstens 10\.000 stickers/);
      expectError(
        await national.client.post('/api/v1/sticker-orders', validOrder),
        403,
        'sticker_order.no_municipality',
      );
    });

    it('runs an order from request to shipped, audited, with an e-mail to whoever ordered', async () => {
      const placed = await amsterdam.client.post('/api/v1/sticker-orders', validOrder);
      assert.equal(placed.status, 201, placed.text);
      const id: string = placed.body.id;

      const own = await amsterdam.client.get('/api/v1/sticker-orders');
      const mine = own.body.orders.find((order: any) => order.id === id);
      assert.equal(mine.status, 'requested');
      assert.equal(mine.contactEmail, 's.devries@amsterdam.example');
      assert.equal(mine.municipalityName, 'Amsterdam');

      // Another municipality neither sees nor moves it.
      const other = await rotterdam.client.get('/api/v1/sticker-orders');
      assert.equal(other.status, 200);
      assert.ok(!other.body.orders.some((order: any) => order.id === id));
      expectError(
        await rotterdam.client.post(`/api/v1/sticker-orders/${id}/status`, { status: 'approved' }),
        403,
        'auth.forbidden',
      );
      expectError(
        await amsterdam.client.post(`/api/v1/sticker-orders/${id}/status`, { status: 'shipped' }),
        403,
        'auth.forbidden',
      );

      const all = await national.client.get('/api/v1/sticker-orders');
      assert.ok(all.body.orders.some((order: any) => order.id === id));
      expectError(
        await national.client.post(`/api/v1/sticker-orders/${id}/status`, { status: 'rejected' }),
        400,
        'sticker_order.note_required',
      );
      expectError(
        await national.client.post(`/api/v1/sticker-orders/${id}/status`, { status: 'shipped' }),
        409,
        'sticker_order.invalid_transition',
      );
      assert.equal(
        (await national.client.post(`/api/v1/sticker-orders/${id}/status`, { status: 'approved' })).status,
        204,
      );
      assert.equal(
        (await national.client.post(`/api/v1/sticker-orders/${id}/status`, { status: 'shipped', note: 'PostNL' }))
          .status,
        204,
      );
      const final = await national.client.post(`/api/v1/sticker-orders/${id}/status`, {
        status: 'rejected',
        note: 'te laat',
      });
      expectError(final, 409, 'sticker_order.invalid_transition');
      assert.match(final.body.error.message, /verzonden/);

      const mail = await world.mailbox.waitForMail(amsterdam.email);
      assert.match(mail.subject, /verzonden/);
      assert.ok(!mail.text.includes('Amstel') && !mail.text.includes('Sam de Vries'), 'the status only: ' + mail.text);

      const seen = (await amsterdam.client.get('/api/v1/sticker-orders')).body.orders.find(
        (order: any) => order.id === id,
      );
      assert.equal(seen.status, 'shipped');
      assert.equal(seen.statusNote, 'PostNL');

      const { rows } = await world.app.owner.pool.query<{ action: string; municipality_code: string }>(
        `SELECT action, municipality_code FROM audit_log WHERE object_id = $1 ORDER BY id`,
        [id],
      );
      assert.deepEqual(
        rows.map((row) => row.action),
        ['sticker_order.placed', 'sticker_order.approved', 'sticker_order.shipped'],
      );
      assert.ok(rows.every((row) => row.municipality_code === 'GM0363'));
    });

    it('counts QR visits per municipality per month, and only that municipality sees them', async () => {
      const visitsOf = async (member: StaffMember, code: string) => {
        const response = await member.client.get(`/api/v1/qr-visits?municipality=${code}`);
        assert.equal(response.status, 200, response.text);
        return response.body.rows.find((row: any) => row.month === amsterdamMonth())?.visits ?? 0;
      };
      for (let visit = 0; visit < 2; visit++) {
        const response = await fetch(`${world.app.baseUrl}/g/gm0363`, { redirect: 'manual' });
        assert.equal(response.status, 302);
        assert.equal(response.headers.get('location'), '/gemeente/amsterdam');
        assert.equal(response.headers.get('set-cookie'), null);
      }
      // The count is written after the redirect has gone out.
      for (let attempt = 0; attempt < 50 && (await visitsOf(amsterdam, 'GM0363')) < 2; attempt++) await sleep(100);
      assert.equal(await visitsOf(amsterdam, 'GM0363'), 2);
      assert.equal(await visitsOf(national, 'GM0363'), 2);
      assert.equal(await visitsOf(rotterdam, 'GM0599'), 0, 'another municipality is unaffected');
      const rotterdamAll = await rotterdam.client.get('/api/v1/qr-visits');
      assert.ok(!rotterdamAll.body.rows.some((row: any) => row.municipalityCode === 'GM0363'));
      expectError(await rotterdam.client.get('/api/v1/qr-visits?municipality=GM0363'), 403, 'auth.forbidden');
      expectError(await responder.client.get('/api/v1/qr-visits'), 403, 'auth.forbidden');
    });

    it('counts a visit in the month it is in Amsterdam, not in UTC', async () => {
      await recordQrVisit(world.app.server.database.db, 'rotterdam', new Date('2026-01-31T23:30:00Z'));
      const { rows } = await world.app.owner.pool.query<{ month: string; visits: number }>(
        `SELECT to_char(month, 'YYYY-MM') AS month, visits FROM qr_visits WHERE municipality_code = 'GM0599'`,
      );
      assert.deepEqual(rows, [{ month: '2026-02', visits: 1 }]);
    });

    it('still redirects when the count fails', async () => {
      const { rows } = await world.app.server.database.pool.query<{ role: string }>('SELECT current_user AS role');
      const role = rows[0]!.role;
      await world.app.owner.pool.query(`REVOKE INSERT, UPDATE ON qr_visits FROM "${role}"`);
      try {
        const response = await fetch(`${world.app.baseUrl}/g/gm0363`, { redirect: 'manual' });
        assert.equal(response.status, 302);
        await sleep(200);
      } finally {
        await world.app.owner.pool.query(`GRANT INSERT, UPDATE ON qr_visits TO "${role}"`);
      }
    });
  });
}
