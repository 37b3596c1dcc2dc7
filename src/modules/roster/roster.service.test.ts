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
import { inTenant } from '../../db/tenant.ts';
import { ApiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { tickItem } from '../programme/readiness.service.ts';
import { parseLocal } from './amsterdam-time.ts';
import {
  addException,
  responseFigures,
  rosterView,
  saveChain,
  saveSettings,
  saveShifts,
  setCoverageOverride,
} from './roster-admin.service.ts';
import { listShifts } from './roster.repository.ts';
import {
  AVAILABILITY_REUSE_MS,
  availabilityForChildPages,
  availabilityNow,
  coverageOf,
  onDutyAt,
  uncoveredPeriods,
} from './roster.service.ts';

async function rejectsWith(work: Promise<unknown>, id: string) {
  await assert.rejects(work, (error: unknown) => error instanceof ApiError && error.id === id);
}

const everyDay = [1, 2, 3, 4, 5, 6, 7];

for (const target of databaseTargets()) {
  describe(`the roster (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let coordinator: Actor;
    let anna: Actor;
    let bo: Actor;
    let dirk: Actor;
    let national: Actor;
    let rotterdamCoordinator: Actor;
    const db = () => world.deps.db;
    const ids = (refs: Array<{ id: string }>) => refs.map((ref) => ref.id);

    before(async () => {
      world = await createConversationServiceWorld(target);
      coordinator = await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Cor',
      });
      anna = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Anna' });
      bo = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Bo' });
      dirk = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Dirk' });
      national = await world.addStaff({ municipalityCode: null, roles: ['national_coordinator'], name: 'Landelijk' });
      rotterdamCoordinator = await world.addStaff({
        municipalityCode: ROTTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Rob',
      });
    });
    after(async () => {
      await world?.close();
    });

    it('answers on duty, deputy and the chain in order, with exceptions, across the October change', async () => {
      const now = new Date('2026-10-20T10:00:00Z');
      await saveShifts(
        db(),
        coordinator,
        AMSTERDAM,
        [
          ...everyDay.map((weekday) => ({
            weekday,
            startMinute: 8 * 60,
            endMinute: 0,
            userId: anna.userId,
            role: 'on_duty' as const,
          })),
          ...everyDay.map((weekday) => ({
            weekday,
            startMinute: 0,
            endMinute: 8 * 60,
            userId: bo.userId,
            role: 'on_duty' as const,
          })),
          ...everyDay.map((weekday) => ({
            weekday,
            startMinute: 8 * 60,
            endMinute: 8 * 60,
            userId: dirk.userId,
            role: 'deputy' as const,
          })),
        ],
        now,
      );
      await saveChain(db(), coordinator, AMSTERDAM, [coordinator.userId, dirk.userId], now);
      await saveSettings(
        db(),
        coordinator,
        AMSTERDAM,
        {
          escalationMinutes: 10,
          responseTargetMinutes: 25,
          fallbackAgreed: null,
          phones: [{ userId: anna.userId, phone: '06 1234 5678' }],
        },
        now,
      );

      const day = await onDutyAt(db(), AMSTERDAM, parseLocal('2026-10-20 12:00'));
      assert.deepEqual(ids(day.onDuty), [anna.userId]);
      assert.equal(day.onDuty[0]!.phone, '06 1234 5678');
      assert.deepEqual(ids(day.deputies), [dirk.userId]);
      assert.deepEqual(ids(day.chain), [coordinator.userId], 'the deputy is not repeated in the chain');

      // Bo's night on 25 October 2026 lasts 9 hours: 22:00 UTC to 07:00 UTC.
      assert.deepEqual(ids((await onDutyAt(db(), AMSTERDAM, new Date('2026-10-24T22:00:00Z'))).onDuty), [bo.userId]);
      assert.deepEqual(ids((await onDutyAt(db(), AMSTERDAM, new Date('2026-10-25T06:59:00Z'))).onDuty), [bo.userId]);
      assert.deepEqual(ids((await onDutyAt(db(), AMSTERDAM, new Date('2026-10-25T07:00:00Z'))).onDuty), [anna.userId]);

      // Anna on leave with Bo as replacement for an afternoon; then leave with nobody.
      await addException(
        db(),
        coordinator,
        AMSTERDAM,
        {
          userId: anna.userId,
          replacementUserId: bo.userId,
          startsLocal: '2026-10-21 12:00',
          endsLocal: '2026-10-21 18:00',
        },
        now,
      );
      assert.deepEqual(ids((await onDutyAt(db(), AMSTERDAM, parseLocal('2026-10-21 13:00'))).onDuty), [bo.userId]);
      assert.deepEqual(ids((await onDutyAt(db(), AMSTERDAM, parseLocal('2026-10-21 18:00'))).onDuty), [anna.userId]);
      assert.deepEqual(await uncoveredPeriods(db(), AMSTERDAM, now), []);

      await addException(
        db(),
        coordinator,
        AMSTERDAM,
        {
          userId: anna.userId,
          replacementUserId: null,
          startsLocal: '2026-10-22 09:00',
          endsLocal: '2026-10-22 11:30',
          reason: 'tandarts',
        },
        now,
      );
      const gaps = await uncoveredPeriods(db(), AMSTERDAM, now);
      assert.deepEqual(
        gaps.map((gap) => [gap.startLocal, gap.endLocal, gap.coveredByFallback]),
        [['2026-10-22 09:00', '2026-10-22 11:30', false]],
      );
    });

    it('refuses team members of another municipality or without a responder role', async () => {
      const now = new Date('2026-10-20T10:00:00Z');
      const shift = { weekday: 1, startMinute: 0, endMinute: 60, role: 'on_duty' as const };
      await rejectsWith(
        saveShifts(db(), coordinator, AMSTERDAM, [{ ...shift, userId: rotterdamCoordinator.userId }], now),
        'roster.member_invalid',
      );
      await rejectsWith(
        saveShifts(db(), anna, AMSTERDAM, [{ ...shift, userId: anna.userId }], now),
        'roster.not_own_municipality',
      );
      await rejectsWith(rosterView(db(), rotterdamCoordinator, AMSTERDAM, now), 'roster.not_own_municipality');
      assert.equal(
        (await rosterView(db(), national, AMSTERDAM, now)).shifts.length,
        21,
        'the national coordinator reads it',
      );
    });

    it('keeps an uncovered municipality offline until a fallback or an audited override', async () => {
      const now = new Date('2026-10-20T10:00:00Z');
      await world.database.asOwner("UPDATE municipalities SET participation = 'enrolled' WHERE code = $1", [AMSTERDAM]);
      const items = await world.database.asOwner<{ id: string; key: string }>('SELECT id, key FROM readiness_items');
      const roster = items.find((item) => item.key === 'roster_covered')!;
      assert.equal((await coverageOf(db(), AMSTERDAM, now)).mayBeActive, false);
      await rejectsWith(tickItem(db(), coordinator, AMSTERDAM, roster.id, {}, now), 'roster.not_covered');
      for (const item of items.filter((item) => item.key !== 'roster_covered')) {
        await tickItem(db(), coordinator, AMSTERDAM, item.id, {}, now);
      }
      // Switching the roster item off does not get round the gate.
      await world.database.asOwner("UPDATE readiness_items SET active = false WHERE key = 'roster_covered'");
      const last = items.find((item) => item.key === 'sticker_on_door')!;
      const view = await tickItem(db(), coordinator, AMSTERDAM, last.id, {}, now);
      assert.equal(view.complete, true);
      assert.equal(view.participation, 'enrolled');
      await world.database.asOwner("UPDATE readiness_items SET active = true WHERE key = 'roster_covered'");

      await rejectsWith(setCoverageOverride(db(), coordinator, AMSTERDAM, 'zelf', now), 'roster.not_own_municipality');
      await setCoverageOverride(db(), national, AMSTERDAM, 'Gat van 2,5 uur; tandarts, akkoord', now);
      const coverage = await coverageOf(db(), AMSTERDAM, now);
      assert.equal(coverage.covered, false);
      assert.equal(coverage.mayBeActive, true);
      const activated = await tickItem(db(), coordinator, AMSTERDAM, roster.id, {}, now);
      assert.equal(activated.participation, 'active');
      const audit = await world.database.asOwner<{ action: string; details: Record<string, unknown> }>(
        "SELECT action, details FROM audit_log WHERE action LIKE 'roster.coverage%' ORDER BY id",
      );
      assert.deepEqual(audit, [
        { action: 'roster.coverage_override_set', details: { reason: 'Gat van 2,5 uur; tandarts, akkoord' } },
      ]);

      await setCoverageOverride(db(), national, AMSTERDAM, null, now);
      await saveSettings(
        db(),
        coordinator,
        AMSTERDAM,
        {
          escalationMinutes: 10,
          responseTargetMinutes: 25,
          fallbackAgreed: 'Veilig Thuis regio Amsterdam na 22:00',
        },
        now,
      );
      const withFallback = await coverageOf(db(), AMSTERDAM, now);
      assert.equal(withFallback.covered, true);
      assert.equal(withFallback.periods.length, 1);
      assert.equal(withFallback.periods[0]!.coveredByFallback, true);
    });

    it('tells the child honestly: the expected wait when staffed, the next shift when not', async () => {
      // Rotterdam: only Mondays 09:00–17:00.
      const rob = rotterdamCoordinator;
      await saveShifts(
        db(),
        rob,
        ROTTERDAM,
        [{ weekday: 1, startMinute: 9 * 60, endMinute: 17 * 60, userId: rob.userId, role: 'on_duty' }],
        new Date(),
      );
      const monday = parseLocal('2026-11-30 10:00');
      assert.deepEqual(await availabilityNow(db(), ROTTERDAM, monday), { kind: 'staffed', expectedMinutes: 30 });
      const tuesday = parseLocal('2026-12-01 10:00');
      const unstaffed = await availabilityNow(db(), ROTTERDAM, tuesday);
      assert.equal(unstaffed.kind, 'unstaffed');
      assert.equal(
        unstaffed.kind === 'unstaffed' && unstaffed.nextShiftStart?.toISOString(),
        parseLocal('2026-12-07 09:00').toISOString(),
      );
      // The child's pages reuse an answer for 30 seconds, then ask again (17:00 ends the shift).
      const closing = parseLocal('2026-11-30 16:59');
      const first = availabilityForChildPages(db(), ROTTERDAM, closing);
      assert.equal((await first).kind, 'staffed');
      const later = new Date(closing.getTime() + AVAILABILITY_REUSE_MS - 1000);
      assert.equal(availabilityForChildPages(db(), ROTTERDAM, later), first, 'reused within 30 seconds');
      const afterShift = new Date(closing.getTime() + 2 * 60_000);
      assert.equal((await availabilityForChildPages(db(), ROTTERDAM, afterShift)).kind, 'unstaffed');

      // Ten measured replies (4..13 minutes, median 8.5) replace the target; nine do not.
      const reply = async (startedAt: Date, minutes: number) => {
        const id = randomUUID();
        await world.database.asOwner(
          `INSERT INTO conversations (id, municipality_code, code_hash, created_at, last_child_message_at, last_activity_at)
           VALUES ($1, $2, $3, $4, $4, $4)`,
          [id, ROTTERDAM, Buffer.from(id), startedAt],
        );
        await world.database.asOwner(
          `INSERT INTO conversation_messages (id, conversation_id, municipality_code, author, author_user_id, body, created_at)
           VALUES ($1, $2, $3, 'staff', $4, '\\x00', $5)`,
          [randomUUID(), id, ROTTERDAM, rob.userId, new Date(startedAt.getTime() + minutes * 60_000)],
        );
      };
      for (let i = 0; i < 9; i++) await reply(new Date(monday.getTime() - (i + 1) * 86_400_000), 4 + i);
      assert.deepEqual(await availabilityNow(db(), ROTTERDAM, monday), { kind: 'staffed', expectedMinutes: 30 });
      await reply(new Date(monday.getTime() - 10 * 86_400_000), 13);
      assert.deepEqual(await availabilityNow(db(), ROTTERDAM, monday), { kind: 'staffed', expectedMinutes: 9 });

      const figures = await responseFigures(db(), rob, ROTTERDAM, monday);
      const replied = figures.weeks.reduce((sum, week) => sum + week.replied, 0);
      assert.equal(replied, 10);
      assert.ok(figures.weeks.every((week) => /^2026-W\d\d$/.test(week.week)));
      const w47 = figures.weeks.find((week) => week.week === '2026-W47')!;
      assert.ok(w47.firstReplyMedian !== null && w47.firstReplyP90! >= w47.firstReplyMedian);
      await rejectsWith(responseFigures(db(), coordinator, ROTTERDAM, monday), 'roster.not_own_municipality');
    });

    it('keeps each municipality’s roster to itself (row-level security)', async () => {
      const rotterdamShifts = await inTenant(db(), { kind: 'municipality', code: AMSTERDAM }, (tx) =>
        listShifts(tx, ROTTERDAM),
      );
      assert.deepEqual(rotterdamShifts, []);
      const none = await inTenant(db(), { kind: 'none' }, (tx) => listShifts(tx, AMSTERDAM));
      assert.deepEqual(none, []);
      const nationally = await inTenant(db(), { kind: 'national' }, (tx) => listShifts(tx, ROTTERDAM));
      assert.equal(nationally.length, 1);
      await assert.rejects(
        world.database.asOwner(
          `INSERT INTO roster_shifts (municipality_code, weekday, start_minute, end_minute, user_id) VALUES ($1, 1, 0, 60, $2)`,
          [AMSTERDAM, rotterdamCoordinator.userId],
        ),
        /roster_shifts_user_same_municipality/,
      );
    });
  });
}
