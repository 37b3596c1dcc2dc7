import { and, asc, eq, sql } from 'drizzle-orm';
import { DEFAULT_REPLY_WITHIN_HOURS } from './conversation-settings.repository.ts';
import { clientOf, type Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import { groupedAlertIdFor } from '../alerts/alerts.repository.ts';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { conversationMessages, conversationNotes, conversationReads, conversations } from './conversations.tables.ts';
import type { AgeRange, ContactPreference, ConversationStatus } from './conversations.types.ts';

/**
 * SQL for conversations. Every function runs in a transaction that `inTenant` limited to one
 * municipality: row-level security hides every other municipality's rows. Encrypted columns come in
 * and go out as ciphertext; the services encrypt and decrypt.
 */

/** The roles that answer children (and may be assigned a conversation). */
export const RESPONDER_ROLES = ['responder', 'municipal_coordinator'] as const;

/** The first message of a new conversation, encrypted, with ids made by the app (they are in the AAD). */
export interface NewConversationRow {
  id: string;
  municipalityCode: string;
  codeHash: Buffer;
  childName: Buffer | null;
  ageRange: AgeRange | null;
  contactPreference: ContactPreference;
  contactDetail: Buffer | null;
  messageId: string;
  body: Buffer;
  submissionHash: Buffer;
  now: Date;
  /** The alert to raise when none is running (see alerts.repository groupedAlertIdFor). */
  newAlertId: string;
}

/**
 * Starts a conversation in one round trip: `child_start_conversation` (migration 0022) sets the
 * municipality's scope, counts the message on its limits, and — unless one is over — inserts the
 * conversation with its first message and joins the municipality's running grouped alert or raises
 * `newAlertId`. One statement outside a transaction of our own is one implicit transaction: it has
 * committed when this resolves.
 */
export async function startConversationStatement(
  db: Database,
  row: NewConversationRow & { limits: { keys: string[]; windowSeconds: number[]; limits: number[] } },
): Promise<
  | { kind: 'refused'; over: Array<{ key: string; until: Date }> }
  | { kind: 'started'; replyWithinHours: number; raisedAlertId: string | null }
> {
  const result = await clientOf(db).query<{
    refused_keys: string[];
    refused_until: Date[];
    reply_hours: number | null;
    raised_alert: string | null;
  }>({
    ...START_CONVERSATION,
    values: [
      row.municipalityCode,
      row.limits.keys,
      row.limits.windowSeconds,
      row.limits.limits,
      row.id,
      row.codeHash,
      row.childName,
      row.ageRange,
      row.contactPreference,
      row.contactDetail,
      row.messageId,
      row.body,
      row.submissionHash,
      row.now,
      row.newAlertId,
      DEFAULT_REPLY_WITHIN_HOURS,
    ],
  });
  const answer = result.rows[0]!;
  if (answer.refused_keys.length > 0) {
    return {
      kind: 'refused',
      over: answer.refused_keys.map((key, index) => ({ key, until: answer.refused_until[index]! })),
    };
  }
  return { kind: 'started', replyWithinHours: Number(answer.reply_hours), raisedAlertId: answer.raised_alert };
}

/**
 * A named prepared statement: each pooled connection parses and plans it once, then only binds and
 * executes it (the child's write path runs it for every message).
 */
const START_CONVERSATION = {
  name: 'child_start_conversation',
  text: `SELECT refused_keys, refused_until, reply_hours, raised_alert FROM child_start_conversation(
    $1, $2::text[], $3::float8[], $4::integer[], $5::uuid, $6, $7, $8::age_range, $9::contact_preference, $10,
    $11::uuid, $12, $13, $14, $15::uuid, $16)`,
};

/** A conversation found by the hash of its code, with what decides whether the code still works. */
export async function findByCodeHash(tx: Transaction, codeHash: Buffer) {
  const [row] = await tx
    .select({ id: conversations.id, status: conversations.status, lastActivityAt: conversations.lastActivityAt })
    .from(conversations)
    .where(eq(conversations.codeHash, codeHash));
  return row;
}

/**
 * The child's reply: reopens the conversation and stores the message in one statement, only when the
 * code still works (activity since `activeSince`), recording the grouped alert it joins as
 * {@link insertConversationWithMessage} does. Answers the conversation id and that alert's id, or undefined.
 */
export async function insertChildReply(
  tx: Transaction,
  reply: {
    municipalityCode: string;
    codeHash: Buffer;
    activeSince: Date;
    messageId: string;
    body: Buffer;
    submissionHash: Buffer;
    now: Date;
    newAlertId: string;
  },
): Promise<{ conversationId: string; alertId: string } | undefined> {
  const result = await tx.execute<{ conversation_id: string; alert_id: string }>(sql`
    WITH conversation AS (
      UPDATE conversations SET status = 'open', closed_at = NULL,
        last_child_message_at = ${reply.now}, last_activity_at = ${reply.now},
        alert_id = ${groupedAlertIdFor(reply.municipalityCode, reply.newAlertId)}
      WHERE code_hash = ${reply.codeHash} AND last_activity_at >= ${reply.activeSince}
      RETURNING id, municipality_code, alert_id
    )
    INSERT INTO conversation_messages (id, conversation_id, municipality_code, author, body, submission_hash, created_at)
    SELECT ${reply.messageId}::uuid, id, municipality_code, 'child', ${reply.body}, ${reply.submissionHash}, ${reply.now}
    FROM conversation
    RETURNING conversation_id, (SELECT alert_id FROM conversation) AS alert_id`);
  const row = result.rows[0];
  return row ? { conversationId: row.conversation_id, alertId: row.alert_id } : undefined;
}

/** Deletes a conversation (messages, notes and reads go with it); answers whether it existed. */
export async function deleteConversation(tx: Transaction, conversationId: string): Promise<boolean> {
  const deleted = await tx
    .delete(conversations)
    .where(eq(conversations.id, conversationId))
    .returning({ id: conversations.id });
  return deleted.length === 1;
}

/** One conversation as the team sees it (still encrypted), with its assignee's name. */
export async function findConversation(tx: Transaction, conversationId: string) {
  const [row] = await tx
    .select({
      id: conversations.id,
      municipalityCode: conversations.municipalityCode,
      status: conversations.status,
      childName: conversations.childName,
      ageRange: conversations.ageRange,
      contactPreference: conversations.contactPreference,
      contactDetail: conversations.contactDetail,
      assignedUserId: conversations.assignedUserId,
      assigneeName: staffUsers.displayName,
      createdAt: conversations.createdAt,
    })
    .from(conversations)
    .leftJoin(staffUsers, eq(staffUsers.id, conversations.assignedUserId))
    .where(eq(conversations.id, conversationId));
  return row;
}

/** The messages of a conversation, oldest first, with the staff author's name (null for the child). */
export async function listMessages(tx: Transaction, conversationId: string) {
  return tx
    .select({
      id: conversationMessages.id,
      author: conversationMessages.author,
      authorName: staffUsers.displayName,
      body: conversationMessages.body,
      createdAt: conversationMessages.createdAt,
    })
    .from(conversationMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, conversationMessages.authorUserId))
    .where(eq(conversationMessages.conversationId, conversationId))
    .orderBy(asc(conversationMessages.createdAt), asc(conversationMessages.id));
}

/** The internal notes of a conversation, oldest first. */
export async function listNotes(tx: Transaction, conversationId: string) {
  return tx
    .select({
      id: conversationNotes.id,
      authorName: staffUsers.displayName,
      body: conversationNotes.body,
      createdAt: conversationNotes.createdAt,
    })
    .from(conversationNotes)
    .innerJoin(staffUsers, eq(staffUsers.id, conversationNotes.authorUserId))
    .where(eq(conversationNotes.conversationId, conversationId))
    .orderBy(asc(conversationNotes.createdAt), asc(conversationNotes.id));
}

/** A staff reply: stores it and sets the conversation to waiting for the child. */
export async function insertStaffReply(
  tx: Transaction,
  reply: { id: string; conversationId: string; municipalityCode: string; userId: string; body: Buffer; now: Date },
): Promise<void> {
  await tx.insert(conversationMessages).values({
    id: reply.id,
    conversationId: reply.conversationId,
    municipalityCode: reply.municipalityCode,
    author: 'staff',
    authorUserId: reply.userId,
    body: reply.body,
    createdAt: reply.now,
  });
  await tx
    .update(conversations)
    .set({ status: 'waiting', lastStaffReplyAt: reply.now, lastActivityAt: reply.now })
    .where(eq(conversations.id, reply.conversationId));
}

/** Stores an internal note. */
export async function insertNote(
  tx: Transaction,
  note: { id: string; conversationId: string; municipalityCode: string; userId: string; body: Buffer; now: Date },
): Promise<void> {
  await tx.insert(conversationNotes).values({
    id: note.id,
    conversationId: note.conversationId,
    municipalityCode: note.municipalityCode,
    authorUserId: note.userId,
    body: note.body,
    createdAt: note.now,
  });
}

/** Sets (or with null, removes) the staff member a conversation is assigned to. */
export async function setAssignee(tx: Transaction, conversationId: string, userId: string | null): Promise<void> {
  await tx.update(conversations).set({ assignedUserId: userId }).where(eq(conversations.id, conversationId));
}

/** Closes (closedAt = now) or reopens a conversation. */
export async function setClosed(tx: Transaction, conversationId: string, closed: boolean, now: Date): Promise<void> {
  await tx
    .update(conversations)
    .set(closed ? { status: 'closed', closedAt: now } : { status: 'open', closedAt: null })
    .where(eq(conversations.id, conversationId));
}

/** Records that `userId` has read the conversation up to `now` (the inbox's unread marker). */
export async function markRead(
  tx: Transaction,
  read: { conversationId: string; userId: string; municipalityCode: string; now: Date },
): Promise<void> {
  await tx
    .insert(conversationReads)
    .values({ ...read, readAt: read.now })
    .onConflictDoUpdate({
      target: [conversationReads.conversationId, conversationReads.userId],
      set: { readAt: read.now },
    });
}

/** Active staff of the municipality who may answer children, by name. */
export async function listResponders(tx: Transaction, municipalityCode: string) {
  return tx
    .select({
      id: staffUsers.id,
      displayName: staffUsers.displayName,
      email: staffUsers.email,
      locale: staffUsers.locale,
    })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.municipalityCode, municipalityCode),
        eq(staffUsers.active, true),
        sql`EXISTS (SELECT 1 FROM staff_roles r WHERE r.user_id = ${staffUsers.id}
          AND r.role IN ('responder', 'municipal_coordinator'))`,
      ),
    )
    .orderBy(asc(staffUsers.displayName), asc(staffUsers.id));
}

/** Whether `userId` is an active responder or coordinator of the municipality. */
export async function isResponder(tx: Transaction, municipalityCode: string, userId: string): Promise<boolean> {
  const result = await tx.execute<{ found: boolean }>(sql`
    SELECT EXISTS (
      SELECT 1 FROM staff_users u JOIN staff_roles r ON r.user_id = u.id
      WHERE u.id = ${userId}::uuid AND u.municipality_code = ${municipalityCode} AND u.active
        AND r.role IN ('responder', 'municipal_coordinator')
    ) AS found`);
  return result.rows[0]?.found === true;
}

/** One line of the inbox, as SQL answers it: no content, nothing decrypted. */
export interface InboxRow {
  id: string;
  status: ConversationStatus;
  ageRange: AgeRange | null;
  contactPreference: ContactPreference;
  createdAt: Date;
  lastChildMessageAt: Date;
  lastStaffReplyAt: Date | null;
  assignee: { id: string; displayName: string } | null;
  unread: boolean;
  messageCount: number;
}

export const INBOX_LIMIT = 200;

/**
 * The inbox: new first, then the latest child message first; at most {@link INBOX_LIMIT}. Each status
 * is read in index order (conversations_inbox) and limited before the merge, so a municipality with
 * 100,000 conversations costs a walk over its unclosed ones, not a sort of all of them.
 *
 * Why `ORDER BY status, …`: enum equality is not LEAKPROOF, so under row-level security `status = x`
 * cannot be an index condition, only a filter. Ordering by the whole index key (the municipality is
 * fixed) lets PostgreSQL walk the index in order from the municipality's first entry; statuses sort
 * new, open, waiting, closed, so only the few unclosed entries are skipped, never the many closed ones.
 */
export async function listInboxRows(
  tx: Transaction,
  query: { municipalityCode: string; userId: string; statuses: ConversationStatus[] },
): Promise<InboxRow[]> {
  if (query.statuses.length === 0) return [];
  const bands = query.statuses.map(
    (status) => sql`(SELECT id, last_child_message_at, ${status === 'new' ? 0 : 1} AS band FROM conversations
      WHERE municipality_code = ${query.municipalityCode} AND status = ${status}::conversation_status
      ORDER BY status, last_child_message_at DESC NULLS LAST LIMIT ${INBOX_LIMIT})`,
  );
  const result = await tx.execute<{
    id: string;
    status: ConversationStatus;
    age_range: AgeRange | null;
    contact_preference: ContactPreference;
    created_at: string | Date;
    last_child_message_at: string | Date;
    last_staff_reply_at: string | Date | null;
    assignee_id: string | null;
    assignee_name: string | null;
    unread: boolean;
    message_count: number;
  }>(sql`
    WITH candidates AS (${sql.join(bands, sql` UNION ALL `)}),
    page AS (SELECT id, band, last_child_message_at FROM candidates
      ORDER BY band, last_child_message_at DESC, id LIMIT ${INBOX_LIMIT})
    SELECT c.id, c.status, c.age_range, c.contact_preference, c.created_at, c.last_child_message_at,
      c.last_staff_reply_at, u.id AS assignee_id, u.display_name AS assignee_name,
      (r.read_at IS NULL OR c.last_child_message_at > r.read_at) AS unread,
      (SELECT count(*) FROM conversation_messages m WHERE m.conversation_id = c.id)::int AS message_count
    FROM page JOIN conversations c ON c.id = page.id
    LEFT JOIN staff_users u ON u.id = c.assigned_user_id
    LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = ${query.userId}::uuid
    ORDER BY page.band, page.last_child_message_at DESC, page.id`);
  return result.rows.map((row) => ({
    id: row.id,
    status: row.status,
    ageRange: row.age_range,
    contactPreference: row.contact_preference,
    createdAt: new Date(row.created_at),
    lastChildMessageAt: new Date(row.last_child_message_at),
    lastStaffReplyAt: row.last_staff_reply_at === null ? null : new Date(row.last_staff_reply_at),
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? '' } : null,
    unread: row.unread,
    messageCount: Number(row.message_count),
  }));
}
