import type { RosterMember } from '../../api/roster-api.ts';

/** Minutes after midnight as "HH:MM". */
export function minuteText(minute: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** "HH:MM" (a time input's value) as minutes after midnight; undefined when it is not a time. */
export function parseMinute(text: string): number | undefined {
  const match = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : undefined;
}

/** The team member's name, or the id when they left the team. */
export function memberName(team: readonly RosterMember[], id: string | null): string {
  return team.find((member) => member.id === id)?.displayName ?? id ?? '';
}

/** Local wall-clock text "YYYY-MM-DD HH:MM" for people: "YYYY-MM-DD HH:MM" without a T or seconds. */
export function localText(text: string): string {
  return text.replace('T', ' ').slice(0, 16);
}

/** Hours (rounded to one decimal) between two local wall-clock texts' instants. */
export function gapHours(gaps: ReadonlyArray<{ start: string; end: string }>): number {
  const ms = gaps.reduce((sum, gap) => sum + (Date.parse(gap.end) - Date.parse(gap.start)), 0);
  return Math.round(ms / 360_000) / 10;
}
