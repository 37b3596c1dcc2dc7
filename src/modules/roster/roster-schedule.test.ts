import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { amsterdamOffsetMinutes, formatLocal, localToInstant, parseLocal } from './amsterdam-time.ts';
import { assignmentsAt, gapsBetween, nextOnDutyStart, occurrences, type PatternShift } from './roster-schedule.ts';

const HOUR = 60 * 60_000;
const night = (weekday: number, userId = 'anna'): PatternShift => ({
  weekday,
  startMinute: 0,
  endMinute: 8 * 60,
  userId,
  role: 'on_duty',
});

describe('Europe/Amsterdam wall-clock arithmetic', () => {
  it('knows the offset on both sides of the 2026 changes', () => {
    assert.equal(amsterdamOffsetMinutes(new Date('2026-03-29T00:59:59Z')), 60);
    assert.equal(amsterdamOffsetMinutes(new Date('2026-03-29T01:00:00Z')), 120);
    assert.equal(amsterdamOffsetMinutes(new Date('2026-10-25T00:59:59Z')), 120);
    assert.equal(amsterdamOffsetMinutes(new Date('2026-10-25T01:00:00Z')), 60);
  });

  it('reads a skipped time forward and a repeated time as its first occurrence', () => {
    assert.equal(localToInstant({ year: 2026, month: 3, day: 29 }, 150).toISOString(), '2026-03-29T01:30:00.000Z');
    assert.equal(localToInstant({ year: 2026, month: 10, day: 25 }, 150).toISOString(), '2026-10-25T00:30:00.000Z');
    assert.equal(parseLocal('2026-07-01 12:00:00').toISOString(), '2026-07-01T10:00:00.000Z');
    assert.equal(formatLocal(new Date('2026-12-31T23:30:00Z')), '2027-01-01 00:30');
  });
});

describe('the weekly pattern across daylight-saving changes', () => {
  it('makes a 00:00–08:00 shift 7 hours on 29 March 2026 and 9 hours on 25 October 2026', () => {
    const march = occurrences([night(7)], new Date('2026-03-28T12:00:00Z'), new Date('2026-03-29T12:00:00Z'));
    assert.equal(march.length, 1);
    assert.equal(march[0]!.start.toISOString(), '2026-03-28T23:00:00.000Z');
    assert.equal((march[0]!.end.getTime() - march[0]!.start.getTime()) / HOUR, 7);
    const october = occurrences([night(7)], new Date('2026-10-24T12:00:00Z'), new Date('2026-10-25T12:00:00Z'));
    assert.equal(october.length, 1);
    assert.equal(october[0]!.start.toISOString(), '2026-10-24T22:00:00.000Z');
    assert.equal((october[0]!.end.getTime() - october[0]!.start.getTime()) / HOUR, 9);
  });

  it('runs a shift that crosses midnight into the next day, DST included', () => {
    const shift: PatternShift = { weekday: 6, startMinute: 22 * 60, endMinute: 6 * 60, userId: 'bo', role: 'on_duty' };
    const [saturday] = occurrences([shift], new Date('2026-10-24T00:00:00Z'), new Date('2026-10-26T00:00:00Z'));
    assert.equal(saturday!.start.toISOString(), '2026-10-24T20:00:00.000Z'); // 22:00 CEST
    assert.equal(saturday!.end.toISOString(), '2026-10-25T05:00:00.000Z'); // 06:00 CET
    const plan = { shifts: [shift], exceptions: [] };
    assert.deepEqual(assignmentsAt(plan, new Date('2026-10-25T01:30:00Z')).onDuty, ['bo']);
    assert.deepEqual(assignmentsAt(plan, new Date('2026-10-25T05:00:00Z')).onDuty, []);
  });

  it('keeps a shift at the same wall-clock time in winter and summer', () => {
    const day: PatternShift = { weekday: 1, startMinute: 9 * 60, endMinute: 17 * 60, userId: 'cor', role: 'on_duty' };
    const plan = { shifts: [day], exceptions: [] };
    assert.deepEqual(assignmentsAt(plan, new Date('2026-01-05T08:00:00Z')).onDuty, ['cor']); // 09:00 CET
    assert.deepEqual(assignmentsAt(plan, new Date('2026-07-06T07:00:00Z')).onDuty, ['cor']); // 09:00 CEST
    assert.deepEqual(assignmentsAt(plan, new Date('2026-07-06T06:59:00Z')).onDuty, []);
  });
});

describe('exceptions and gaps', () => {
  const allWeek: PatternShift[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday,
    startMinute: 0,
    endMinute: 0,
    userId: 'anna',
    role: 'on_duty',
  }));
  allWeek.push({ weekday: 1, startMinute: 0, endMinute: 0, userId: 'dirk', role: 'deputy' });

  it('replaces a person on leave by nobody, and a swap by the named replacement', () => {
    const plan = {
      shifts: allWeek,
      exceptions: [
        {
          userId: 'anna',
          replacementUserId: null,
          startsLocal: '2026-12-24 00:00:00',
          endsLocal: '2026-12-26 00:00:00',
          createdAt: new Date(1),
        },
        {
          userId: 'anna',
          replacementUserId: 'bo',
          startsLocal: '2026-12-25 12:00:00',
          endsLocal: '2026-12-25 18:00:00',
          createdAt: new Date(2),
        },
      ],
    };
    assert.deepEqual(assignmentsAt(plan, new Date('2026-12-24T10:00:00Z')).onDuty, []);
    assert.deepEqual(assignmentsAt(plan, new Date('2026-12-25T12:00:00Z')).onDuty, ['bo']);
    assert.deepEqual(assignmentsAt(plan, new Date('2026-12-26T00:00:00Z')).onDuty, ['anna']);
    const gaps = gapsBetween(plan, new Date('2026-12-20T00:00:00Z'), new Date('2027-01-03T00:00:00Z'));
    assert.deepEqual(
      gaps.map((gap) => [formatLocal(gap.start), formatLocal(gap.end)]),
      [
        ['2026-12-24 00:00', '2026-12-25 12:00'],
        ['2026-12-25 18:00', '2026-12-26 00:00'],
      ],
    );
  });

  it('finds the weekday gaps of an office-hours roster and the next shift start', () => {
    const office = [1, 2, 3, 4, 5].map((weekday) => ({
      weekday,
      startMinute: 9 * 60,
      endMinute: 17 * 60,
      userId: 'cor',
      role: 'on_duty' as const,
    }));
    const plan = { shifts: office, exceptions: [] };
    const friday = parseLocal('2026-11-27 18:00');
    const gaps = gapsBetween(plan, friday, parseLocal('2026-12-01 18:00'));
    assert.deepEqual(
      gaps.map((gap) => [formatLocal(gap.start), formatLocal(gap.end)]),
      [
        ['2026-11-27 18:00', '2026-11-30 09:00'],
        ['2026-11-30 17:00', '2026-12-01 09:00'],
        ['2026-12-01 17:00', '2026-12-01 18:00'],
      ],
    );
    assert.equal(formatLocal(nextOnDutyStart(plan, friday, parseLocal('2026-12-11 18:00'))!), '2026-11-30 09:00');
    assert.equal(nextOnDutyStart({ shifts: [], exceptions: [] }, friday, parseLocal('2026-12-11 18:00')), null);
  });
});
