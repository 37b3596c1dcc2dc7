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
import { saveChain, saveSettings, saveShifts } from '../roster/roster-admin.service.ts';
import { acknowledgeById, acknowledgeByToken } from './alert-acknowledgement.service.ts';
import { raiseAlert, runEscalationSweep, type AlertDeps } from './alerts.service.ts';

const everyDay = [1, 2, 3, 4, 5, 6, 7];

for (const target of databaseTargets()) {
  describe(`alert escalation with a test clock and the real roster (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let deps: AlertDeps;
    let staff: Record<'onDuty' | 'night' | 'deputy' | 'coordinator' | 'national', Actor>;
    // Monday 2 March 2026, 11:00 in Amsterdam: the day shift.
    const clock = testClock(new Date('2026-03-02T10:00:00Z'));
    before(async () => {
      world = await createConversationServiceWorld(target);
      staff = {
        onDuty: await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Op Dienst' }),
        night: await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Nachtdienst' }),
        deputy: await world.addStaff({
          municipalityCode: AMSTERDAM,
          roles: ['responder'],
          name: 'Vervanger',
          locale: 'en',
        }),
        coordinator: await world.addStaff({
          municipalityCode: AMSTERDAM,
          roles: ['municipal_coordinator'],
          name: 'Coördinator',
        }),
        national: await world.addStaff({
          municipalityCode: null,
          roles: ['national_coordinator'],
          name: 'Landelijk',
          locale: 'en',
        }),
      };
      deps = {
        db: world.deps.db,
        mailer: world.mailer,
        publicBaseUrl: 'https://opendeur.example',
        clock,
        log: () => {},
      };
      // The roster as the coordinator sets it up: days 08:00–20:00 with a deputy, nights 20:00–08:00,
      // then the coordinator in the chain, and 7 minutes before each next step.
      const day = { startMinute: 8 * 60, endMinute: 20 * 60 };
      await saveShifts(
        world.deps.db,
        staff.coordinator,
        AMSTERDAM,
        everyDay.flatMap((weekday) => [
          { weekday, ...day, userId: staff.onDuty.userId, role: 'on_duty' as const },
          { weekday, ...day, userId: staff.deputy.userId, role: 'deputy' as const },
          { weekday, startMinute: 20 * 60, endMinute: 8 * 60, userId: staff.night.userId, role: 'on_duty' as const },
        ]),
        clock(),
      );
      await saveChain(world.deps.db, staff.coordinator, AMSTERDAM, [staff.coordinator.userId], clock());
      await saveSettings(
        world.deps.db,
        staff.coordinator,
        AMSTERDAM,
        { escalationMinutes: 7, responseTargetMinutes: 30, fallbackAgreed: null },
        clock(),
      );
    });
    after(async () => {
      await world?.close();
    });

    const recipients = () => world.mailer.sent.map((mail) => mail.to);
    const tokenOf = (text: string) => /token=([\w-]+)/.exec(text)?.[1] ?? '';
    const acknowledgements = () =>
      world.database.asOwner<{ actor_user_id: string | null; actor_role: string; object_id: string; details: object }>(
        `SELECT actor_user_id, actor_role, object_id, details FROM audit_log WHERE action = 'alert.acknowledged' ORDER BY id`,
      );

    it('goes on duty → deputy → chain → national coordinator at the configured minutes, then stops', async () => {
      world.mailer.sent.length = 0;
      await raiseAlert(deps, AMSTERDAM, 'walk_in', null, clock());
      assert.deepEqual(recipients(), [staff.onDuty.email], 'step 0: whoever is on duty, at once');
      const mail = world.mailer.sent[0]!;
      assert.match(
        mail.text,
        /^Een kind zoekt contact met gemeente Amsterdam\. Bevestig dat u het oppakt: https:\/\/opendeur\.example\/alerts\/bevestig\?token=[\w-]+$/,
      );

      clock.minutes(6);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 1, 'not before the configured 7 minutes');
      clock.minutes(1);
      await runEscalationSweep(deps, clock());
      assert.deepEqual(recipients().slice(1), [staff.deputy.email], 'after 7 minutes: the deputy');
      clock.minutes(7);
      await runEscalationSweep(deps, clock());
      assert.deepEqual(recipients().slice(2), [staff.coordinator.email], 'then the chain');
      clock.minutes(7);
      await runEscalationSweep(deps, clock());
      assert.deepEqual(recipients().slice(3), [staff.national.email], 'then the national coordinator');
      clock.minutes(7);
      await runEscalationSweep(deps, clock());
      clock.minutes(60);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 4, 'exhausted: nobody further');
      const [row] = await world.database.asOwner<{ exhausted_at: Date | null; step: number }>(
        'SELECT exhausted_at, step FROM alerts ORDER BY created_at DESC LIMIT 1',
      );
      assert.ok(row?.exhausted_at, 'the alert is marked exhausted');
    });

    it('writes to each person in the language of their account (Dutch unless it says English)', () => {
      const [toOnDuty, toDeputy, toCoordinator, toNational] = world.mailer.sent;
      assert.equal(toOnDuty!.subject, 'Een kind zoekt contact met gemeente Amsterdam');
      assert.equal(toDeputy!.subject, 'A child is seeking contact with the municipality of Amsterdam');
      assert.match(
        toDeputy!.text,
        /^A child is seeking contact with the municipality of Amsterdam\. Confirm that you are picking it up: https:\/\/opendeur\.example\/alerts\/bevestig\?token=[\w-]+&lang=en$/,
      );
      assert.equal(toCoordinator!.subject, 'Een kind zoekt contact met gemeente Amsterdam');
      // A national coordinator's account lies outside the municipality's scope, and is still found.
      assert.equal(toNational!.subject, 'A child is seeking contact with the municipality of Amsterdam');
    });

    it('an acknowledgement from the e-mail link stops the escalation, audited with the person it was sent to', async () => {
      world.mailer.sent.length = 0;
      const id = await raiseAlert(deps, AMSTERDAM, 'phone', null, clock());
      const token = tokenOf(world.mailer.sent[0]!.text);
      assert.equal(await acknowledgeByToken(deps, token, clock()), 'acknowledged');
      assert.equal(await acknowledgeByToken(deps, token, clock()), 'already');
      assert.equal(await acknowledgeByToken(deps, 'x'.repeat(43), clock()), 'unknown');
      clock.minutes(60);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 1, 'nobody else is alerted');
      assert.deepEqual(await acknowledgements(), [
        {
          actor_user_id: staff.onDuty.userId,
          actor_role: 'responder',
          object_id: id,
          details: { via: 'email_link', step: 0 },
        },
      ]);
    });

    it('an acknowledgement from the back office stops it too, audited with who clicked', async () => {
      world.mailer.sent.length = 0;
      clock.set(new Date('2026-03-03T09:00:00Z'));
      const id = await raiseAlert(deps, AMSTERDAM, 'walk_in', null, clock());
      clock.minutes(7);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 2);
      assert.equal(await acknowledgeById(deps, staff.deputy, AMSTERDAM, id!, clock()), true);
      assert.equal(await acknowledgeById(deps, staff.deputy, AMSTERDAM, id!, clock()), false, 'once');
      clock.minutes(60);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 2);
      const [row] = await world.database.asOwner<{ acknowledged_by: string }>(
        'SELECT acknowledged_by FROM alerts WHERE id = $1',
        [id],
      );
      assert.equal(row?.acknowledged_by, staff.deputy.userId);
      assert.deepEqual((await acknowledgements()).at(-1), {
        actor_user_id: staff.deputy.userId,
        actor_role: 'responder',
        object_id: id,
        details: { via: 'back_office', step: 1 },
      });
    });

    it('at night the night shift is alerted, and nobody of the day shift', async () => {
      world.mailer.sent.length = 0;
      // Tuesday 3 March, 23:30 in Amsterdam.
      clock.set(new Date('2026-03-03T22:30:00Z'));
      const id = await raiseAlert(deps, AMSTERDAM, 'phone', null, clock());
      assert.deepEqual(recipients(), [staff.night.email]);
      clock.minutes(7);
      await runEscalationSweep(deps, clock());
      assert.deepEqual(recipients().slice(1), [staff.coordinator.email], 'no deputy at night: on to the chain');
      assert.equal(await acknowledgeById(deps, staff.night, AMSTERDAM, id!, clock()), true);
    });

    it('an alert whose first delivery was never dispatched is sent by the sweep', async () => {
      world.mailer.sent.length = 0;
      clock.set(new Date('2026-03-04T10:00:00Z'));
      await world.database.asOwner(
        `INSERT INTO alerts (id, municipality_code, source, created_at, step, next_escalation_at)
         VALUES (gen_random_uuid(), $1, 'child_message', $2, 0, $2)`,
        [AMSTERDAM, clock()],
      );
      await runEscalationSweep(deps, clock());
      assert.deepEqual(recipients(), [staff.onDuty.email]);
    });
  });
}
