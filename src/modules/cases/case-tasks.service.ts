import { randomUUID } from 'node:crypto';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { auditCase, caseMunicipalityOf, openCase } from './case-access.ts';
import { decryptCaseField, encryptCaseField } from './case-keys.ts';
import { isCaseStaff, insertTask, listTaskRows, markTaskDone, type TaskRow } from './case-tasks.repository.ts';
import type { CreateTaskRequest, TaskView } from './case-tasks.schema.ts';
import { recordCaseEvent } from './case-timeline.repository.ts';
import type { CaseDeps } from './cases.types.ts';

/**
 * Follow-up tasks on a case: who does what by when. The title is content (encrypted with the case
 * key); creating and finishing a task go on the timeline and into the audit log, by id only.
 */

async function toView(
  keyring: Keyring,
  tx: Transaction,
  municipalityCode: string,
  row: TaskRow,
  now: Date,
): Promise<TaskView> {
  const title = await decryptCaseField(
    keyring,
    tx,
    { municipalityCode, caseId: row.caseId, table: 'case_tasks', recordId: row.id, column: 'title' },
    row.title,
  );
  return {
    id: row.id,
    title,
    dueAt: row.dueAt.toISOString(),
    assignee: row.assigneeUserId ? { id: row.assigneeUserId, displayName: row.assigneeName ?? '' } : null,
    doneAt: row.doneAt?.toISOString() ?? null,
    remindedAt: row.remindedAt?.toISOString() ?? null,
    overdue: row.doneAt === null && row.dueAt.getTime() <= now.getTime(),
  };
}

/** The case's tasks, decrypted. Audited: 'case.tasks_read'. */
export async function listTasks(deps: CaseDeps, actor: Actor, caseId: string): Promise<{ tasks: TaskView[] }> {
  const municipalityCode = caseMunicipalityOf(actor);
  const now = deps.clock();
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    await openCase(tx, actor, caseId, now);
    const rows = await listTaskRows(tx, caseId);
    const tasks: TaskView[] = [];
    for (const row of rows) tasks.push(await toView(deps.keyring, tx, municipalityCode, row, now));
    await auditCase(tx, actor, 'case.tasks_read', caseId);
    return { tasks };
  });
}

/** Adds a task; its assignee (optional) must be an active responder or coordinator of the municipality. */
export async function createTask(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  request: CreateTaskRequest,
): Promise<TaskView> {
  const municipalityCode = caseMunicipalityOf(actor);
  const now = deps.clock();
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    await openCase(tx, actor, caseId, now);
    const assigneeUserId = request.assigneeUserId ?? null;
    if (assigneeUserId && !(await isCaseStaff(tx, municipalityCode, assigneeUserId)))
      throw apiError('case_task.assignee_invalid', {}, 'assigneeUserId');
    const id = randomUUID();
    const title = await encryptCaseField(
      deps.keyring,
      tx,
      { municipalityCode, caseId, table: 'case_tasks', recordId: id, column: 'title' },
      request.title,
    );
    const dueAt = new Date(request.dueAt);
    await insertTask(tx, {
      id,
      caseId,
      municipalityCode,
      title,
      dueAt,
      assigneeUserId,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordCaseEvent(deps.keyring, tx, {
      caseId,
      municipalityCode,
      kind: 'task',
      actorUserId: actor.userId,
      details: { action: 'created', taskId: id, dueAt: dueAt.toISOString(), assigneeUserId },
      at: now,
    });
    await auditCase(tx, actor, 'case.task_created', caseId, { taskId: id });
    const [row] = await listTaskRows(tx, caseId, id);
    return toView(deps.keyring, tx, municipalityCode, row!, now);
  });
}

/** Marks a task done (again: no change). */
export async function completeTask(deps: CaseDeps, actor: Actor, caseId: string, taskId: string): Promise<TaskView> {
  const municipalityCode = caseMunicipalityOf(actor);
  const now = deps.clock();
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    await openCase(tx, actor, caseId, now);
    const [existing] = await listTaskRows(tx, caseId, taskId);
    if (!existing) throw apiError('case_task.not_found');
    if (await markTaskDone(tx, taskId, actor.userId, now)) {
      await recordCaseEvent(deps.keyring, tx, {
        caseId,
        municipalityCode,
        kind: 'task',
        actorUserId: actor.userId,
        details: { action: 'done', taskId },
        at: now,
      });
      await auditCase(tx, actor, 'case.task_done', caseId, { taskId });
    }
    const [row] = await listTaskRows(tx, caseId, taskId);
    return toView(deps.keyring, tx, municipalityCode, row!, now);
  });
}
