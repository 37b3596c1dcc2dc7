import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { staffRoles, staffUsers } from '../accounts/accounts.tables.ts';
import type { PatternShift, RosterException, RosterPlan } from './roster-schedule.ts';
import {
  rosterEscalationChain,
  rosterExceptions,
  rosterMembers,
  rosterSettings,
  rosterShifts,
} from './roster.tables.ts';

/** A staff member as alerts and the front desk need them. */
export interface StaffRef {
  id: string;
  displayName: string;
  email: string;
  phone?: string | null;
}

/** The settings of a municipality, with the defaults when none are stored. */
export interface RosterSettings {
  escalationMinutes: number;
  responseTargetMinutes: number;
  fallbackAgreed: string | null;
  coverageOverrideReason: string | null;
  coverageOverrideBy: string | null;
  coverageOverrideAt: Date | null;
}

/** The weekly pattern and the exceptions of a municipality. */
export async function loadPlan(tx: Transaction, code: string): Promise<RosterPlan> {
  // One query at a time: a transaction's connection runs queries in turn anyway.
  return { shifts: await listShifts(tx, code), exceptions: await listExceptions(tx, code) };
}

/** The weekly pattern, by weekday and start. */
export async function listShifts(tx: Transaction, code: string): Promise<Array<PatternShift & { id: string }>> {
  return tx
    .select({
      id: rosterShifts.id,
      weekday: rosterShifts.weekday,
      startMinute: rosterShifts.startMinute,
      endMinute: rosterShifts.endMinute,
      userId: rosterShifts.userId,
      role: rosterShifts.role,
    })
    .from(rosterShifts)
    .where(eq(rosterShifts.municipalityCode, code))
    .orderBy(asc(rosterShifts.weekday), asc(rosterShifts.startMinute), asc(rosterShifts.role));
}

/** Replaces the whole weekly pattern (the editor saves it as one table). */
export async function replaceShifts(tx: Transaction, code: string, shifts: PatternShift[]): Promise<void> {
  await tx.delete(rosterShifts).where(eq(rosterShifts.municipalityCode, code));
  if (shifts.length > 0) await tx.insert(rosterShifts).values(shifts.map((s) => ({ ...s, municipalityCode: code })));
}

/** Every exception, oldest period first. */
export async function listExceptions(
  tx: Transaction,
  code: string,
): Promise<Array<RosterException & { id: string; reason: string | null }>> {
  return tx
    .select({
      id: rosterExceptions.id,
      userId: rosterExceptions.userId,
      replacementUserId: rosterExceptions.replacementUserId,
      startsLocal: rosterExceptions.startsLocal,
      endsLocal: rosterExceptions.endsLocal,
      reason: rosterExceptions.reason,
      createdAt: rosterExceptions.createdAt,
    })
    .from(rosterExceptions)
    .where(eq(rosterExceptions.municipalityCode, code))
    .orderBy(asc(rosterExceptions.startsLocal));
}

/** Adds an exception; answers its id. */
export async function insertException(
  tx: Transaction,
  row: {
    municipalityCode: string;
    userId: string;
    replacementUserId: string | null;
    startsLocal: string;
    endsLocal: string;
    reason: string | null;
    createdBy: string | null;
    createdAt: Date;
  },
): Promise<string> {
  const [inserted] = await tx.insert(rosterExceptions).values(row).returning({ id: rosterExceptions.id });
  return inserted!.id;
}

/** Removes an exception; false when it is not there. */
export async function deleteException(tx: Transaction, code: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(rosterExceptions)
    .where(and(eq(rosterExceptions.municipalityCode, code), eq(rosterExceptions.id, id)))
    .returning({ id: rosterExceptions.id });
  return rows.length > 0;
}

/** The escalation chain's user ids, in order. */
export async function listChain(tx: Transaction, code: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: rosterEscalationChain.userId })
    .from(rosterEscalationChain)
    .where(eq(rosterEscalationChain.municipalityCode, code))
    .orderBy(asc(rosterEscalationChain.position));
  return rows.map((row) => row.userId);
}

/** Replaces the escalation chain. */
export async function replaceChain(tx: Transaction, code: string, userIds: string[]): Promise<void> {
  await tx.delete(rosterEscalationChain).where(eq(rosterEscalationChain.municipalityCode, code));
  if (userIds.length > 0) {
    await tx
      .insert(rosterEscalationChain)
      .values(userIds.map((userId, position) => ({ municipalityCode: code, position, userId })));
  }
}

/** Sets (or clears) a team member's phone number. */
export async function upsertMemberPhone(
  tx: Transaction,
  code: string,
  userId: string,
  phone: string | null,
  now: Date,
) {
  await tx
    .insert(rosterMembers)
    .values({ municipalityCode: code, userId, phone, updatedAt: now })
    .onConflictDoUpdate({
      target: [rosterMembers.municipalityCode, rosterMembers.userId],
      set: { phone, updatedAt: now },
    });
}

/**
 * The municipality's active responders and coordinators (who may be on the roster), with their
 * phone numbers.
 */
export async function listTeam(tx: Transaction, code: string): Promise<StaffRef[]> {
  const rows = await tx
    .selectDistinct({
      id: staffUsers.id,
      displayName: staffUsers.displayName,
      email: staffUsers.email,
      phone: rosterMembers.phone,
    })
    .from(staffUsers)
    .innerJoin(staffRoles, eq(staffRoles.userId, staffUsers.id))
    .leftJoin(
      rosterMembers,
      and(eq(rosterMembers.userId, staffUsers.id), eq(rosterMembers.municipalityCode, staffUsers.municipalityCode)),
    )
    .where(
      and(
        eq(staffUsers.municipalityCode, code),
        eq(staffUsers.active, true),
        inArray(staffRoles.role, ['responder', 'municipal_coordinator']),
      ),
    )
    .orderBy(asc(staffUsers.displayName));
  return rows;
}

/** The stored settings, or the defaults. */
export async function findSettings(tx: Transaction, code: string): Promise<RosterSettings> {
  const [row] = await tx.select().from(rosterSettings).where(eq(rosterSettings.municipalityCode, code));
  return {
    escalationMinutes: row?.escalationMinutes ?? 10,
    responseTargetMinutes: row?.responseTargetMinutes ?? 30,
    fallbackAgreed: row?.fallbackAgreed ?? null,
    coverageOverrideReason: row?.coverageOverrideReason ?? null,
    coverageOverrideBy: row?.coverageOverrideBy ?? null,
    coverageOverrideAt: row?.coverageOverrideAt ?? null,
  };
}

/** Stores some settings (the others keep their value or default). */
export async function upsertSettings(
  tx: Transaction,
  code: string,
  values: Partial<Omit<RosterSettings, 'coverageOverrideAt'>> & { coverageOverrideAt?: Date | null },
  now: Date,
) {
  await tx
    .insert(rosterSettings)
    .values({ municipalityCode: code, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: rosterSettings.municipalityCode, set: { ...values, updatedAt: now } });
}

/** Median first-response minutes over conversations started in [since, until), and how many there were. */
export async function firstResponseMedian(tx: Transaction, code: string, since: Date, until: Date) {
  const result = await tx.execute<{ n: number; median: number | null }>(sql`
    WITH firsts AS (
      SELECT c.created_at, min(m.created_at) AS replied_at
        FROM conversations c JOIN conversation_messages m
          ON m.conversation_id = c.id AND m.author = 'staff'
       WHERE c.municipality_code = ${code} AND c.created_at >= ${since} AND c.created_at < ${until}
       GROUP BY c.id, c.created_at)
    SELECT count(*)::int AS n,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM replied_at - created_at) / 60)::float8 AS median
      FROM firsts`);
  const row = result.rows[0];
  return { count: row?.n ?? 0, medianMinutes: row?.median ?? null };
}

/** One ISO week of response figures (minutes). */
export interface WeekFigures {
  week: string;
  conversations: number;
  replied: number;
  firstReplyMedian: number | null;
  firstReplyP90: number | null;
  alerts: number | null;
  acknowledgeMedian: number | null;
  acknowledgeP90: number | null;
}

/**
 * Per ISO week (Amsterdam time) since `since`: time to first staff reply and, when the alerts table
 * exists, time to acknowledge.
 */
export async function weeklyFigures(tx: Transaction, code: string, since: Date): Promise<WeekFigures[]> {
  const replies = await tx.execute<{
    week: string;
    conversations: number;
    replied: number;
    median: number | null;
    p90: number | null;
  }>(sql`
    WITH firsts AS (
      SELECT to_char(c.created_at AT TIME ZONE 'Europe/Amsterdam', 'IYYY-"W"IW') AS week,
             extract(epoch FROM min(m.created_at) - c.created_at) / 60 AS minutes
        FROM conversations c LEFT JOIN conversation_messages m
          ON m.conversation_id = c.id AND m.author = 'staff'
       WHERE c.municipality_code = ${code} AND c.created_at >= ${since}
       GROUP BY c.id, c.created_at)
    SELECT week, count(*)::int AS conversations, count(minutes)::int AS replied,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)::float8 AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes)::float8 AS p90
      FROM firsts GROUP BY week`);
  const weeks = new Map<string, WeekFigures>();
  for (const row of replies.rows) {
    weeks.set(row.week, {
      week: row.week,
      conversations: row.conversations,
      replied: row.replied,
      firstReplyMedian: row.median,
      firstReplyP90: row.p90,
      alerts: null,
      acknowledgeMedian: null,
      acknowledgeP90: null,
    });
  }
  if (await alertsTableExists(tx)) {
    const acks = await tx.execute<{ week: string; n: number; median: number | null; p90: number | null }>(sql`
      SELECT to_char(created_at AT TIME ZONE 'Europe/Amsterdam', 'IYYY-"W"IW') AS week, count(*)::int AS n,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - created_at) / 60)::float8 AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM acknowledged_at - created_at) / 60)::float8 AS p90
        FROM alerts WHERE municipality_code = ${code} AND created_at >= ${since} GROUP BY 1`);
    for (const row of acks.rows) {
      const week = weeks.get(row.week) ?? {
        week: row.week,
        conversations: 0,
        replied: 0,
        firstReplyMedian: null,
        firstReplyP90: null,
        alerts: null,
        acknowledgeMedian: null,
        acknowledgeP90: null,
      };
      weeks.set(row.week, { ...week, alerts: row.n, acknowledgeMedian: row.median, acknowledgeP90: row.p90 });
    }
  }
  return [...weeks.values()].sort((a, b) => b.week.localeCompare(a.week));
}

async function alertsTableExists(tx: Transaction): Promise<boolean> {
  const result = await tx.execute<{ found: boolean }>(sql`SELECT to_regclass('public.alerts') IS NOT NULL AS found`);
  return result.rows[0]?.found ?? false;
}
