/* eslint-disable @typescript-eslint/no-unsafe-member-access -- API answers are JSON, checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';

for (const target of databaseTargets()) {
  describe(`verifying the audit chain through the API (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    let officer: StaffMember;

    before(async () => {
      world = await startAccountsApp(target);
      national = await setUpFirstCoordinator(world.app, world.clock);
      officer = await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'privacy@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['privacy_officer'],
      });
    });
    after(async () => {
      await world?.stop();
    });

    it('says the chain is intact, and names the entry an owner changed behind its back', async () => {
      const intact = await officer.client.get('/api/v1/audit/verify');
      assert.equal(intact.status, 200);
      assert.deepEqual(intact.body, { intact: true });

      const { rows } = await world.app.owner.pool.query<{ id: string }>(
        `SELECT id FROM audit_log WHERE action = 'invitation.created' ORDER BY id LIMIT 1`,
      );
      const victim = Number(rows[0]!.id);
      const owner = await world.app.owner.pool.connect();
      try {
        // Only an owner who first switches the append-only trigger off can change an entry at all.
        await owner.query('BEGIN');
        await owner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
        await owner.query(`UPDATE audit_log SET details = '{"roles":"national_coordinator"}' WHERE id = $1`, [victim]);
        await owner.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
        await owner.query('COMMIT');
      } finally {
        owner.release();
      }

      for (const reader of [national, officer]) {
        const broken = await reader.client.get('/api/v1/audit/verify');
        assert.equal(broken.status, 200);
        assert.deepEqual(broken.body, {
          intact: false,
          brokenId: victim,
          reason: 'content does not match its hash: the row was changed',
        });
      }
    });

    it('finds a removed entry too', async () => {
      const owner = await world.app.owner.pool.connect();
      let removed: number;
      try {
        await owner.query('BEGIN');
        await owner.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
        const { rows } = await owner.query<{ id: string }>(
          `DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log) RETURNING id`,
        );
        removed = Number(rows[0]!.id);
        await owner.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
        await owner.query('COMMIT');
      } finally {
        owner.release();
      }
      const broken = await national.client.get('/api/v1/audit/verify');
      assert.equal(broken.body.intact, false);
      assert.ok(broken.body.brokenId > removed, 'reported at the entry after the removed one (or earlier breaks)');
    });
  });
}
