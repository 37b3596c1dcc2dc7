import { randomUUID } from 'node:crypto';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { decryptField, encryptField } from '../crypto/index.ts';
import {
  findConversation,
  insertNote,
  insertStaffReply,
  isResponder,
  listInboxRows,
  listMessages,
  listNotes,
  listResponders,
  markRead,
  setAssignee,
  setClosed,
} from './conversations.repository.ts';
import type { ConversationDetailView, InboxView } from './conversations.schema.ts';
import type { ConversationDeps, ConversationStatus } from './conversations.types.ts';

/**
 * The municipality's side: the inbox, and reading, answering, noting, assigning, closing. Only staff
 * of a municipality work here (row-level security limits every query to it); every action on a
 * conversation is audited in its own transaction, by id and never with content.
 */

const ALL_STATUSES: ConversationStatus[] = ['new', 'open', 'waiting', 'closed'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The actor's municipality; national coordinators and others without one do not read children's messages. */
function municipalityOf(actor: Actor): string {
  if (!actor.municipalityCode) throw apiError('conversation.no_municipality');
  return actor.municipalityCode;
}

/** The inbox: no content and no names, so listing is not audited (reading a conversation is). */
export async function listInbox(
  deps: ConversationDeps,
  actor: Actor,
  filter: { status?: ConversationStatus | 'all' },
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- in the contract for "time since" figures to come
  now: Date,
): Promise<InboxView> {
  const municipalityCode = municipalityOf(actor);
  const statuses = !filter.status || filter.status === 'all' ? ALL_STATUSES : [filter.status];
  const rows = await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    listInboxRows(tx, { municipalityCode, userId: actor.userId, statuses }),
  );
  return {
    conversations: rows.map((row) => ({
      id: row.id,
      status: row.status,
      ageRange: row.ageRange,
      contactPreference: row.contactPreference,
      createdAt: row.createdAt.toISOString(),
      lastChildMessageAt: row.lastChildMessageAt.toISOString(),
      lastStaffReplyAt: row.lastStaffReplyAt?.toISOString() ?? null,
      assignedTo: row.assignee,
      unread: row.unread,
      messageCount: row.messageCount,
    })),
  };
}

/** Staff who may be assigned a conversation: the municipality's active responders and coordinators. */
export async function listAssignees(
  deps: ConversationDeps,
  actor: Actor,
): Promise<{ assignees: Array<{ id: string; displayName: string }> }> {
  const municipalityCode = municipalityOf(actor);
  const staff = await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    listResponders(tx, municipalityCode),
  );
  return { assignees: staff.map(({ id, displayName }) => ({ id, displayName })) };
}

/** Reads a conversation (decrypted) and marks it read for the actor. Audited: 'conversation.read'. */
export async function readConversation(
  deps: ConversationDeps,
  actor: Actor,
  conversationId: string,
): Promise<ConversationDetailView> {
  return act(deps, actor, conversationId, 'conversation.read', async () => {});
}

/** Answers the child; the conversation then waits for them. Refused on a closed conversation. */
export async function replyToChild(
  deps: ConversationDeps,
  actor: Actor,
  conversationId: string,
  body: string,
): Promise<ConversationDetailView> {
  return act(deps, actor, conversationId, 'conversation.replied', async (tx, conversation, now) => {
    if (conversation.status === 'closed') throw apiError('conversation.closed');
    const id = randomUUID();
    const encrypted = await encryptField(
      deps.keyring,
      tx,
      { municipalityCode: conversation.municipalityCode, table: 'conversation_messages', recordId: id, column: 'body' },
      body,
    );
    await insertStaffReply(tx, {
      id,
      conversationId,
      municipalityCode: conversation.municipalityCode,
      userId: actor.userId,
      body: encrypted,
      now,
    });
  });
}

/** Adds an internal note (never shown to the child). */
export async function addNote(
  deps: ConversationDeps,
  actor: Actor,
  conversationId: string,
  body: string,
): Promise<ConversationDetailView> {
  return act(deps, actor, conversationId, 'conversation.noted', async (tx, conversation, now) => {
    const id = randomUUID();
    const encrypted = await encryptField(
      deps.keyring,
      tx,
      { municipalityCode: conversation.municipalityCode, table: 'conversation_notes', recordId: id, column: 'body' },
      body,
    );
    await insertNote(tx, {
      id,
      conversationId,
      municipalityCode: conversation.municipalityCode,
      userId: actor.userId,
      body: encrypted,
      now,
    });
  });
}

/** Assigns the conversation to an active responder or coordinator of the same municipality (null: nobody). */
export async function assignConversation(
  deps: ConversationDeps,
  actor: Actor,
  conversationId: string,
  userId: string | null,
): Promise<ConversationDetailView> {
  return act(
    deps,
    actor,
    conversationId,
    'conversation.assigned',
    async (tx, conversation) => {
      if (userId !== null && (!UUID.test(userId) || !(await isResponder(tx, conversation.municipalityCode, userId))))
        throw apiError('conversation.assignee_invalid', {}, 'userId');
      await setAssignee(tx, conversationId, userId);
    },
    { assignee: userId },
  );
}

/** Closes the conversation. */
export async function closeConversation(
  deps: ConversationDeps,
  actor: Actor,
  conversationId: string,
): Promise<ConversationDetailView> {
  return act(deps, actor, conversationId, 'conversation.closed', (tx, _conversation, now) =>
    setClosed(tx, conversationId, true, now),
  );
}

/** Reopens a closed conversation. */
export async function reopenConversation(
  deps: ConversationDeps,
  actor: Actor,
  conversationId: string,
): Promise<ConversationDetailView> {
  return act(deps, actor, conversationId, 'conversation.reopened', (tx, _conversation, now) =>
    setClosed(tx, conversationId, false, now),
  );
}

type FoundConversation = NonNullable<Awaited<ReturnType<typeof findConversation>>>;

/**
 * One staff action in one transaction: find the conversation (not_found for other municipalities,
 * whose rows RLS hides), do `work`, mark it read, audit, and answer the decrypted view.
 */
async function act(
  deps: ConversationDeps,
  actor: Actor,
  conversationId: string,
  action: string,
  work: (tx: Transaction, conversation: FoundConversation, now: Date) => Promise<void>,
  details?: Record<string, string | null>,
): Promise<ConversationDetailView> {
  const municipalityCode = municipalityOf(actor);
  if (!UUID.test(conversationId)) throw apiError('conversation.not_found');
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const found = await findConversation(tx, conversationId);
    if (!found) throw apiError('conversation.not_found');
    const now = deps.clock?.() ?? new Date();
    await work(tx, found, now);
    await markRead(tx, { conversationId, userId: actor.userId, municipalityCode, now });
    const view = await detailView(deps, tx, conversationId);
    // Appended last: the audit chain's lock is held until commit.
    await appendAudit(tx, {
      actorUserId: actor.userId,
      actorRole: auditRoleOf(actor),
      municipalityCode,
      action,
      objectType: 'conversation',
      objectId: conversationId,
      ...(details ? { details } : {}),
    });
    return view;
  });
}

/** The whole conversation, decrypted, as the team sees it. */
async function detailView(
  deps: ConversationDeps,
  tx: Transaction,
  conversationId: string,
): Promise<ConversationDetailView> {
  const conversation = await findConversation(tx, conversationId);
  if (!conversation) throw apiError('conversation.not_found');
  const decrypt = (table: string, recordId: string, column: string, value: Buffer) =>
    decryptField(deps.keyring, tx, { municipalityCode: conversation.municipalityCode, table, recordId, column }, value);
  const messages = [];
  for (const message of await listMessages(tx, conversationId)) {
    messages.push({
      id: message.id,
      author: message.author,
      authorName: message.author === 'staff' ? (message.authorName ?? null) : null,
      body: await decrypt('conversation_messages', message.id, 'body', message.body),
      createdAt: message.createdAt.toISOString(),
    });
  }
  const notes = [];
  for (const note of await listNotes(tx, conversationId)) {
    notes.push({
      id: note.id,
      authorName: note.authorName,
      body: await decrypt('conversation_notes', note.id, 'body', note.body),
      createdAt: note.createdAt.toISOString(),
    });
  }
  return {
    id: conversation.id,
    status: conversation.status,
    name: conversation.childName
      ? await decrypt('conversations', conversation.id, 'child_name', conversation.childName)
      : null,
    ageRange: conversation.ageRange,
    contact: {
      preference: conversation.contactPreference,
      detail: conversation.contactDetail
        ? await decrypt('conversations', conversation.id, 'contact_detail', conversation.contactDetail)
        : null,
    },
    assignedTo:
      conversation.assignedUserId && conversation.assigneeName
        ? { id: conversation.assignedUserId, displayName: conversation.assigneeName }
        : null,
    createdAt: conversation.createdAt.toISOString(),
    messages,
    notes,
  };
}
