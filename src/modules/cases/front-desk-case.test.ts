import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testClock } from '../../../test/helpers/clock.ts';
import {
  AMSTERDAM,
  createConversationServiceWorld,
  type ConversationServiceWorld,
} from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import type { Actor } from '../accounts/actor.ts';
import { acknowledgeById, acknowledgeByToken } from '../alerts/alert-acknowledgement.service.ts';
import type { AlertDeps } from '../alerts/alerts.service.ts';
import { registerFrontDeskContact } from '../alerts/front-desk.service.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { readCase } from './case-detail.service.ts';
import type { CaseDeps } from './cases.types.ts';

for (const target of databaseTargets()) {
  describe(`a front-desk contact opens a case; acknowledging its alert assigns it (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let alertDeps: AlertDeps & { keyring: Keyring };
    let caseDeps: CaseDeps;
    let desk: Actor;
    let responder: Actor;
    let national: Actor;
    const clock = testClock(new Date('2026-03-02T10:00:00Z'));
    before(async () => {
      world = await createConversationServiceWorld(target);
      alertDeps = {
        db: world.deps.db,
        mailer: world.mailer,
        publicBaseUrl: 'https://od.example',
        clock,
        keyring: world.keyring,
        log: () => {},
      };
      caseDeps = { db: world.deps.db, keyring: world.keyring, mailer: world.mailer, publicBaseUrl: 'x', clock };
      desk = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['front_desk'], name: 'Balie' });
      responder = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Dienst' });
      national = await world.addStaff({ municipalityCode: null, roles: ['national_coordinator'], name: 'Landelijk' });
    });
    after(async () => {
      await world?.close();
    });

    const caseRow = async (caseId: string) =>
      (
        await world.database.asOwner<{ origin: string; status: string; front_desk_contact_id: string }>(
          'SELECT origin, status, front_desk_contact_id FROM cases WHERE id = $1',
          [caseId],
        )
      )[0]!;
    const assigneesOf = async (caseId: string) =>
      (
        await world.database.asOwner<{ user_id: string }>('SELECT user_id FROM case_assignees WHERE case_id = $1', [
          caseId,
        ])
      ).map((row) => row.user_id);

    it('registers the contact with a new case, nobody assigned, the note as summary', async () => {
      const { alertId, caseId } = await registerFrontDeskContact(
        alertDeps,
        desk,
        { kind: 'phone', note: 'Meisje belt, ~14' },
        clock(),
      );
      const row = await caseRow(caseId);
      assert.equal(row.origin, 'phone');
      assert.equal(row.status, 'new');
      assert.equal(row.front_desk_contact_id, alertId);
      assert.deepEqual(await assigneesOf(caseId), []);

      assert.equal(await acknowledgeById(alertDeps, responder, AMSTERDAM, alertId, clock.minutes(2)), true);
      assert.deepEqual(await assigneesOf(caseId), [responder.userId]);
      const detail = await readCase(caseDeps, responder, caseId);
      assert.equal(detail.summary, 'Meisje belt, ~14');
      assert.deepEqual(
        detail.timeline.map((entry) => [entry.kind, entry.actor?.id, entry.details.via ?? null]),
        [
          ['created', desk.userId, null],
          ['assignment', responder.userId, 'alert_acknowledged'],
        ],
      );
      const audit = await world.database.asOwner<{ action: string; actor_user_id: string }>(
        `SELECT action, actor_user_id FROM audit_log WHERE object_type = 'case' AND object_id = $1 ORDER BY id`,
        [caseId],
      );
      assert.deepEqual(
        audit.map((entry) => [entry.action, entry.actor_user_id]),
        [
          ['case.created', desk.userId],
          ['case.assigned', responder.userId],
          ['case.read', responder.userId],
        ],
      );
    });

    it('assigns whoever acknowledges from the e-mail link, but not a national coordinator', async () => {
      const sentBefore = world.mailer.sent.length;
      const { caseId } = await registerFrontDeskContact(alertDeps, desk, { kind: 'walk_in' }, clock());
      const mail = (await world.mailer.waitFor(sentBefore + 1)).slice(sentBefore).find((m) => m.to === responder.email);
      const token = /token=([\w-]+)/.exec(mail?.text ?? '')?.[1];
      assert.ok(token, mail?.text);
      assert.equal(await acknowledgeByToken(alertDeps, token, clock()), 'acknowledged');
      assert.deepEqual(await assigneesOf(caseId), [responder.userId]);
      assert.equal(await acknowledgeByToken(alertDeps, token, clock()), 'already');

      const other = await registerFrontDeskContact(alertDeps, desk, { kind: 'walk_in' }, clock());
      assert.equal(await acknowledgeById(alertDeps, national, AMSTERDAM, other.alertId, clock()), true);
      assert.deepEqual(await assigneesOf(other.caseId), []);
    });
  });
}
