import { sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import type { CaseOrigin } from './cases.types.ts';

/**
 * The SQL of the background sweeps that is not about one kind of record: which municipalities have
 * cases, and destroying a case (retention).
 */

/** Municipalities with any case (SECURITY DEFINER: the sweeps then work in each one's own scope). */
export async function listCaseMunicipalities(db: Database): Promise<string[]> {
  const result = await db.execute<{ code: string }>(sql`SELECT code FROM case_municipalities() AS code`);
  return result.rows.map((row) => row.code);
}

/** What the deletion record keeps of a case, and what goes with it. */
export interface DueCase {
  id: string;
  municipalityCode: string;
  origin: CaseOrigin;
  category: string | null;
  outcome: string | null;
  openedAt: Date;
  closedAt: Date | null;
  conversationId: string | null;
  frontDeskContactId: string | null;
}

/**
 * One closed case whose term has ended and that is under no legal hold, locked (another instance's
 * sweep skips it); row-level security limits it to the transaction's municipality.
 */
export async function lockNextDueCase(tx: Transaction, now: Date): Promise<DueCase | null> {
  const result = await tx.execute<{
    id: string;
    municipality_code: string;
    origin: CaseOrigin;
    category: string | null;
    outcome: string | null;
    created_at: Date | string;
    closed_at: Date | string | null;
    conversation_id: string | null;
    front_desk_contact_id: string | null;
  }>(sql`
    SELECT id, municipality_code, origin, category, outcome, created_at, closed_at, conversation_id, front_desk_contact_id
      FROM cases
     WHERE status = 'closed' AND destroy_after <= ${now.toISOString()}::timestamptz AND legal_hold_since IS NULL
     ORDER BY destroy_after, id
     LIMIT 1
       FOR UPDATE SKIP LOCKED`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    origin: row.origin,
    category: row.category,
    outcome: row.outcome,
    openedAt: new Date(row.created_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    conversationId: row.conversation_id,
    frontDeskContactId: row.front_desk_contact_id,
  };
}

/**
 * Destroys the case: the deletion record (metadata only) first, then the case row — its key, events,
 * Meldcode decisions, tasks, grants, assignees and referrals go with it by cascade — and the linked
 * conversation and front-desk contact (unless the child deleted the conversation already).
 */
export async function destroyCaseRows(tx: Transaction, due: DueCase, now: Date, deletionId: string): Promise<void> {
  await tx.execute(sql`
    INSERT INTO case_deletions (id, case_id, municipality_code, origin, category, outcome, opened_at, closed_at,
                                destroyed_at, rule)
    VALUES (${deletionId}::uuid, ${due.id}::uuid, ${due.municipalityCode}, ${due.origin}, ${due.category},
            ${due.outcome}, ${due.openedAt.toISOString()}::timestamptz,
            ${due.closedAt?.toISOString() ?? null}::timestamptz, ${now.toISOString()}::timestamptz, 'retention')`);
  await tx.execute(sql`DELETE FROM cases WHERE id = ${due.id}::uuid`);
  if (due.conversationId) await tx.execute(sql`DELETE FROM conversations WHERE id = ${due.conversationId}::uuid`);
  if (due.frontDeskContactId)
    await tx.execute(sql`DELETE FROM front_desk_contacts WHERE id = ${due.frontDeskContactId}::uuid`);
}
