/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { decodeEntities, request, writeToMayor } from '../../../test/helpers/child-client.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { insertTestCase } from '../../../test/helpers/referral-case.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';

const SOMEONE_HELPS = 'Er is iemand die je helpt.';

for (const target of databaseTargets()) {
  describe(`referrals over HTTP: the API and the public link (${target.name})`, () => {
    let world: AccountsApp;
    let coordinator: StaffMember;
    let responder: StaffMember;
    const base = () => world.app.baseUrl;

    before(async () => {
      world = await startAccountsApp(target, { OPENDEUR_DEMO: '1' });
      const national = await setUpFirstCoordinator(world.app, world.clock);
      const add = (email: string, roles: StaffMember['roles']) =>
        addStaff(world.app, world.clock, world.mailbox, national, { email, municipalityCode: 'GM0363', roles });
      coordinator = await add('coordinator@amsterdam.example', ['municipal_coordinator']);
      responder = await add('responder@amsterdam.example', ['responder']);
    });
    after(async () => {
      await world?.stop();
    });

    const newCase = (options: { conversationId?: string; childConsent?: 'given' } = {}) =>
      insertTestCase(world.app.server.database.db, world.app.server.keyring, {
        municipalityCode: 'GM0363',
        assigneeUserId: responder.userId,
        now: world.clock(),
        ...options,
      });
    const statusOf = async (id: string) =>
      (await world.app.owner.pool.query<{ status: string }>('SELECT status FROM referrals WHERE id = $1', [id])).rows[0]
        ?.status;

    it('keeps the directory: coordinator writes, responders read, clear errors', async () => {
      const created = await coordinator.client.post('/api/v1/referral-parties', {
        name: 'Wijkteam West',
        kind: 'wijkteam',
        phone: '020 555 0101',
        email: 'west@wijkteam.example',
      });
      assert.equal(created.status, 200, created.text);
      assert.equal(created.body.hours, null);
      const refused = await responder.client.post('/api/v1/referral-parties', { name: 'X', kind: 'gp' });
      assert.equal(refused.status, 403);
      const badPhone = await coordinator.client.put(`/api/v1/referral-parties/${created.body.id}`, {
        name: 'Wijkteam West',
        kind: 'wijkteam',
        phone: 'onbekend',
        active: true,
      });
      assert.equal(badPhone.status, 400);
      assert.equal(badPhone.body.error.id, 'referral_party.phone_invalid');
      assert.equal(badPhone.body.error.field, 'phone');
      assert.match(badPhone.body.error.message, /telefoonnummer klopt niet/);
      const listed = await responder.client.get<{ parties: Array<{ name: string }> }>('/api/v1/referral-parties');
      assert.equal(listed.status, 200);
      assert.deepEqual(
        listed.body.parties.map((party) => party.name),
        ['Wijkteam West'],
      );
    });

    it('refuses a referral without consent with the Meldcode explained; sends one to Veilig Thuis', async () => {
      const caseId = await newCase();
      const refused = await responder.client.post(`/api/v1/cases/${caseId}/referrals`, { kind: 'wijkteam' });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.id, 'referral.consent_required');
      assert.match(refused.body.error.message, /Meldcode.*Veilig Thuis en de politie/);

      const prepared = await responder.client.post(`/api/v1/cases/${caseId}/referrals`, {
        kind: 'veilig_thuis_report',
        summary: 'Blauwe plekken op de armen',
      });
      assert.equal(prepared.status, 200, prepared.text);
      const sent = await responder.client.post(`/api/v1/cases/${caseId}/referrals/${prepared.body.id}/send`, {
        email: 'melding@veiligthuis.example',
      });
      assert.equal(sent.status, 200, sent.text);
      assert.equal(sent.body.referral.status, 'sent');
      const mail = await world.mailbox.waitForMail('melding@veiligthuis.example');
      assert.ok(mail.text.includes(sent.body.link));
      assert.doesNotMatch(mail.text, /Blauwe plekken/);
      const listed = await responder.client.get(`/api/v1/cases/${caseId}/referrals`);
      assert.equal(listed.body.referrals[0].summary, 'Blauwe plekken op de armen');
    });

    it('serves the link page without cookies or caching; only the POSTs act; bad feedback keeps the text', async () => {
      const started = await writeToMayor(base(), 'amsterdam', { message: 'Ik durf niet naar huis' });
      assert.ok(started.code, started.html.slice(0, 300));
      const { rows } = await world.app.owner.pool.query<{ id: string }>(
        'SELECT id FROM conversations ORDER BY created_at DESC LIMIT 1',
      );
      const caseId = await newCase({ conversationId: rows[0]!.id });
      const prepared = await responder.client.post(`/api/v1/cases/${caseId}/referrals`, { kind: 'police' });
      const sent = await responder.client.post(`/api/v1/cases/${caseId}/referrals/${prepared.body.id}/send`, {});
      const link = new URL(sent.body.link);
      const token = link.searchParams.get('token')!;
      const childPage = async () =>
        (await request(base(), 'POST', '/gemeente/amsterdam/lees', { code: started.code! })).html;

      const page = await request(base(), 'GET', `${link.pathname}${link.search}`);
      assert.equal(page.status, 200);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.equal(page.headers['set-cookie'], undefined);
      assert.match(String(page.headers['content-security-policy']), /script-src 'none'/);
      const html = decodeEntities(page.html);
      assert.match(html, /Gemeente Amsterdam heeft een kind naar u doorverwezen/);
      assert.ok(html.includes(String(prepared.body.id).slice(0, 8)), 'the reference');
      assert.match(html, /<button[^>]*>Ontvangst bevestigen<\/button>/);
      assert.equal(await statusOf(prepared.body.id), 'sent', 'a GET (a mail scanner) confirms nothing');
      assert.ok(!(await childPage()).includes(SOMEONE_HELPS), 'the child sees nothing yet');

      const confirmed = await request(base(), 'POST', '/verwijzing/bevestigen', { token });
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.headers['cache-control'], 'no-store');
      assert.match(confirmed.html, /De gemeente ziet nu dat u de doorverwijzing hebt ontvangen/);
      assert.equal(await statusOf(prepared.body.id), 'confirmed');
      // The child's message alerted the responder too: look past that e-mail.
      let told = await world.mailbox.waitForMail(responder.email);
      while (told.text.includes('/alerts/bevestig')) told = await world.mailbox.waitForMail(responder.email);
      assert.match(told.text, /verwijzing in een dossier van gemeente Amsterdam\. Log in om het te lezen/);
      const child = await childPage();
      assert.ok(child.includes(SOMEONE_HELPS), 'the child sees that someone helps');
      assert.doesNotMatch(child, /Politie|politie/, 'and nothing more');

      const tooLong = `Wij hebben contact gehad. ${'a'.repeat(1000)}`;
      const refused = await request(base(), 'POST', '/verwijzing/terugkoppeling', { token, feedback: tooLong });
      assert.equal(refused.status, 400);
      assert.match(decodeEntities(refused.html), /te lang\. Maak hem korter: hoogstens 1000 tekens/);
      assert.ok(decodeEntities(refused.html).includes(tooLong), 'what was typed stays');
      const emptied = await request(base(), 'POST', '/verwijzing/terugkoppeling', { token, feedback: ' ' });
      assert.equal(emptied.status, 400);
      assert.match(decodeEntities(emptied.html), /Schrijf eerst uw terugkoppeling/);
      const given = await request(base(), 'POST', '/verwijzing/terugkoppeling', { token, feedback: 'Wij gaan langs.' });
      assert.equal(given.status, 200);
      assert.equal(await statusOf(prepared.body.id), 'feedback_received');
    });

    it('explains an unknown or expired link with a 404 page, and says what to do', async () => {
      for (const [method, path, fields] of [
        ['GET', `/verwijzing?token=${'x'.repeat(43)}`, undefined],
        ['GET', '/verwijzing', undefined],
        ['POST', '/verwijzing/bevestigen', { token: 'x'.repeat(43) }],
        ['POST', '/verwijzing/terugkoppeling', { token: 'onzin', feedback: 'x' }],
      ] as const) {
        const response = await request(base(), method, path, fields);
        assert.equal(response.status, 404, `${method} ${path}`);
        assert.equal(response.headers['cache-control'], 'no-store');
        assert.match(decodeEntities(response.html), /Deze link werkt niet \(meer\)[\s\S]*Bel de gemeente/);
      }
      const caseId = await newCase();
      const prepared = await responder.client.post(`/api/v1/cases/${caseId}/referrals`, { kind: 'police' });
      const sent = await responder.client.post(`/api/v1/cases/${caseId}/referrals/${prepared.body.id}/send`, {});
      world.clock.advance(15 * 86_400_000);
      const expired = await request(base(), 'GET', new URL(sent.body.link).pathname + new URL(sent.body.link).search);
      assert.equal(expired.status, 404);
    });
  });
}
