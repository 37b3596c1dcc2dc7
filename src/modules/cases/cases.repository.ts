import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { caseAccessGrants, caseAssignees, cases } from './cases.tables.ts';
import type { CaseOrigin, CaseStatus } from './cases.types.ts';

/**
 * SQL for cases. Every function runs in a transaction that `inTenant` limited to one municipality:
 * row-level security hides every other municipality's rows. Encrypted columns come in and go out as
 * ciphertext; the services encrypt and decrypt.
 */

/** A new case (its key is made by the service in the same transaction). */
export interface NewCaseRow {
  id: string;
  municipalityCode: string;
  origin: CaseOrigin;
  conversationId?: string | null;
  frontDeskContactId?: string | null;
  createdBy: string | null;
  now: Date;
}

/** Inserts a case with status new. */
export async function insertCase(tx: Transaction, row: NewCaseRow): Promise<void> {
  await tx.insert(cases).values({
    id: row.id,
    municipalityCode: row.municipalityCode,
    origin: row.origin,
    conversationId: row.conversationId ?? null,
    frontDeskContactId: row.frontDeskContactId ?? null,
    status: 'new',
    createdBy: row.createdBy,
    createdAt: row.now,
    lastActivityAt: row.now,
  });
}

/** Changes columns of a case. */
export async function updateCase(
  tx: Transaction,
  caseId: string,
  patch: Partial<Omit<typeof cases.$inferInsert, 'id' | 'municipalityCode'>>,
): Promise<void> {
  await tx.update(cases).set(patch).where(eq(cases.id, caseId));
}

/** The case row as it is now (after a change in this transaction). */
export async function findCaseRow(tx: Transaction, caseId: string): Promise<typeof cases.$inferSelect | undefined> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId));
  return row;
}

/** Locks the conversation (so two "open a case" clicks make one case); undefined when not visible. */
export async function lockConversation(tx: Transaction, conversationId: string): Promise<string | undefined> {
  const result = await tx.execute<{ id: string }>(
    sql`SELECT id FROM conversations WHERE id = ${conversationId}::uuid FOR UPDATE`,
  );
  return result.rows[0]?.id;
}

/** The case of a conversation, if one was made. */
export async function findCaseIdByConversation(tx: Transaction, conversationId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.conversationId, conversationId)).limit(1);
  return row?.id;
}

/**
 * The case made for a front-desk contact. The contact and its alert share one id (see
 * front-desk.service.ts), so the acknowledged alert's id finds the case.
 */
export async function findCaseIdByFrontDeskContact(tx: Transaction, contactId: string): Promise<string | undefined> {
  const [row] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.frontDeskContactId, contactId)).limit(1);
  return row?.id;
}

/** One line of the case list, as SQL answers it: metadata only. */
export interface CaseListRow {
  id: string;
  status: CaseStatus;
  origin: CaseOrigin;
  category: string | null;
  createdAt: Date;
  lastActivityAt: Date;
  closedAt: Date | null;
  stale: boolean;
  legalHold: boolean;
  assignees: Array<{ id: string; displayName: string }>;
  assigned: boolean;
  granted: boolean;
}

export const CASE_LIST_LIMIT = 500;

/**
 * The municipality's cases, latest activity first. With `onlyOpenable`, only those the user is
 * assigned to or holds a running break-the-glass grant for.
 */
export async function listCaseRows(
  tx: Transaction,
  query: { municipalityCode: string; userId: string; onlyOpenable: boolean; now: Date },
): Promise<CaseListRow[]> {
  const result = await tx.execute<{
    id: string;
    status: CaseStatus;
    origin: CaseOrigin;
    category: string | null;
    created_at: string | Date;
    last_activity_at: string | Date;
    closed_at: string | Date | null;
    stale: boolean;
    legal_hold: boolean;
    assignees: Array<{ id: string; displayName: string }>;
    assigned: boolean;
    granted: boolean;
  }>(sql`
    SELECT * FROM (
      SELECT c.id, c.status, c.origin, c.category, c.created_at, c.last_activity_at, c.closed_at,
        (c.stale_flagged_at IS NOT NULL) AS stale, (c.legal_hold_since IS NOT NULL) AS legal_hold,
        coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name)
                    ORDER BY u.display_name, u.id)
                  FROM case_assignees a JOIN staff_users u ON u.id = a.user_id WHERE a.case_id = c.id), '[]'::json)
          AS assignees,
        EXISTS (SELECT 1 FROM case_assignees a WHERE a.case_id = c.id AND a.user_id = ${query.userId}::uuid) AS assigned,
        EXISTS (SELECT 1 FROM case_access_grants g WHERE g.case_id = c.id AND g.user_id = ${query.userId}::uuid
                  AND g.expires_at > ${query.now.toISOString()}::timestamptz) AS granted
      FROM cases c WHERE c.municipality_code = ${query.municipalityCode}
    ) listed
    ${query.onlyOpenable ? sql`WHERE assigned OR granted` : sql``}
    ORDER BY last_activity_at DESC, id LIMIT ${CASE_LIST_LIMIT}`);
  return result.rows.map((row) => ({
    id: row.id,
    status: row.status,
    origin: row.origin,
    category: row.category,
    createdAt: new Date(row.created_at),
    lastActivityAt: new Date(row.last_activity_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    stale: row.stale,
    legalHold: row.legal_hold,
    assignees: row.assignees,
    assigned: row.assigned,
    granted: row.granted,
  }));
}

/** The case's assignees by name. */
export async function listCaseAssignees(
  tx: Transaction,
  caseId: string,
): Promise<Array<{ id: string; displayName: string }>> {
  const result = await tx.execute<{ id: string; display_name: string }>(sql`
    SELECT u.id, u.display_name FROM case_assignees a JOIN staff_users u ON u.id = a.user_id
     WHERE a.case_id = ${caseId}::uuid ORDER BY u.display_name, u.id`);
  return result.rows.map((row) => ({ id: row.id, displayName: row.display_name }));
}

/** Assigns a user; answers false when they were assigned already. */
export async function addAssignee(
  tx: Transaction,
  row: { caseId: string; userId: string; municipalityCode: string; assignedBy: string | null; now: Date },
): Promise<boolean> {
  const inserted = await tx
    .insert(caseAssignees)
    .values({
      caseId: row.caseId,
      userId: row.userId,
      municipalityCode: row.municipalityCode,
      assignedBy: row.assignedBy,
      assignedAt: row.now,
    })
    .onConflictDoNothing()
    .returning({ userId: caseAssignees.userId });
  return inserted.length === 1;
}

/** Takes a user off a case; answers false when they were not on it. */
export async function removeAssignee(tx: Transaction, caseId: string, userId: string): Promise<boolean> {
  const deleted = await tx
    .delete(caseAssignees)
    .where(and(eq(caseAssignees.caseId, caseId), eq(caseAssignees.userId, userId)))
    .returning({ userId: caseAssignees.userId });
  return deleted.length === 1;
}

/** The case role of an active staff member of the municipality: coordinator, responder, or null. */
export async function caseRoleOf(
  tx: Transaction,
  municipalityCode: string,
  userId: string,
): Promise<'municipal_coordinator' | 'responder' | null> {
  const result = await tx.execute<{ role: 'municipal_coordinator' | 'responder' }>(sql`
    SELECT r.role FROM staff_users u JOIN staff_roles r ON r.user_id = u.id
     WHERE u.id = ${userId}::uuid AND u.municipality_code = ${municipalityCode} AND u.active
       AND r.role IN ('responder', 'municipal_coordinator')
     ORDER BY r.role = 'municipal_coordinator' DESC LIMIT 1`);
  return result.rows[0]?.role ?? null;
}

/** Stores a break-the-glass grant (the reason already encrypted with the case key). */
export async function insertAccessGrant(tx: Transaction, grant: typeof caseAccessGrants.$inferInsert): Promise<void> {
  await tx.insert(caseAccessGrants).values(grant);
}

/** The municipality's active coordinators, to tell about a broken glass. */
export async function listCoordinators(
  tx: Transaction,
  municipalityCode: string,
): Promise<Array<{ email: string; locale: 'nl' | 'en' }>> {
  const result = await tx.execute<{ email: string; locale: 'nl' | 'en' }>(sql`
    SELECT DISTINCT u.email, u.locale FROM staff_users u JOIN staff_roles r ON r.user_id = u.id
     WHERE u.municipality_code = ${municipalityCode} AND u.active AND r.role = 'municipal_coordinator'
     ORDER BY u.email`);
  return result.rows;
}

/** A message of the case's conversation (still encrypted), with the staff author, if any. */
export interface ConversationMessageRow {
  id: string;
  author: 'child' | 'staff';
  authorUserId: string | null;
  authorName: string | null;
  body: Buffer;
  createdAt: Date;
}

/** The messages of a conversation, oldest first. */
export async function listConversationMessages(
  tx: Transaction,
  conversationId: string,
): Promise<ConversationMessageRow[]> {
  const result = await tx.execute<{
    id: string;
    author: 'child' | 'staff';
    author_user_id: string | null;
    display_name: string | null;
    body: Buffer;
    created_at: string | Date;
  }>(sql`
    SELECT m.id, m.author, m.author_user_id, u.display_name, m.body, m.created_at
      FROM conversation_messages m LEFT JOIN staff_users u ON u.id = m.author_user_id
     WHERE m.conversation_id = ${conversationId}::uuid ORDER BY m.created_at, m.id`);
  return result.rows.map((row) => ({
    id: row.id,
    author: row.author,
    authorUserId: row.author_user_id,
    authorName: row.display_name,
    body: row.body,
    createdAt: new Date(row.created_at),
  }));
}
