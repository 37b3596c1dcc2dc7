/* eslint-disable @typescript-eslint/no-unsafe-member-access -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../helpers/accounts-app.ts';
import type { ApiClient, ApiResponse } from '../helpers/api-client.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { buildStaffWorld, type StaffWorld } from '../helpers/staff-world.ts';
import type { StaffMember } from '../helpers/staff.ts';

/**
 * Who may do what on one case, over HTTP: the assigned responder and the municipal coordinator may;
 * a responder of the municipality who is not on the case is refused until they break the glass
 * (then allowed, audited, and the coordinator is e-mailed through a real SMTP server); front desk,
 * privacy officer and national coordinator are stopped by the policy; a responder of another
 * municipality does not even find the case.
 */

type Operation = 'list' | 'detail' | 'status' | 'assign' | 'note' | 'consent' | 'classification';
type Expect = number | 'listed' | 'unlisted';

const OPERATIONS: Operation[] = ['list', 'detail', 'status', 'assign', 'note', 'consent', 'classification'];

for (const target of databaseTargets()) {
  describe(`case access matrix with break-the-glass (${target.name})`, () => {
    let world: AccountsApp;
    let staff: StaffWorld;
    let caseId: string;
    let assigned: StaffMember;
    let unassigned: StaffMember;

    before(async () => {
      world = await startAccountsApp(target);
      staff = await buildStaffWorld(world);
      assigned = staff.people.amsterdamResponder;
      unassigned = staff.amsterdamTarget;
      const made = await assigned.client.post('/api/v1/cases', { origin: 'walk_in', summary: 'Samenvatting-geheim' });
      assert.equal(made.status, 201, made.text);
      caseId = made.body.id as string;
    });
    after(async () => {
      await world?.stop();
    });

    const statusOf = async () =>
      (await world.app.owner.pool.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]))
        .rows[0]!.status;

    /** Calls one operation on the case as `client`; answers the response. */
    async function call(client: ApiClient, operation: Operation): Promise<ApiResponse> {
      const path = `/api/v1/cases/${caseId}`;
      switch (operation) {
        case 'list':
          return client.get('/api/v1/cases?view=mine');
        case 'detail':
          return client.get(path);
        case 'status':
          return client.post(`${path}/status`, {
            status: (await statusOf()) === 'in_progress' ? 'follow_up' : 'in_progress',
          });
        case 'assign':
          return client.post(`${path}/assignees`, { userId: assigned.userId });
        case 'note':
          return client.post(`${path}/events`, { kind: 'note', text: 'Notitie' });
        case 'consent':
          return client.put(`${path}/consent`, { consent: 'given' });
        case 'classification':
          return client.put(`${path}/classification`, { category: 'school', subcategory: null });
      }
    }

    /** Runs every operation as `member` and collects what differs from `expected`. */
    async function check(name: string, member: StaffMember, expected: Record<Operation, Expect>): Promise<string[]> {
      const wrong: string[] = [];
      for (const operation of OPERATIONS) {
        const response = await call(member.client, operation);
        const want = expected[operation];
        let got: Expect = response.status;
        if (operation === 'list' && response.status === 200)
          got = (response.body.cases as Array<{ id: string }>).some((item) => item.id === caseId)
            ? 'listed'
            : 'unlisted';
        if (got !== want)
          wrong.push(`${name} ${operation}: expected ${want}, got ${got} ${response.text.slice(0, 200)}`);
      }
      return wrong;
    }

    const allowed: Record<Operation, Expect> = {
      list: 'listed',
      detail: 200,
      status: 200,
      assign: 200,
      note: 200,
      consent: 200,
      classification: 200,
    };
    const everything = (status: number, list: Expect = status): Record<Operation, Expect> => ({
      list,
      detail: status,
      status,
      assign: status,
      note: status,
      consent: status,
      classification: status,
    });

    it('allows the assignee and the coordinator; refuses everyone else', async () => {
      const wrong = [
        ...(await check('assigned responder', assigned, allowed)),
        ...(await check('municipal coordinator', staff.people.amsterdamCoordinator, allowed)),
        ...(await check('unassigned responder', unassigned, everything(403, 'unlisted'))),
        ...(await check('front desk', staff.people.amsterdamFrontDesk, everything(403))),
        ...(await check('privacy officer', staff.people.amsterdamPrivacyOfficer, everything(403))),
        ...(await check('national coordinator', staff.people.national, everything(403))),
        ...(await check('responder of another municipality', staff.rotterdamTarget, everything(404, 'unlisted'))),
      ];
      assert.deepEqual(wrong, []);
      const denied = await unassigned.client.get(`/api/v1/cases/${caseId}`);
      assert.equal(denied.body.error.id, 'case.access_denied');
      const elsewhere = await staff.rotterdamTarget.client.get(`/api/v1/cases/${caseId}`);
      assert.equal(elsewhere.body.error.id, 'case.not_found');
      const all = await unassigned.client.get('/api/v1/cases?view=all');
      assert.equal(
        (all.body.cases as Array<{ id: string; access: string }>).find((item) => item.id === caseId)?.access,
        'none',
        'view=all lists the case, so a responder can break the glass',
      );
    });

    it('refuses breaking the glass to whoever needs not or may not', async () => {
      const reason = { reason: 'Het kind staat aan de balie en vraagt naar de afspraken.' };
      const expectations: Array<[string, StaffMember, number, string]> = [
        ['assigned responder', assigned, 409, 'case.break_glass_not_needed'],
        ['municipal coordinator', staff.people.amsterdamCoordinator, 409, 'case.break_glass_not_needed'],
        ['front desk', staff.people.amsterdamFrontDesk, 403, 'auth.forbidden'],
        ['privacy officer', staff.people.amsterdamPrivacyOfficer, 403, 'auth.forbidden'],
        ['national coordinator', staff.people.national, 403, 'auth.forbidden'],
        ['responder of another municipality', staff.rotterdamTarget, 404, 'case.not_found'],
      ];
      for (const [name, member, status, id] of expectations) {
        const response = await member.client.post(`/api/v1/cases/${caseId}/break-glass`, reason);
        assert.equal(response.status, status, `${name}: ${response.text}`);
        assert.equal(response.body.error.id, id, name);
      }
      const short = await unassigned.client.post(`/api/v1/cases/${caseId}/break-glass`, { reason: 'Even kijken' });
      assert.equal(short.status, 400);
      assert.equal(short.body.error.field, 'reason');
      const grants = await world.app.owner.pool.query('SELECT 1 FROM case_access_grants WHERE case_id = $1', [caseId]);
      assert.equal(grants.rowCount, 0);
    });

    it('lets the unassigned responder in after breaking the glass: audited, coordinator e-mailed', async () => {
      const broken = await unassigned.client.post(`/api/v1/cases/${caseId}/break-glass`, {
        reason: 'Reden-geheim: het kind belt nu en de vaste beantwoorder is er niet.',
      });
      assert.equal(broken.status, 200, broken.text);
      assert.equal(broken.body.access, 'break_glass');
      assert.equal(broken.body.summary, 'Samenvatting-geheim');

      const mail = await world.mailbox.waitForMail(staff.people.amsterdamCoordinator.email, 10_000);
      assert.match(mail.text, /De reden staat in het dossier/);
      assert.match(mail.text, new RegExp(`/beheer/dossiers/${caseId}`));
      assert.ok(!mail.text.includes('Reden-geheim') && !mail.text.includes('Samenvatting'), 'no content in the e-mail');

      // Breaking the glass lets them read and write; who is on the case stays the team's decision.
      const wrong = await check('after breaking the glass', unassigned, { ...allowed, assign: 403 });
      assert.deepEqual(wrong, []);

      const { rows } = await world.app.owner.pool.query<{ action: string; details: Record<string, unknown> }>(
        `SELECT action, details FROM audit_log WHERE object_type = 'case' AND object_id = $1 AND actor_user_id = $2
         ORDER BY id`,
        [caseId, unassigned.userId],
      );
      assert.deepEqual(
        rows.slice(0, 3).map((row) => [row.action, row.details.via ?? null]),
        [
          ['case.break_glass', null],
          ['case.read', 'break_glass'],
          ['case.read', 'break_glass'],
        ],
      );
      assert.ok(
        rows.slice(3).every((row) => row.details.via === 'break_glass'),
        'every change through the grant is audited as such',
      );
      assert.ok(!JSON.stringify(rows).includes('geheim'), 'no content in the audit log');
    });
  });
}
