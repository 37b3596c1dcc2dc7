/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';

/** The smallest valid PNG (1×1), and a "photo" that only claims to be one. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const FAKE_PNG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');

for (const target of databaseTargets()) {
  describe(`readiness checklist (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    let amsterdam: StaffMember;
    let rotterdam: StaffMember;
    const participation = async (code: string) =>
      (await world.app.owner.pool.query('SELECT participation FROM municipalities WHERE code = $1', [code])).rows[0]
        .participation as string;

    before(async () => {
      world = await startAccountsApp(target);
      national = await setUpFirstCoordinator(world.app, world.clock);
      amsterdam = await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'coordinator@amsterdam.nl',
        municipalityCode: 'GM0363',
        roles: ['municipal_coordinator'],
      });
      rotterdam = await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'coordinator@rotterdam.nl',
        municipalityCode: 'GM0599',
        roles: ['municipal_coordinator'],
      });
      await world.app.owner.pool.query("UPDATE municipalities SET participation = 'enrolled' WHERE code = 'GM0363'");
      // The roster gate (src/modules/roster) lets only a covered roster go active: an agreed fallback covers it.
      await world.app.owner.pool.query(
        "INSERT INTO roster_settings (municipality_code, fallback_agreed) VALUES ('GM0363', 'Veilig Thuis regio Amsterdam')",
      );
    });
    after(async () => {
      await world?.stop();
    });

    it('starts with the seven items of the toolkit, nothing done', async () => {
      const view = await amsterdam.client.get('/api/v1/programme/readiness/GM0363');
      assert.equal(view.status, 200, view.text);
      assert.equal(view.body.total, 7);
      assert.equal(view.body.done, 0);
      assert.deepEqual(
        view.body.items.map((item: { key: string }) => item.key),
        [
          'front_desk_instructed',
          'team_trained',
          'roster_covered',
          'contact_routes',
          'dpia_done',
          'privacy_statement',
          'sticker_on_door',
        ],
      );
    });

    it('keeps each municipality to its own checklist', async () => {
      const items = (await amsterdam.client.get('/api/v1/programme/readiness-items')).body.items;
      const read = await rotterdam.client.get('/api/v1/programme/readiness/GM0363');
      assert.equal(read.status, 403);
      assert.equal(read.body.error.id, 'programme.not_own_municipality');
      const tick = await rotterdam.client.put(`/api/v1/programme/readiness/GM0363/items/${items[0].id}`, {});
      assert.equal(tick.status, 403);
      const byNational = await national.client.put(`/api/v1/programme/readiness/GM0363/items/${items[0].id}`, {});
      assert.equal(byNational.status, 403, 'the national coordinator watches, the municipality ticks');
      const rows = await world.app.owner.pool.query('SELECT count(*)::int AS n FROM readiness_progress');
      assert.equal(rows.rows[0].n, 0);
    });

    it('takes a photo only for the sticker, only a real JPEG or PNG', async () => {
      const items = (await amsterdam.client.get('/api/v1/programme/readiness-items')).body.items;
      const sticker = items.find((item: { key: string }) => item.key === 'sticker_on_door');
      const fake = await amsterdam.client.put(`/api/v1/programme/readiness/GM0363/items/${sticker.id}`, {
        photo: FAKE_PNG.toString('base64'),
      });
      assert.equal(fake.body.error.id, 'programme.photo_invalid');
      const wrongItem = await amsterdam.client.put(`/api/v1/programme/readiness/GM0363/items/${items[0].id}`, {
        photo: TINY_PNG.toString('base64'),
      });
      assert.equal(wrongItem.body.error.id, 'programme.photo_not_allowed');
      const big = Buffer.concat([TINY_PNG, Buffer.alloc(2 * 1024 * 1024)]);
      const tooBig = await amsterdam.client.put(`/api/v1/programme/readiness/GM0363/items/${sticker.id}`, {
        photo: big.toString('base64'),
      });
      assert.equal(tooBig.body.error.id, 'programme.photo_invalid');
      const ok = await amsterdam.client.put(`/api/v1/programme/readiness/GM0363/items/${sticker.id}`, {
        note: 'Sinds 3 maart 2026',
        photo: TINY_PNG.toString('base64'),
      });
      assert.equal(ok.status, 200, ok.text);
      const photo = await fetch(
        new URL(`/api/v1/programme/readiness/GM0363/items/${sticker.id}/photo`, world.app.baseUrl),
        {
          headers: { cookie: [...national.client.cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
        },
      );
      assert.equal(photo.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await photo.arrayBuffer()), TINY_PNG);
    });

    it('activates an enrolled municipality when every active item is done, and keeps it active after', async () => {
      const items = (await amsterdam.client.get('/api/v1/programme/readiness-items')).body.items;
      // The sticker was ticked with its photo above: un-tick it first, so the last tick completes the list.
      const sticker = items.find((item: { key: string }) => item.key === 'sticker_on_door');
      const untick = await amsterdam.client.delete(`/api/v1/programme/readiness/GM0363/items/${sticker.id}`);
      assert.equal(untick.status, 204, untick.text);
      let last = { complete: false, participation: '' };
      for (const item of items) {
        assert.equal(await participation('GM0363'), 'enrolled', 'not active before the last item');
        const view = await amsterdam.client.put(`/api/v1/programme/readiness/GM0363/items/${item.id}`, {
          note: 'klaar',
        });
        assert.equal(view.status, 200, view.text);
        last = view.body;
      }
      assert.equal(last.complete, true);
      assert.equal(last.participation, 'active');
      assert.equal(await participation('GM0363'), 'active');

      // A new item while active: it stays active, the progress shows the gap.
      const added = await national.client.post('/api/v1/programme/readiness-items', {
        title: 'Noodnummer bij de portier',
        description: 'Het nummer van de dienstdoende ligt bij de portier.',
        position: 8,
      });
      assert.equal(added.status, 200, added.text);
      const after = await national.client.get('/api/v1/programme/readiness/GM0363');
      assert.equal(after.body.total, 8);
      assert.equal(after.body.done, 7);
      assert.equal(after.body.complete, false);
      assert.equal(await participation('GM0363'), 'active');

      // Switching it off makes the list complete again; an unknown item is a 404.
      const off = await national.client.put(`/api/v1/programme/readiness-items/${added.body.id}`, {
        title: 'Noodnummer bij de portier',
        description: '',
        position: 8,
        active: false,
      });
      assert.equal(off.status, 204, off.text);
      assert.equal((await national.client.get('/api/v1/programme/readiness/GM0363')).body.complete, true);
      const forbidden = await amsterdam.client.post('/api/v1/programme/readiness-items', { title: 'x', position: 1 });
      assert.equal(forbidden.status, 403, 'only the national coordinator edits items');

      const actions = await world.app.owner.pool.query(
        "SELECT action FROM audit_log WHERE action LIKE 'readiness.%' OR action = 'programme.municipality_activated'",
      );
      const counted = actions.rows.map((row) => row.action as string);
      assert.ok(counted.includes('programme.municipality_activated'));
      assert.ok(counted.includes('readiness.item_created'));
      assert.ok(counted.filter((action) => action === 'readiness.item_done').length >= 7);
    });
  });
}
