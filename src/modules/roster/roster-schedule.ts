import { addDays, instantToLocal, localToInstant, parseLocal, weekdayOf } from './amsterdam-time.ts';

/** A shift of the weekly pattern (minutes are Europe/Amsterdam wall clock; end ≤ start crosses midnight). */
export interface PatternShift {
  weekday: number;
  startMinute: number;
  endMinute: number;
  userId: string;
  role: 'on_duty' | 'deputy';
}

/** A local period in which `userId`'s shifts go to `replacementUserId` (null: to nobody). */
export interface RosterException {
  userId: string;
  replacementUserId: string | null;
  startsLocal: string;
  endsLocal: string;
  createdAt: Date;
}

/** What the schedule needs to answer "who is on duty". */
export interface RosterPlan {
  shifts: PatternShift[];
  exceptions: RosterException[];
}

/** One dated occurrence of a pattern shift, as instants. */
export interface Occurrence {
  start: Date;
  end: Date;
  userId: string;
  role: 'on_duty' | 'deputy';
}

const DAY = 24 * 60 * 60_000;

/** The occurrences of the pattern that overlap [from, to). */
export function occurrences(shifts: PatternShift[], from: Date, to: Date): Occurrence[] {
  const result: Occurrence[] = [];
  const first = addDays(instantToLocal(from), -1);
  const days = Math.ceil((to.getTime() - from.getTime()) / DAY) + 2;
  for (let i = 0; i <= days; i++) {
    const date = addDays(first, i);
    const weekday = weekdayOf(date);
    for (const shift of shifts) {
      if (shift.weekday !== weekday) continue;
      const crosses = shift.endMinute <= shift.startMinute;
      const start = localToInstant(date, shift.startMinute);
      const end = localToInstant(crosses ? addDays(date, 1) : date, shift.endMinute);
      if (start < to && end > from) result.push({ start, end, userId: shift.userId, role: shift.role });
    }
  }
  return result;
}

interface ResolvedException {
  userId: string;
  replacementUserId: string | null;
  start: Date;
  end: Date;
  createdAt: Date;
}

function resolveExceptions(exceptions: RosterException[]): ResolvedException[] {
  return exceptions
    .map((e) => ({ ...e, start: parseLocal(e.startsLocal), end: parseLocal(e.endsLocal) }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/**
 * Who is on duty and who is deputy at an instant: the pattern, with each person replaced by the
 * newest exception about them that covers the instant (by its replacement, or by nobody).
 */
export function assignmentsAt(plan: RosterPlan, at: Date): { onDuty: string[]; deputies: string[] } {
  const exceptions = resolveExceptions(plan.exceptions);
  return assign(occurrences(plan.shifts, at, new Date(at.getTime() + 1)), exceptions, at);
}

function assign(all: Occurrence[], exceptions: ResolvedException[], at: Date) {
  const onDuty: string[] = [];
  const deputies: string[] = [];
  for (const occurrence of all) {
    if (!(occurrence.start <= at && at < occurrence.end)) continue;
    const exception = exceptions.find((e) => e.userId === occurrence.userId && e.start <= at && at < e.end);
    const person = exception ? exception.replacementUserId : occurrence.userId;
    if (!person) continue;
    const list = occurrence.role === 'on_duty' ? onDuty : deputies;
    if (!list.includes(person)) list.push(person);
  }
  return { onDuty, deputies: deputies.filter((id) => !onDuty.includes(id)) };
}

/**
 * The periods within [from, to) in which nobody is on duty (role 'on_duty'; a deputy alone is a
 * gap), merged, in time order.
 */
export function gapsBetween(plan: RosterPlan, from: Date, to: Date): Array<{ start: Date; end: Date }> {
  const all = occurrences(plan.shifts, from, to);
  const exceptions = resolveExceptions(plan.exceptions);
  const edges = new Set<number>([from.getTime(), to.getTime()]);
  for (const item of [...all, ...exceptions]) {
    for (const edge of [item.start.getTime(), item.end.getTime()]) {
      if (edge > from.getTime() && edge < to.getTime()) edges.add(edge);
    }
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const gaps: Array<{ start: Date; end: Date }> = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const start = sorted[i]!;
    const end = sorted[i + 1]!;
    if (assign(all, exceptions, new Date(start)).onDuty.length > 0) continue;
    const last = gaps.at(-1);
    if (last && last.end.getTime() === start) last.end = new Date(end);
    else gaps.push({ start: new Date(start), end: new Date(end) });
  }
  return gaps;
}

/** The first instant in [from, to) at which someone is on duty, or null. */
export function nextOnDutyStart(plan: RosterPlan, from: Date, to: Date): Date | null {
  const gaps = gapsBetween(plan, from, to);
  const first = gaps[0];
  if (!first || first.start.getTime() > from.getTime()) return from;
  return first.end.getTime() < to.getTime() ? first.end : null;
}

/** `days` local days after an instant, at the same wall-clock time. */
export function localDaysLater(at: Date, days: number): Date {
  const local = instantToLocal(at);
  return localToInstant(addDays(local, days), local.minuteOfDay);
}
