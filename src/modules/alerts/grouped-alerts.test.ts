import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AMSTERDAM,
  childMessage,
  createConversationServiceWorld,
  ROTTERDAM,
  type ConversationServiceWorld,
} from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { inTenant } from '../../db/tenant.ts';
import type { Actor } from '../accounts/actor.ts';
import { childReply, startConversation } from '../conversations/child-conversations.service.ts';
import { replyToChild } from '../conversations/inbox.service.ts';
import { listOpenAlerts } from './alerts.repository.ts';
import { acknowledgeById } from './alert-acknowledgement.service.ts';
import { raiseAlert } from './alerts.service.ts';

/**
 * Children writing online share one running alert per municipality: whoever is on duty is called
 * once, the alert counts the children waiting, and after an acknowledgement (or an exhausted chain)
 * the next child starts a new one. Without a roster, step 0 is the whole team: one responder here.
 */

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

for (const target of databaseTargets()) {
  describe(`one running alert for the children writing to a municipality (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let responder: Actor;
    before(async () => {
      world = await createConversationServiceWorld(target);
      responder = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Op Dienst' });
    });
    after(async () => {
      await world?.close();
    });

    const start = async (municipality = AMSTERDAM) => {
      const started = await startConversation(world.deps, municipality, childMessage(), new Date());
      assert.ok(started.kind === 'started');
      return started;
    };
    const openAlerts = (municipality = AMSTERDAM) =>
      inTenant(world.deps.db, { kind: 'municipality', code: municipality }, (tx) => listOpenAlerts(tx, municipality));
    const acknowledgeAll = async () => {
      for (const alert of await openAlerts()) {
        assert.equal(await acknowledgeById(world.deps, responder, AMSTERDAM, alert.id, new Date()), true);
      }
    };

    it('lets children who write while it runs join it, and counts those still waiting', async () => {
      world.mailer.sent.length = 0;
      const first = await start();
      await world.mailer.waitFor(1);
      const second = await start();
      await start();
      const reply = await childReply(world.deps, AMSTERDAM, first.code, 'Nog een bericht', 'grouped-reply', new Date());
      assert.equal(reply.kind, 'sent');
      await settle();
      assert.equal(world.mailer.sent.length, 1, 'the person on duty is called once');
      const [alert, ...others] = await openAlerts();
      assert.equal(others.length, 0, 'one open alert');
      assert.equal(alert?.source, 'conversation');
      assert.equal(alert?.conversationId, first.conversationId, 'raised by the first child');
      assert.equal(alert?.waitingChildren, 3, 'three children, one of whom wrote twice');

      await replyToChild(world.deps, responder, second.conversationId, 'We hebben je bericht gelezen.');
      assert.equal((await openAlerts())[0]?.waitingChildren, 2, 'an answered child no longer waits');

      await acknowledgeAll();
      await start();
      await world.mailer.waitFor(2);
      const [fresh] = await openAlerts();
      assert.notEqual(fresh?.id, alert?.id, 'after the acknowledgement the next child raises a new alert');
      assert.equal(fresh?.waitingChildren, 1);
      await acknowledgeAll();
    });

    it('raises one alert for a burst of children writing at the same moment', async () => {
      await settle();
      world.mailer.sent.length = 0;
      const burst = await Promise.all(Array.from({ length: 12 }, () => start()));
      await world.mailer.waitFor(1);
      await settle();
      assert.equal(world.mailer.sent.length, 1);
      const [alert, ...others] = await openAlerts();
      assert.equal(others.length, 0);
      assert.equal(alert?.waitingChildren, 12);
      const rows = await world.database.asOwner<{ alert_id: string }>(
        'SELECT DISTINCT alert_id FROM conversations WHERE id = ANY($1)',
        [burst.map((started) => started.conversationId)],
      );
      assert.deepEqual(
        rows.map((row) => row.alert_id),
        [alert?.id],
        'every conversation of the burst names that alert',
      );
      await acknowledgeAll();
    });

    it('gives a child at the front desk an alert of its own, while the children online share theirs', async () => {
      await settle();
      world.mailer.sent.length = 0;
      await start();
      await world.mailer.waitFor(1);
      const walkIn = await raiseAlert(world.deps, AMSTERDAM, 'walk_in', null, new Date());
      await world.mailer.waitFor(2);
      const open = await openAlerts();
      assert.deepEqual(open.map((alert) => alert.source).sort(), ['conversation', 'walk_in']);
      assert.equal(open.find((alert) => alert.id === walkIn)?.waitingChildren, null);
      await acknowledgeAll();
    });

    it('starts a new alert after the chain ran out without anybody (nobody there to tell)', async () => {
      const exhausted = async (count: number) => {
        const deadline = Date.now() + 5000;
        for (;;) {
          const rows = await world.database.asOwner<{ exhausted: boolean }>(
            'SELECT exhausted_at IS NOT NULL AS exhausted FROM alerts WHERE municipality_code = $1',
            [ROTTERDAM],
          );
          if (rows.length === count && rows.every((row) => row.exhausted)) return;
          assert.ok(Date.now() < deadline, `expected ${count} exhausted alerts, got ${JSON.stringify(rows)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      await start(ROTTERDAM);
      await exhausted(1);
      await start(ROTTERDAM);
      await exhausted(2);
    });
  });
}
