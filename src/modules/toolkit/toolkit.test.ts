/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';
import { readShippedPages, seedToolkit } from './toolkit-seed.ts';

for (const target of databaseTargets()) {
  describe(`toolkit (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    let coordinator: StaffMember;
    let frontDesk: StaffMember;
    const expectError = (response: { status: number; body: any }, status: number, id: string) => {
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.error.id, id);
    };

    before(async () => {
      world = await startAccountsApp(target);
      const { app, clock, mailbox } = world;
      national = await setUpFirstCoordinator(app, clock);
      coordinator = await addStaff(app, clock, mailbox, national, {
        email: 'coordinator@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['municipal_coordinator'],
      });
      frontDesk = await addStaff(app, clock, mailbox, national, {
        email: 'balie@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['front_desk'],
      });
    });
    after(async () => {
      await world?.stop();
    });

    it('ships the four pages as version 1 by nobody, readable by every staff member', async () => {
      const list = await frontDesk.client.get('/api/v1/toolkit');
      assert.equal(list.status, 200, list.text);
      assert.deepEqual(
        list.body.pages.map((page: any) => [page.slug, page.version, page.editedByName]),
        readShippedPages().map((page) => [page.slug, 1, null]),
      );
      const card = await frontDesk.client.get('/api/v1/toolkit/baliekaart');
      assert.equal(card.body.title, 'Baliekaart: er staat een kind aan de balie');
      assert.match(card.body.html, /<h2>/);
      assert.match(card.body.html, /0800-2000/);
    });

    it('seeds only an empty toolkit: a second start changes nothing', async () => {
      assert.equal(await seedToolkit(world.app.owner.db), 0);
      const { rows } = await world.app.owner.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM toolkit_page_versions',
      );
      assert.equal(rows[0]!.n, readShippedPages().length);
    });

    it('lets only the national coordinator save, each save a new version with editor and time, audited', async () => {
      const edit = {
        title: 'Baliekaart (nieuw)',
        markdown:
          '## Stap 1\n\n<script>alert(1)</script>\n\nBel [klik](javascript:alert(1)) [Veilig Thuis](tel:08002000)\n',
        baseVersion: 1,
      };
      expectError(await coordinator.client.put('/api/v1/toolkit/baliekaart', edit), 403, 'auth.forbidden');
      expectError(await frontDesk.client.put('/api/v1/toolkit/baliekaart', edit), 403, 'auth.forbidden');
      const short = await national.client.put('/api/v1/toolkit/baliekaart', { ...edit, title: 'x' });
      expectError(short, 400, 'request.invalid');
      assert.equal(short.body.error.field, 'title');

      const saved = await national.client.put('/api/v1/toolkit/baliekaart', edit);
      assert.equal(saved.status, 200, saved.text);
      assert.deepEqual(saved.body, { slug: 'baliekaart', version: 2 });
      expectError(await national.client.put('/api/v1/toolkit/baliekaart', edit), 409, 'toolkit.version_conflict');

      const page = await national.client.get('/api/v1/toolkit/baliekaart');
      assert.equal(page.body.version, 2);
      assert.equal(page.body.editedByName, 'Landelijk Coördinator');
      assert.ok(!page.body.html.includes('<script'), page.body.html);
      assert.ok(!/href="javascript/i.test(page.body.html), page.body.html);
      assert.match(page.body.html, /<a href="tel:08002000"/);

      const versions = await frontDesk.client.get('/api/v1/toolkit/baliekaart/versions');
      assert.deepEqual(
        versions.body.versions.map((version: any) => version.version),
        [2, 1],
      );
      const old = await frontDesk.client.get('/api/v1/toolkit/baliekaart/versions/1');
      assert.equal(old.body.version, 1);
      assert.equal(old.body.currentVersion, 2);
      assert.equal(old.body.title, 'Baliekaart: er staat een kind aan de balie');

      const { rows } = await world.app.owner.pool.query<{ actor_user_id: string; details: any }>(
        `SELECT actor_user_id, details FROM audit_log WHERE action = 'toolkit.page_edited' AND object_id = 'baliekaart'`,
      );
      assert.deepEqual(rows, [{ actor_user_id: national.userId, details: { version: 2 } }]);
    });

    it('answers unknown pages and versions with a specific 404', async () => {
      expectError(await frontDesk.client.get('/api/v1/toolkit/bestaat-niet'), 404, 'toolkit.not_found');
      expectError(
        await frontDesk.client.get('/api/v1/toolkit/baliekaart/versions/9'),
        404,
        'toolkit.version_not_found',
      );
      expectError(await frontDesk.client.get('/api/v1/toolkit/bestaat-niet/versions'), 404, 'toolkit.not_found');
      expectError(await frontDesk.client.get('/api/v1/toolkit/Niet_Geldig!'), 404, 'toolkit.not_found');
    });
  });
}
