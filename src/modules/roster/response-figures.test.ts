import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  AMSTERDAM,
  createConversationServiceWorld,
  ROTTERDAM,
  type ConversationServiceWorld,
} from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import type { Actor } from '../accounts/actor.ts';
import { responseFigures } from './roster-admin.service.ts';

const MINUTE = 60_000;
/** Monday 2 March 2026, 09:00 in Amsterdam (ISO week 2026-W10). */
const WEEK_10 = new Date('2026-03-02T08:00:00Z');
/** Monday 9 March 2026, 00:30 in Amsterdam — still Sunday in UTC: the week is Amsterdam's, 2026-W11. */
const WEEK_11_EARLY = new Date('2026-03-08T23:30:00Z');

/** Rounds the figures so the interpolated percentiles compare without floating-point noise. */
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

for (const target of databaseTargets()) {
  describe(`response figures from known timestamps (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let coordinator: Actor;
    let responder: Actor;
    let rotterdamResponder: Actor;

    /** A conversation started at `startedAt`, with staff replies (and a child's message) after the given minutes. */
    async function conversation(code: string, startedAt: Date, staffMinutes: number[], childMinutes: number[] = []) {
      const id = randomUUID();
      await world.database.asOwner(
        `INSERT INTO conversations (id, municipality_code, code_hash, created_at, last_child_message_at, last_activity_at)
         VALUES ($1, $2, $3, $4, $4, $4)`,
        [id, code, Buffer.from(id), startedAt],
      );
      const messages = [
        ...staffMinutes.map((minutes) => ({ author: 'staff', minutes })),
        ...childMinutes.map((minutes) => ({ author: 'child', minutes })),
      ];
      for (const { author, minutes } of messages) {
        await world.database.asOwner(
          `INSERT INTO conversation_messages (id, conversation_id, municipality_code, author, author_user_id, body, created_at)
           VALUES ($1, $2, $3, $4, $5, '\\x00', $6)`,
          [
            randomUUID(),
            id,
            code,
            author,
            author === 'staff' ? (code === AMSTERDAM ? responder : rotterdamResponder).userId : null,
            new Date(startedAt.getTime() + minutes * MINUTE),
          ],
        );
      }
    }

    /** An alert raised at `raisedAt`, acknowledged after `minutes` (null: never). */
    async function alert(code: string, raisedAt: Date, minutes: number | null) {
      await world.database.asOwner(
        `INSERT INTO alerts (id, municipality_code, source, created_at, step, next_escalation_at, acknowledged_at)
         VALUES ($1, $2, 'walk_in', $3, 0, $3, $4)`,
        [randomUUID(), code, raisedAt, minutes === null ? null : new Date(raisedAt.getTime() + minutes * MINUTE)],
      );
    }

    before(async () => {
      world = await createConversationServiceWorld(target);
      coordinator = await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Cor',
      });
      responder = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Anna' });
      rotterdamResponder = await world.addStaff({ municipalityCode: ROTTERDAM, roles: ['responder'], name: 'Rita' });

      // Week 10: first replies after 10, 20, 30, 40 and 100 minutes (later replies and the child's own
      // message do not count), and one conversation nobody answered.
      const day = (n: number) => new Date(WEEK_10.getTime() + n * 24 * 60 * MINUTE);
      await conversation(AMSTERDAM, day(0), [10, 95]);
      await conversation(AMSTERDAM, day(1), [20], [5]);
      await conversation(AMSTERDAM, day(2), [30]);
      await conversation(AMSTERDAM, day(3), [40, 41]);
      await conversation(AMSTERDAM, day(4), [100]);
      await conversation(AMSTERDAM, day(5), []);
      // Acknowledged after 1 … 10 minutes, and one alert nobody picked up.
      for (let minutes = 1; minutes <= 10; minutes++) await alert(AMSTERDAM, day(minutes % 7), minutes);
      await alert(AMSTERDAM, day(6), null);

      // Week 11 by Amsterdam time (week 10 in UTC): replied after 15, acknowledged after 12.
      await conversation(AMSTERDAM, WEEK_11_EARLY, [15]);
      await alert(AMSTERDAM, new Date(WEEK_11_EARLY.getTime() + 15 * MINUTE), 12);

      // Not counted: before the 12 weeks, and another municipality.
      await conversation(AMSTERDAM, new Date('2025-11-03T10:00:00Z'), [1]);
      await alert(AMSTERDAM, new Date('2025-11-03T10:00:00Z'), 1);
      await conversation(ROTTERDAM, day(1), [3]);
      await alert(ROTTERDAM, day(1), 3);
    });
    after(async () => {
      await world?.close();
    });

    it('gives per Amsterdam ISO week the median and p90 of the first reply and of the acknowledgement', async () => {
      const { weeks } = await responseFigures(world.deps.db, coordinator, AMSTERDAM, new Date('2026-03-12T12:00:00Z'));
      assert.deepEqual(
        weeks.map((week) => ({
          ...week,
          firstReplyMedian: rounded(week.firstReplyMedian),
          firstReplyP90: rounded(week.firstReplyP90),
          acknowledgeMedian: rounded(week.acknowledgeMedian),
          acknowledgeP90: rounded(week.acknowledgeP90),
        })),
        [
          {
            week: '2026-W11',
            conversations: 1,
            replied: 1,
            firstReplyMedian: 15,
            firstReplyP90: 15,
            alerts: 1,
            acknowledgeMedian: 12,
            acknowledgeP90: 12,
          },
          {
            week: '2026-W10',
            conversations: 6,
            replied: 5,
            // Continuous percentiles: the median of 10, 20, 30, 40, 100 is 30; p90 lies 0.6 of the way from 40 to 100.
            firstReplyMedian: 30,
            firstReplyP90: 76,
            // Eleven alerts, ten acknowledged after 1 … 10 minutes: median 5.5, p90 9.1.
            alerts: 11,
            acknowledgeMedian: 5.5,
            acknowledgeP90: 9.1,
          },
        ],
      );
    });
  });
}
