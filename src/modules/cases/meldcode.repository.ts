import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { cases, meldcodeDecisions } from './cases.tables.ts';

/** A stored Meldcode decision with the decider's name; answers and reason still encrypted. */
export interface MeldcodeDecisionRow {
  id: string;
  step: number;
  answers: Buffer;
  decision: string;
  reason: Buffer | null;
  departsFromDefault: boolean;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: Date;
}

/**
 * Locks the case row until the transaction ends, so that two decisions on one case are taken one
 * after the other (the order check and the "decided after" time rely on it); answers its status.
 */
export async function lockCaseForMeldcode(tx: Transaction, caseId: string): Promise<string | undefined> {
  const locked = await tx.execute<{ status: string }>(
    sql`SELECT status FROM cases WHERE id = ${caseId}::uuid FOR UPDATE`,
  );
  return locked.rows[0]?.status;
}

/** Every decision of the case, oldest first. */
export async function listMeldcodeDecisions(tx: Transaction, caseId: string): Promise<MeldcodeDecisionRow[]> {
  const result = await tx.execute<{
    id: string;
    step: number;
    answers: Buffer;
    decision: string;
    reason: Buffer | null;
    departs_from_default: boolean;
    decided_by: string | null;
    display_name: string | null;
    decided_at: Date | string;
  }>(sql`
    SELECT d.id, d.step, d.answers, d.decision, d.reason, d.departs_from_default, d.decided_by,
           u.display_name, d.decided_at
      FROM meldcode_decisions d LEFT JOIN staff_users u ON u.id = d.decided_by
     WHERE d.case_id = ${caseId}::uuid
     ORDER BY d.decided_at, d.id`);
  return result.rows.map((row) => ({
    id: row.id,
    step: Number(row.step),
    answers: row.answers,
    decision: row.decision,
    reason: row.reason,
    departsFromDefault: row.departs_from_default,
    decidedBy: row.decided_by,
    decidedByName: row.display_name,
    decidedAt: new Date(row.decided_at),
  }));
}

/** Appends a decision (decisions are never changed: a step taken again adds a row). */
export async function insertMeldcodeDecision(
  tx: Transaction,
  row: typeof meldcodeDecisions.$inferInsert,
): Promise<void> {
  await tx.insert(meldcodeDecisions).values(row);
}

/** Moves a new case to 'in_progress'; true when it was new. */
export async function startCaseProgress(tx: Transaction, caseId: string): Promise<boolean> {
  const moved = await tx
    .update(cases)
    .set({ status: 'in_progress' })
    .where(and(eq(cases.id, caseId), eq(cases.status, 'new')))
    .returning({ id: cases.id });
  return moved.length > 0;
}
