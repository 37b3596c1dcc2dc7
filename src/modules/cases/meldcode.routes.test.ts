/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import type { ApiResponse } from '../../../test/helpers/api-client.ts';
import { insertBareCase } from '../../../test/helpers/bare-case.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';

function assertError(response: ApiResponse, status: number, id: string, field?: string) {
  assert.equal(response.status, status, response.text);
  assert.equal(response.body.error.id, id, response.text);
  if (field) assert.equal(response.body.error.field, field, response.text);
}

for (const target of databaseTargets()) {
  describe(`Meldcode API (${target.name})`, () => {
    let world: AccountsApp;
    let responder: StaffMember;
    let colleague: StaffMember;
    let caseId: string;
    const url = () => `/api/v1/cases/${caseId}/meldcode`;

    before(async () => {
      world = await startAccountsApp(target);
      const national = await setUpFirstCoordinator(world.app, world.clock);
      const member = (email: string) =>
        addStaff(world.app, world.clock, world.mailbox, national, {
          email,
          municipalityCode: 'GM0363',
          roles: ['responder'],
        });
      responder = await member('responder@example.org');
      colleague = await member('collega@example.org');
      caseId = await insertBareCase(world.app.server.database.db, world.app.server.keyring, {
        municipalityCode: 'GM0363',
        assignees: [responder.userId],
        now: world.clock(),
      });
    });
    after(async () => {
      await world?.stop();
    });

    it('shows the five steps and records a decision, answering the new state', async () => {
      const read = await responder.client.get(url());
      assert.equal(read.status, 200, read.text);
      assert.equal(read.headers.get('cache-control'), 'no-store');
      assert.equal(read.body.currentStep, 1);
      assert.equal(read.body.steps.length, 5);
      assert.equal(read.body.steps[3].title, 'Wegen met het afwegingskader');

      const decided = await responder.client.post(`${url()}/1`, {
        answers: { signals: 'Blauwe plekken', source: 'Het kind', acute_danger: true },
        decision: 'emergency_called',
      });
      assert.equal(decided.status, 200, decided.text);
      assert.equal(decided.body.currentStep, 2);
      assert.equal(decided.body.steps[0].latest.decision, 'emergency_called');
      assert.equal(
        decided.body.steps[0].decisions.find((choice: { isDefault: boolean }) => choice.isDefault).code,
        'emergency_called',
      );
    });

    it('answers refusals with their error ids and a Dutch message naming what is wrong', async () => {
      const early = await responder.client.post(`${url()}/3`, {
        answers: { child_said: 'x', no_false_promises: true },
        decision: 'conversation_held',
      });
      assertError(early, 409, 'meldcode.step_out_of_order');
      assert.match(early.body.error.message, /stap 2/);
      const missing = await responder.client.post(`${url()}/2`, {
        answers: { colleague_consulted: true },
        decision: 'consultation_recorded',
      });
      assertError(missing, 400, 'meldcode.answer_missing', 'answers.consulted_veilig_thuis');
      assert.match(missing.body.error.message, /Hebt u Veilig Thuis om advies gevraagd\?/);
      assertError(
        await responder.client.post(`${url()}/6`, { answers: {}, decision: 'x' }),
        404,
        'meldcode.step_unknown',
      );
      assertError(
        await responder.client.post(`${url()}/1`, { answers: ['nee'], decision: 'signals_mapped' }),
        400,
        'request.invalid',
      );
      assertError(await colleague.client.get(url()), 403, 'case.access_denied');
      assertError(await responder.client.get('/api/v1/cases/geen-id/meldcode'), 404, 'case.not_found');
    });
  });
}
