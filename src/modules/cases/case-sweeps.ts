import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import type { Mailer } from '../mail/mailer.ts';
import { staleAfterDaysOf } from './case-settings.service.ts';
import { caseReference } from './case-reference.ts';
import { lockDueTasks, markTaskReminded } from './case-tasks.repository.ts';
import { listCaseMunicipalities } from './retention.repository.ts';

/**
 * The follow-up sweeps, run as pg-boss jobs (case-jobs.ts) with the app's clock: a reminder when a
 * task is overdue, and a flag to the coordinator when a case is untouched for too long. Each works one
 * municipality at a time in its own scope; the e-mails hold no content, only "log in to look".
 */

/** What the sweeps need. */
export interface CaseSweepDeps {
  db: Database;
  mailer: Mailer;
  publicBaseUrl: string;
  log?: (message: string) => void;
}

const BATCH = 100;

function caseLink(publicBaseUrl: string, caseId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/beheer/dossiers/${caseId}`;
}

/** The content-free reminder of an overdue task. */
export function taskReminderMail(to: string, caseId: string, publicBaseUrl: string) {
  const reference = caseReference(caseId);
  return {
    to,
    subject: `Taak verlopen in dossier ${reference}`,
    text: `Een taak in dossier ${reference} is verlopen — log in om te kijken: ${caseLink(publicBaseUrl, caseId)}`,
  };
}

/** The content-free message to the coordinator about untouched cases. */
export function staleCasesMail(to: string, caseIds: string[], days: number, publicBaseUrl: string) {
  const references = caseIds.map(caseReference).join(', ');
  const many = caseIds.length > 1;
  return {
    to,
    subject: many ? `${caseIds.length} dossiers zijn niet aangeraakt` : `Dossier ${references} is niet aangeraakt`,
    text:
      `${many ? 'Deze dossiers zijn' : 'Dit dossier is'} al ${days} dagen of langer niet aangeraakt: ${references}` +
      ` — log in om te kijken: ${publicBaseUrl.replace(/\/+$/, '')}/beheer/dossiers`,
  };
}

async function emails(tx: Transaction, where: ReturnType<typeof sql>): Promise<string[]> {
  const result = await tx.execute<{ email: string }>(sql`
    SELECT DISTINCT u.email FROM staff_users u WHERE u.active AND ${where} ORDER BY u.email`);
  return result.rows.map((row) => row.email);
}

/** Who hears of an overdue task: its assignee; else the case's assignees; else the coordinators. */
async function reminderRecipients(
  tx: Transaction,
  task: { caseId: string; municipalityCode: string; assigneeUserId: string | null },
): Promise<string[]> {
  if (task.assigneeUserId) {
    const assignee = await emails(tx, sql`u.id = ${task.assigneeUserId}::uuid`);
    if (assignee.length) return assignee;
  }
  const team = await emails(tx, sql`u.id IN (SELECT user_id FROM case_assignees WHERE case_id = ${task.caseId}::uuid)`);
  return team.length ? team : coordinatorEmails(tx, task.municipalityCode);
}

function coordinatorEmails(tx: Transaction, municipalityCode: string): Promise<string[]> {
  return emails(
    tx,
    sql`u.municipality_code = ${municipalityCode} AND EXISTS (SELECT 1 FROM staff_roles r
          WHERE r.user_id = u.id AND r.role = 'municipal_coordinator')`,
  );
}

/**
 * One reminder per overdue task (due, not done, not reminded, case not closed). The timeline entry is
 * written here rather than with recordCaseEvent: a reminder is not activity on the case, so it must
 * not clear the untouched flag nor reset its clock. A reminder that cannot be sent stays due for the
 * next sweep.
 */
export async function runTaskReminders(deps: CaseSweepDeps, now: Date): Promise<{ reminded: number }> {
  let reminded = 0;
  for (const municipalityCode of await listCaseMunicipalities(deps.db)) {
    reminded += await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
      let sent = 0;
      for (const task of await lockDueTasks(tx, now, BATCH)) {
        try {
          for (const to of await reminderRecipients(tx, task))
            await deps.mailer.send(taskReminderMail(to, task.caseId, deps.publicBaseUrl));
        } catch (error) {
          deps.log?.(`task reminder failed in ${municipalityCode}: ${(error as Error).message}`);
          continue;
        }
        await markTaskReminded(tx, task.id, now);
        await tx.execute(sql`
          INSERT INTO case_events (id, case_id, municipality_code, kind, actor_user_id, details, created_at)
          VALUES (${randomUUID()}::uuid, ${task.caseId}::uuid, ${municipalityCode}, 'task', NULL,
                  ${JSON.stringify({ action: 'reminded', taskId: task.id })}::jsonb, ${now.toISOString()}::timestamptz)`);
        sent += 1;
      }
      return sent;
    });
  }
  return { reminded };
}

/**
 * Flags the cases of each municipality that were not closed and not touched for its `staleAfterDays`,
 * once (recordCaseEvent clears the flag on any activity), and tells the coordinators in one content-free
 * e-mail. When the e-mail cannot be sent, nothing is flagged and the next sweep tries again.
 */
export async function runStaleFlags(deps: CaseSweepDeps, now: Date): Promise<{ flagged: number }> {
  let flagged = 0;
  for (const municipalityCode of await listCaseMunicipalities(deps.db)) {
    try {
      flagged += await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
        const days = await staleAfterDaysOf(tx, municipalityCode);
        const result = await tx.execute<{ id: string }>(sql`
          UPDATE cases SET stale_flagged_at = ${now.toISOString()}::timestamptz
           WHERE id IN (SELECT id FROM cases
                         WHERE status <> 'closed' AND stale_flagged_at IS NULL
                           AND last_activity_at <= ${now.toISOString()}::timestamptz - make_interval(days => ${days})
                         ORDER BY last_activity_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
          RETURNING id`);
        const caseIds = result.rows.map((row) => row.id).sort();
        if (caseIds.length === 0) return 0;
        for (const to of await coordinatorEmails(tx, municipalityCode))
          await deps.mailer.send(staleCasesMail(to, caseIds, days, deps.publicBaseUrl));
        return caseIds.length;
      });
    } catch (error) {
      deps.log?.(`untouched-case sweep failed in ${municipalityCode}: ${(error as Error).message}`);
    }
  }
  return { flagged };
}

/** Both follow-up sweeps, one after the other. */
export async function runFollowUpSweeps(deps: CaseSweepDeps, now: Date) {
  const { reminded } = await runTaskReminders(deps, now);
  const { flagged } = await runStaleFlags(deps, now);
  return { reminded, flagged };
}
