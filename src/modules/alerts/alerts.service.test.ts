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
import type { OnDuty } from '../roster/roster.service.ts';
import {
  acknowledgeById,
  acknowledgeByToken,
  raiseAlert,
  runEscalationSweep,
  type AlertDeps,
} from './alerts.service.ts';

const ref = (actor: Actor) => ({ id: actor.userId, displayName: actor.displayName, email: actor.email, phone: null });

for (const target of databaseTargets()) {
  describe(`alert escalation with a test clock (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let deps: AlertDeps;
    let staff: Record<'onDuty' | 'deputy' | 'chain' | 'national', Actor>;
    const clock = testClock(new Date('2026-03-02T10:00:00Z'));
    before(async () => {
      world = await createConversationServiceWorld(target);
      staff = {
        onDuty: await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Op Dienst' }),
        deputy: await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Vervanger' }),
        chain: await world.addStaff({
          municipalityCode: AMSTERDAM,
          roles: ['municipal_coordinator'],
          name: 'Coördinator',
        }),
        national: await world.addStaff({ municipalityCode: null, roles: ['national_coordinator'], name: 'Landelijk' }),
      };
      const roster = async (): Promise<OnDuty> => ({
        onDuty: [ref(staff.onDuty)],
        deputies: [ref(staff.deputy)],
        chain: [ref(staff.chain)],
      });
      deps = {
        db: world.deps.db,
        mailer: world.mailer,
        publicBaseUrl: 'https://opendeur.example',
        clock,
        roster,
        log: () => {},
      };
      await world.database.asOwner(
        `INSERT INTO roster_settings (municipality_code, escalation_minutes) VALUES ($1, 7)
         ON CONFLICT (municipality_code) DO UPDATE SET escalation_minutes = 7`,
        [AMSTERDAM],
      );
    });
    after(async () => {
      await world?.close();
    });

    const recipients = () => world.mailer.sent.map((mail) => mail.to);
    const tokenOf = (text: string) => /token=([\w-]+)/.exec(text)?.[1] ?? '';

    it('goes on duty → deputy → chain → national coordinator at the configured minutes, then stops', async () => {
      world.mailer.sent.length = 0;
      await raiseAlert(deps, AMSTERDAM, 'walk_in', null, clock());
      assert.deepEqual(recipients(), [staff.onDuty.email], 'step 0: whoever is on duty, at once');
      const mail = world.mailer.sent[0]!;
      assert.match(
        mail.text,
        /^Een kind zoekt contact met gemeente Amsterdam\. Bevestig dat u het oppakt: https:\/\/opendeur\.example\/alerts\/bevestig\?token=/,
      );

      clock.minutes(6);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 1, 'not before the configured 7 minutes');
      clock.minutes(1);
      await runEscalationSweep(deps, clock());
      assert.deepEqual(recipients().slice(1), [staff.deputy.email], 'after 7 minutes: the deputy');
      clock.minutes(7);
      await runEscalationSweep(deps, clock());
      assert.deepEqual(recipients().slice(2), [staff.chain.email], 'then the chain');
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

    it('an acknowledgement from the e-mail link stops the escalation', async () => {
      world.mailer.sent.length = 0;
      await raiseAlert(deps, AMSTERDAM, 'phone', null, clock());
      const token = tokenOf(world.mailer.sent[0]!.text);
      assert.equal(await acknowledgeByToken(deps, token, clock()), 'acknowledged');
      assert.equal(await acknowledgeByToken(deps, token, clock()), 'already');
      assert.equal(await acknowledgeByToken(deps, 'x'.repeat(43), clock()), 'unknown');
      clock.minutes(60);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 1, 'nobody else is alerted');
    });

    it('an acknowledgement from the back office stops it too', async () => {
      world.mailer.sent.length = 0;
      const id = await raiseAlert(deps, AMSTERDAM, 'walk_in', null, clock());
      clock.minutes(7);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 2);
      assert.equal(await acknowledgeById(deps, AMSTERDAM, id!, staff.deputy.userId, clock()), true);
      clock.minutes(60);
      await runEscalationSweep(deps, clock());
      assert.equal(world.mailer.sent.length, 2);
      const [row] = await world.database.asOwner<{ acknowledged_by: string }>(
        'SELECT acknowledged_by FROM alerts WHERE id = $1',
        [id],
      );
      assert.equal(row?.acknowledged_by, staff.deputy.userId);
    });

    it('an alert whose first delivery was never dispatched is sent by the sweep', async () => {
      world.mailer.sent.length = 0;
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
