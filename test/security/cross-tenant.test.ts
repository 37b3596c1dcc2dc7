/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-explicit-any -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../helpers/accounts-app.ts';
import { ApiClient } from '../helpers/api-client.ts';
import { csvRecords } from '../helpers/csv.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { signIn } from '../helpers/staff.ts';
import { buildStaffWorld, type StaffWorld } from '../helpers/staff-world.ts';

for (const target of databaseTargets()) {
  describe(`cross-tenant attempts (${target.name})`, () => {
    let world: AccountsApp;
    let staff: StaffWorld;
    const expectError = (response: { status: number; body: any }, status: number, id: string) => {
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.error.id, id);
    };
    /** The member as the owner sees them: roles and whether they are active. */
    const stateOf = async (userId: string) => {
      const { rows } = await world.app.owner.pool.query<{ active: boolean; roles: string }>(
        `SELECT u.active, (SELECT string_agg(r.role::text, ',' ORDER BY r.role) FROM staff_roles r WHERE r.user_id = u.id) AS roles
         FROM staff_users u WHERE u.id = $1`,
        [userId],
      );
      return rows[0];
    };

    before(async () => {
      world = await startAccountsApp(target);
      staff = await buildStaffWorld(world);
    });
    after(async () => {
      await world?.stop();
    });

    it('keeps a GM0599 coordinator out of GM0363’s team through every team route', async () => {
      const rotterdam = staff.people.rotterdamCoordinator.client;
      const victim = staff.amsterdamTarget;
      const before = await stateOf(victim.userId);

      const own = await rotterdam.get('/api/v1/team');
      assert.equal(own.status, 200);
      assert.ok(own.body.members.length >= 2);
      for (const member of own.body.members) assert.equal(member.municipalityCode, 'GM0599');
      assert.ok(!JSON.stringify(own.body).includes('GM0363'), 'nothing of GM0363 in the own team');

      expectError(await rotterdam.get('/api/v1/team?municipality=GM0363'), 403, 'auth.forbidden');
      expectError(
        await rotterdam.put(`/api/v1/team/${victim.userId}/roles`, { roles: ['municipal_coordinator'] }),
        404,
        'team.not_found',
      );
      expectError(await rotterdam.post(`/api/v1/team/${victim.userId}/deactivate`), 404, 'team.not_found');
      expectError(
        await rotterdam.put(`/api/v1/team/${staff.people.national.userId}/roles`, { roles: ['responder'] }),
        404,
        'team.not_found',
      );
      expectError(
        await rotterdam.post(`/api/v1/team/${staff.people.national.userId}/deactivate`),
        404,
        'team.not_found',
      );
      expectError(
        await rotterdam.post('/api/v1/invitations', {
          email: 'inbreker@example.org',
          displayName: 'X',
          municipalityCode: 'GM0363',
          roles: ['municipal_coordinator'],
        }),
        403,
        'invitation.wrong_municipality',
      );
      expectError(await rotterdam.get('/api/v1/municipalities/GM0363/sso'), 403, 'auth.forbidden');
      expectError(
        await rotterdam.put('/api/v1/municipalities/GM0363/sso', {
          issuer: 'https://idp.example',
          clientId: 'x',
          clientSecret: 'y',
          enabled: true,
        }),
        403,
        'auth.forbidden',
      );
      expectError(await rotterdam.delete('/api/v1/municipalities/GM0363/sso'), 403, 'auth.forbidden');

      assert.deepEqual(await stateOf(victim.userId), before, 'the GM0363 member is unchanged');
      assert.equal(
        (await signIn(world.app, world.clock, victim).then((client) => client.get('/api/v1/session'))).status,
        200,
      );
    });

    it('works the same the other way round, and never lets a municipal coordinator touch a national one', async () => {
      const amsterdam = staff.people.amsterdamCoordinator.client;
      expectError(
        await amsterdam.put(`/api/v1/team/${staff.rotterdamTarget.userId}/roles`, { roles: ['front_desk'] }),
        404,
        'team.not_found',
      );
      expectError(
        await amsterdam.post(`/api/v1/team/${staff.rotterdamTarget.userId}/deactivate`),
        404,
        'team.not_found',
      );
      expectError(
        await amsterdam.post(`/api/v1/team/${staff.people.national.userId}/deactivate`),
        404,
        'team.not_found',
      );
      expectError(
        await amsterdam.put(`/api/v1/team/${staff.amsterdamTarget.userId}/roles`, { roles: ['national_coordinator'] }),
        403,
        'invitation.role_not_allowed',
      );
      assert.equal((await stateOf(staff.rotterdamTarget.userId))?.active, true);
    });

    it('applies a role change at once, and ends a deactivated member’s sessions', async () => {
      const coordinator = staff.people.amsterdamCoordinator.client;
      const member = staff.amsterdamTarget;
      const client = await signIn(world.app, world.clock, member);
      expectError(await client.get('/api/v1/audit'), 403, 'auth.forbidden');
      assert.equal(
        (await coordinator.put(`/api/v1/team/${member.userId}/roles`, { roles: ['responder', 'privacy_officer'] }))
          .status,
        204,
      );
      assert.equal((await client.get('/api/v1/audit')).status, 200, 'the new role works without signing in again');
      assert.equal(
        (await coordinator.put(`/api/v1/team/${member.userId}/roles`, { roles: ['responder'] })).status,
        204,
      );
      expectError(await client.get('/api/v1/audit'), 403, 'auth.forbidden');

      const team = await coordinator.get('/api/v1/team');
      const listed = team.body.members.find((candidate: { id: string }) => candidate.id === member.userId);
      assert.deepEqual([listed.roles, listed.active, listed.secondFactor], [['responder'], true, true]);

      assert.equal((await coordinator.post(`/api/v1/team/${member.userId}/deactivate`)).status, 204);
      expectError(await client.get('/api/v1/session'), 401, 'auth.session_expired');
      const again = await new ApiClient(world.app.baseUrl).post('/api/v1/session', {
        email: member.email,
        password: member.password,
      });
      expectError(again, 401, 'sign_in.failed');
    });

    it('does not let anyone deactivate themselves', async () => {
      const national = staff.people.national;
      expectError(
        await national.client.post(`/api/v1/team/${national.userId}/deactivate`),
        409,
        'team.cannot_deactivate_self',
      );
      assert.equal((await stateOf(national.userId))?.active, true);
    });

    it('shows a GM0599 privacy officer none of GM0363’s audit entries, nor the national ones', async () => {
      const officer = staff.people.rotterdamPrivacyOfficer.client;
      const all = await officer.get('/api/v1/audit?limit=1000');
      assert.equal(all.status, 200);
      assert.ok(all.body.entries.length > 0);
      for (const entry of all.body.entries) assert.equal(entry.municipalityCode, 'GM0599', JSON.stringify(entry));

      const asked = await officer.get('/api/v1/audit?municipality=GM0363');
      assert.deepEqual(asked.body.entries, []);
      const byActor = await officer.get(`/api/v1/audit?actor=${staff.people.amsterdamCoordinator.userId}`);
      assert.deepEqual(byActor.body.entries, []);
      const csv = await officer.get('/api/v1/audit.csv');
      assert.equal(csv.status, 200);
      const exported = csvRecords(csv.text);
      assert.equal(exported.length, all.body.entries.length + 3, 'the entries listed, and the three views since');
      for (const row of exported) assert.equal(row.municipality_code, 'GM0599', JSON.stringify(row));

      expectError(await staff.people.rotterdamCoordinator.client.get('/api/v1/audit'), 403, 'auth.forbidden');
      const amsterdam = await staff.people.amsterdamPrivacyOfficer.client.get('/api/v1/audit?limit=1000');
      assert.ok(amsterdam.body.entries.length > 0);
      for (const entry of amsterdam.body.entries) assert.equal(entry.municipalityCode, 'GM0363');
    });
  });
}
