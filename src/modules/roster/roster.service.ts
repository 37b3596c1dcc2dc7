import type { Database } from '../../db/pool.ts';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { formatLocal } from './amsterdam-time.ts';
import { assignmentsAt, gapsBetween, localDaysLater, nextOnDutyStart, type RosterPlan } from './roster-schedule.ts';
import {
  findSettings,
  firstResponseMedian,
  listChain,
  listTeam,
  loadPlan,
  type StaffRef,
} from './roster.repository.ts';

export type { StaffRef } from './roster.repository.ts';

/** Who to alert at an instant, in order: the people on duty, their deputies, then the escalation chain. */
export interface OnDuty {
  onDuty: StaffRef[];
  deputies: StaffRef[];
  chain: StaffRef[];
}

/**
 * Who is on duty for a municipality at `at` (Europe/Amsterdam roster, right across DST). Only
 * active responders and coordinators count; someone already on duty or deputy is not repeated in
 * the chain.
 */
export async function onDutyAt(db: Database, municipalityCode: string, at: Date): Promise<OnDuty> {
  return inTenant(db, { kind: 'municipality', code: municipalityCode }, (tx) => onDutyInTx(tx, municipalityCode, at));
}

/** onDutyAt inside a transaction that may see the municipality. */
export async function onDutyInTx(tx: Transaction, code: string, at: Date): Promise<OnDuty> {
  const plan = await loadPlan(tx, code);
  const chainIds = await listChain(tx, code);
  const team = await listTeam(tx, code);
  const byId = new Map(team.map((member) => [member.id, member]));
  const refs = (ids: string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  const now = assignmentsAt(plan, at);
  const onDuty = refs(now.onDuty);
  const deputies = refs(now.deputies);
  const seen = new Set([...onDuty, ...deputies].map((ref) => ref.id));
  return { onDuty, deputies, chain: refs(chainIds.filter((id) => !seen.has(id))) };
}

/** A period without anyone on duty, as instants and as Amsterdam wall-clock text. */
export interface UncoveredPeriod {
  start: Date;
  end: Date;
  startLocal: string;
  endLocal: string;
  coveredByFallback: boolean;
}

/** Whether a municipality may be (or become) publicly active as far as the roster goes. */
export interface Coverage {
  periods: UncoveredPeriod[];
  fallbackAgreed: string | null;
  overrideReason: string | null;
  /** No gaps, or every gap is covered by the agreed fallback. */
  covered: boolean;
  /** covered, or the national coordinator's override is set. */
  mayBeActive: boolean;
}

/**
 * The gaps in the next `days` local days from `from`. With an agreed fallback they are still listed,
 * as covered by the fallback, and do not count as uncovered.
 */
export async function uncoveredPeriods(db: Database, code: string, from: Date, days = 14): Promise<UncoveredPeriod[]> {
  return (await coverageOf(db, code, from, days)).periods;
}

/** The coverage of the next `days` days (see uncoveredPeriods). */
export async function coverageOf(db: Database, code: string, from: Date, days = 14): Promise<Coverage> {
  return inTenant(db, { kind: 'municipality', code }, (tx) => coverageInTx(tx, code, from, days));
}

/**
 * The plan as far as people who can be alerted go: shifts of someone no longer on the team
 * (deactivated, or no longer a responder) count as empty, and so does a swap to such a person.
 */
async function activePlan(tx: Transaction, code: string): Promise<RosterPlan> {
  const plan = await loadPlan(tx, code);
  const team = new Set((await listTeam(tx, code)).map((member) => member.id));
  return {
    shifts: plan.shifts.filter((shift) => team.has(shift.userId)),
    exceptions: plan.exceptions.map((exception) =>
      exception.replacementUserId && !team.has(exception.replacementUserId)
        ? { ...exception, replacementUserId: null }
        : exception,
    ),
  };
}

/** coverageOf inside a transaction that may see the municipality. */
export async function coverageInTx(tx: Transaction, code: string, from: Date, days = 14): Promise<Coverage> {
  const plan = await activePlan(tx, code);
  const settings = await findSettings(tx, code);
  const fallback = settings.fallbackAgreed !== null && settings.fallbackAgreed.trim() !== '';
  const periods = gapsBetween(plan, from, localDaysLater(from, days)).map((gap) => ({
    ...gap,
    startLocal: formatLocal(gap.start),
    endLocal: formatLocal(gap.end),
    coveredByFallback: fallback,
  }));
  const covered = periods.every((period) => period.coveredByFallback);
  return {
    periods,
    fallbackAgreed: settings.fallbackAgreed,
    overrideReason: settings.coverageOverrideReason,
    covered,
    mayBeActive: covered || settings.coverageOverrideReason !== null,
  };
}

/** What the child's page says about who is there now. */
export type Availability =
  { kind: 'staffed'; expectedMinutes: number } | { kind: 'unstaffed'; nextShiftStart: Date | null };

/** Measured first responses needed before their median replaces the configured target. */
export const MIN_MEASURED_RESPONSES = 10;

/** How long a municipality's availability is reused for the child's pages (per instance). */
export const AVAILABILITY_REUSE_MS = 30_000;

type RecentAvailability = Map<string, { at: number; availability: Promise<Availability> }>;
const recentAvailability = new WeakMap<Database, RecentAvailability>();

/**
 * {@link availabilityNow} as the child's pages use it: computed at most every 30 seconds per
 * municipality and instance (it costs a handful of queries and a median over a month of replies, and
 * it changes only when a shift starts or ends), so every message a child sends does not pay for it.
 */
export function availabilityForChildPages(db: Database, code: string, now: Date): Promise<Availability> {
  let byCode = recentAvailability.get(db);
  if (!byCode) recentAvailability.set(db, (byCode = new Map() as RecentAvailability));
  const recent = byCode.get(code);
  const age = recent ? now.getTime() - recent.at : Infinity;
  if (recent && age >= 0 && age < AVAILABILITY_REUSE_MS) return recent.availability;
  const availability = availabilityNow(db, code, now);
  byCode.set(code, { at: now.getTime(), availability });
  availability.catch(() => byCode.delete(code));
  return availability;
}

/**
 * Someone on duty now → the expected wait: the median first-response time of the last 30 days when
 * there are at least 10, else the configured target. Nobody → when the next shift starts (within 14 days).
 */
export async function availabilityNow(db: Database, code: string, now: Date): Promise<Availability> {
  return inTenant(db, { kind: 'municipality', code }, async (tx) => {
    const staffed = (await onDutyInTx(tx, code, now)).onDuty.length > 0;
    if (!staffed) {
      const plan = await activePlan(tx, code);
      return { kind: 'unstaffed', nextShiftStart: nextOnDutyStart(plan, now, localDaysLater(now, 14)) };
    }
    const since = new Date(now.getTime() - 30 * 24 * 60 * 60_000);
    const measured = await firstResponseMedian(tx, code, since, now);
    const settings = await findSettings(tx, code);
    const expected =
      measured.count >= MIN_MEASURED_RESPONSES && measured.medianMinutes !== null
        ? measured.medianMinutes
        : settings.responseTargetMinutes;
    return { kind: 'staffed', expectedMinutes: Math.max(1, Math.ceil(expected)) };
  });
}
