/* eslint-disable @typescript-eslint/no-unsafe-member-access -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';
import { amsterdamDay } from '../public-site/page-cache.ts';

/** The smallest valid PNG (1×1), and a "photo" that only claims to be one. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const FAKE_PNG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
const DAY = 24 * 60 * 60 * 1000;

for (const target of databaseTargets()) {
  describe(`testimonials (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    const today = () => amsterdamDay(world.clock());
    const page = async (url: string) => (await fetch(`${world.app.baseUrl}${url}`)).text();
    const input = (fields: Record<string, unknown> = {}) => ({
      municipalityCode: 'GM0363',
      mayorName: 'Femke Voorbeeld',
      quote: 'Elk kind dat nergens anders heen kan, is welkom op het stadhuis.',
      publishFrom: today(),
      ...fields,
    });
    /** Waits for the change notification to empty the page cache. */
    async function eventually(url: string, check: (html: string) => boolean, what: string) {
      for (let attempt = 0; attempt < 50; attempt++) {
        if (check(await page(url))) return;
        await sleep(100);
      }
      assert.fail(`${url}: ${what}`);
    }
    async function create(fields: Record<string, unknown> = {}): Promise<string> {
      const created = await national.client.post('/api/v1/testimonials', input(fields));
      assert.equal(created.status, 201, created.text);
      return created.body.id as string;
    }

    before(async () => {
      world = await startAccountsApp(target);
      national = await setUpFirstCoordinator(world.app, world.clock);
    });
    after(async () => {
      await world?.stop();
    });

    it('requires recorded consent with a photo, and a real JPEG or PNG of at most 1 MB', async () => {
      const photo = TINY_PNG.toString('base64');
      const noConsent = await national.client.post('/api/v1/testimonials', input({ photo }));
      assert.equal(noConsent.status, 400);
      assert.equal(noConsent.body.error.id, 'testimonial.consent_required');
      assert.equal(noConsent.body.error.field, 'photoConsent');
      const blankConsent = await national.client.post('/api/v1/testimonials', input({ photo, photoConsent: '  ' }));
      assert.equal(blankConsent.body.error.id, 'testimonial.consent_required');
      const fake = await national.client.post(
        '/api/v1/testimonials',
        input({ photo: FAKE_PNG.toString('base64'), photoConsent: 'ja' }),
      );
      assert.equal(fake.body.error.id, 'testimonial.photo_invalid');
      const big = Buffer.concat([TINY_PNG, Buffer.alloc(1024 * 1024)]).toString('base64');
      const tooBig = await national.client.post('/api/v1/testimonials', input({ photo: big, photoConsent: 'ja' }));
      assert.equal(tooBig.body.error.id, 'testimonial.photo_invalid');
      const period = await national.client.post(
        '/api/v1/testimonials',
        input({ publishFrom: '2026-05-02', publishUntil: '2026-05-01' }),
      );
      assert.equal(period.body.error.id, 'testimonial.period_invalid');
      const longQuote = await national.client.post('/api/v1/testimonials', input({ quote: 'x'.repeat(601) }));
      assert.equal(longQuote.body.error.id, 'request.invalid');
      const { rows } = await world.app.owner.pool.query('SELECT count(*)::int AS n FROM testimonials');
      assert.equal(rows[0].n, 0, 'nothing was stored');
    });

    it('shows a draft nowhere and serves its photo to nobody; published, it is on both pages', async () => {
      const id = await create({
        photo: TINY_PNG.toString('base64'),
        photoConsent: 'Schriftelijk, per e-mail van 1 mei',
      });
      const photoUrl = `${world.app.baseUrl}/getuigenissen/${id}/foto`;
      assert.equal((await fetch(photoUrl)).status, 404, 'the photo of a draft');
      assert.ok(!(await page('/wie-doet-mee')).includes('Femke Voorbeeld'));
      assert.ok(!(await page('/gemeente/amsterdam')).includes('Femke Voorbeeld'));

      const published = await national.client.post(`/api/v1/testimonials/${id}/publish`);
      assert.equal(published.status, 204, published.text);
      await eventually('/wie-doet-mee', (html) => html.includes('Femke Voorbeeld'), 'the published testimonial');
      await eventually('/gemeente/amsterdam', (html) => html.includes('Femke Voorbeeld'), 'on the municipality page');
      assert.ok(!(await page('/gemeente/rotterdam')).includes('Femke Voorbeeld'), "not on another municipality's page");
      const photo = await fetch(photoUrl);
      assert.equal(photo.status, 200);
      assert.equal(photo.headers.get('content-type'), 'image/png');
      assert.match(photo.headers.get('cache-control') ?? '', /^public, max-age=\d+$/);
      assert.deepEqual(Buffer.from(await photo.arrayBuffer()), TINY_PNG);

      const list = await national.client.get('/api/v1/testimonials');
      assert.equal(list.body.testimonials[0].visibleToday, true);
      assert.equal(list.body.testimonials[0].hasPhoto, true);

      assert.equal((await national.client.post(`/api/v1/testimonials/${id}/withdraw`)).status, 204);
      await eventually('/wie-doet-mee', (html) => !html.includes('Femke Voorbeeld'), 'withdrawn, gone');
      assert.equal((await fetch(photoUrl)).status, 404, 'the photo of a withdrawn testimonial');
      const again = await national.client.post(`/api/v1/testimonials/${id}/withdraw`);
      assert.equal(again.status, 409);
      assert.equal(again.body.error.id, 'testimonial.invalid_transition');
      const { rows } = await world.app.owner.pool.query(
        "SELECT action FROM audit_log WHERE object_type = 'testimonial' AND object_id = $1 ORDER BY id",
        [id],
      );
      assert.deepEqual(
        rows.map((row: { action: string }) => row.action),
        ['testimonial.created', 'testimonial.published', 'testimonial.withdrawn'],
      );
    });

    it('keeps a quote inert: markup in it is shown as text', async () => {
      const quote = 'Welkom! <script>alert(1)</script><img src=x onerror=alert(2)> "echt"';
      const id = await create({ mayorName: 'Piet <b>Vet</b>', quote });
      await national.client.post(`/api/v1/testimonials/${id}/publish`);
      await eventually('/wie-doet-mee', (html) => html.includes('Piet &lt;b&gt;Vet&lt;/b&gt;'), 'the escaped name');
      const html = await page('/wie-doet-mee');
      assert.ok(html.includes('Welkom! &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'));
      assert.ok(!/<script|<img src=x|<b>Vet/i.test(html));
      await national.client.post(`/api/v1/testimonials/${id}/withdraw`);
    });

    it('shows a testimonial from the first day of its period until the last, without a restart', async () => {
      const tomorrow = amsterdamDay(new Date(world.clock().getTime() + DAY));
      const id = await create({ mayorName: 'Morgen Burgemeester', publishFrom: tomorrow, publishUntil: tomorrow });
      assert.equal((await national.client.post(`/api/v1/testimonials/${id}/publish`)).status, 204);
      await sleep(300); // the change notification has emptied the cache: what shows now is today's page
      assert.ok(!(await page('/wie-doet-mee')).includes('Morgen Burgemeester'), 'not before its first day');
      assert.ok(!(await page('/gemeente/amsterdam')).includes('Morgen Burgemeester'));
      world.clock.advance(DAY);
      assert.ok((await page('/wie-doet-mee')).includes('Morgen Burgemeester'), 'on its first day');
      assert.ok((await page('/gemeente/amsterdam')).includes('Morgen Burgemeester'));
      world.clock.advance(DAY);
      assert.ok(!(await page('/wie-doet-mee')).includes('Morgen Burgemeester'), 'gone after its last day');
    });
  });
}
