import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { caseTasks } from './cases.tables.ts';

/** A task row with its assignee's name; the title is still encrypted. */
export interface TaskRow {
  id: string;
  caseId: string;
  title: Buffer;
  dueAt: Date;
  assigneeUserId: string | null;
  assigneeName: string | null;
  doneAt: Date | null;
  remindedAt: Date | null;
}

type RawTaskRow = {
  id: string;
  case_id: string;
  title: Buffer;
  due_at: Date | string;
  assignee_user_id: string | null;
  display_name: string | null;
  done_at: Date | string | null;
  reminded_at: Date | string | null;
};

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

function toTaskRow(row: RawTaskRow): TaskRow {
  return {
    id: row.id,
    caseId: row.case_id,
    title: row.title,
    dueAt: new Date(row.due_at),
    assigneeUserId: row.assignee_user_id,
    assigneeName: row.display_name,
    doneAt: date(row.done_at),
    remindedAt: date(row.reminded_at),
  };
}

/** The case's tasks: open ones first (earliest due first), then the done ones. */
export async function listTaskRows(tx: Transaction, caseId: string, taskId?: string): Promise<TaskRow[]> {
  const rows = await tx.execute<RawTaskRow>(sql`
    SELECT t.id, t.case_id, t.title, t.due_at, t.assignee_user_id, u.display_name, t.done_at, t.reminded_at
      FROM case_tasks t LEFT JOIN staff_users u ON u.id = t.assignee_user_id
     WHERE t.case_id = ${caseId}::uuid ${taskId ? sql`AND t.id = ${taskId}::uuid` : sql``}
     ORDER BY t.done_at IS NOT NULL, t.due_at, t.id`);
  return rows.rows.map(toTaskRow);
}

/** Stores a new task (the title encrypted by the caller). */
export async function insertTask(tx: Transaction, values: typeof caseTasks.$inferInsert): Promise<void> {
  await tx.insert(caseTasks).values(values);
}

/** Marks an open task done; answers false when it was done already. */
export async function markTaskDone(tx: Transaction, taskId: string, userId: string, now: Date): Promise<boolean> {
  const updated = await tx
    .update(caseTasks)
    .set({ doneAt: now, doneBy: userId })
    .where(and(eq(caseTasks.id, taskId), sql`${caseTasks.doneAt} IS NULL`))
    .returning({ id: caseTasks.id });
  return updated.length === 1;
}

/** Whether `userId` is an active responder or coordinator of the municipality (who may get a task). */
export async function isCaseStaff(tx: Transaction, municipalityCode: string, userId: string): Promise<boolean> {
  const result = await tx.execute<{ found: boolean }>(sql`
    SELECT EXISTS (
      SELECT 1 FROM staff_users u JOIN staff_roles r ON r.user_id = u.id
       WHERE u.id = ${userId}::uuid AND u.municipality_code = ${municipalityCode} AND u.active
         AND r.role IN ('responder', 'municipal_coordinator')) AS found`);
  return result.rows[0]?.found === true;
}

/**
 * Tasks due, not done and not reminded, of cases still open, locked for this sweep (another
 * instance's sweep skips them). Row-level security limits them to the transaction's municipality.
 */
export async function lockDueTasks(
  tx: Transaction,
  now: Date,
  limit: number,
): Promise<Array<{ id: string; caseId: string; municipalityCode: string; assigneeUserId: string | null }>> {
  const rows = await tx.execute<{
    id: string;
    case_id: string;
    municipality_code: string;
    assignee_user_id: string | null;
  }>(sql`
    SELECT t.id, t.case_id, t.municipality_code, t.assignee_user_id
      FROM case_tasks t JOIN cases c ON c.id = t.case_id
     WHERE t.done_at IS NULL AND t.reminded_at IS NULL AND t.due_at <= ${now.toISOString()}::timestamptz
       AND c.status <> 'closed'
     ORDER BY t.due_at
     LIMIT ${limit}
       FOR UPDATE OF t SKIP LOCKED`);
  return rows.rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    municipalityCode: row.municipality_code,
    assigneeUserId: row.assignee_user_id,
  }));
}

/** Records that the task's reminder went out. */
export async function markTaskReminded(tx: Transaction, taskId: string, now: Date): Promise<void> {
  await tx.update(caseTasks).set({ remindedAt: now }).where(eq(caseTasks.id, taskId));
}
