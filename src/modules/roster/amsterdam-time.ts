/**
 * Europe/Amsterdam wall-clock arithmetic without Intl or Temporal: the EU rule (since 1996) is
 * CET (UTC+1), and CEST (UTC+2) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
 * last Sunday of October.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A local calendar date. */
export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

function lastSundayUtc(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0); // day 0 of the next month
  const weekday = new Date(lastDay).getUTCDay();
  return lastDay - weekday * DAY + 60 * MINUTE; // 01:00 UTC
}

/** The Amsterdam offset from UTC in minutes (60 or 120) at an instant. */
export function amsterdamOffsetMinutes(at: Date): number {
  const year = at.getUTCFullYear();
  const t = at.getTime();
  return t >= lastSundayUtc(year, 3) && t < lastSundayUtc(year, 10) ? 120 : 60;
}

/**
 * The instant of a local date and minute of the day (minute may exceed 1439: it runs into the next
 * days). Like Temporal's 'compatible': a time skipped in March counts with the offset before the
 * change (02:30 → 03:30 CEST); a time that occurs twice in October is its first occurrence.
 */
export function localToInstant(date: LocalDate, minuteOfDay: number): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  for (const offset of [120, 60]) {
    const candidate = new Date(wall - offset * MINUTE);
    if (amsterdamOffsetMinutes(candidate) === offset) return candidate;
  }
  return new Date(wall - 60 * MINUTE);
}

/** The local date, ISO weekday (1 = Monday) and minute of the day of an instant. */
export function instantToLocal(at: Date): LocalDate & { weekday: number; minuteOfDay: number } {
  const wall = new Date(at.getTime() + amsterdamOffsetMinutes(at) * MINUTE);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/** The local date `days` after `date` (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday (1 = Monday) of a local date. */
export function weekdayOf(date: LocalDate): number {
  return ((new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7) + 1;
}

/** "YYYY-MM-DD HH:MM" local wall-clock text of an instant. */
export function formatLocal(at: Date): string {
  const local = instantToLocal(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(Math.floor(local.minuteOfDay / 60))}:${pad(local.minuteOfDay % 60)}`;
}

/** Parses local wall-clock text "YYYY-MM-DD[ T]HH:MM[:SS]" (as a `timestamp` column gives it) into an instant. */
export function parseLocal(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(text);
  if (!match) throw new Error(`not a local date-time: ${text}`);
  const [, y, m, d, hh, mm] = match.map(Number) as [number, number, number, number, number, number];
  return localToInstant({ year: y, month: m, day: d }, hh * 60 + mm);
}
