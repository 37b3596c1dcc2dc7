import { createHmac, randomUUID } from 'node:crypto';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { committedCurrentDataKey, decryptField, encryptField, encryptFieldWith } from '../crypto/index.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { generateCode, hashCode, normaliseCode } from './conversation-code.ts';
import { newGroupedAlert, raiseOrJoinGroupedAlert } from '../alerts/alerts.service.ts';
import { alertAfterCommit } from './conversation-notifications.ts';
import { someoneHelpsInConversation } from '../referrals/referrals.repository.ts';
import {
  deleteConversation,
  findByCodeHash,
  insertChildReply,
  startConversationStatement,
  listMessages,
} from './conversations.repository.ts';
import { messageVerdict, type MessageClaims } from './public-throttle.ts';
import type {
  ChildConversationView,
  CodeLookupFailure,
  ConversationDeps,
  NewConversationInput,
} from './conversations.types.ts';

/**
 * The child's side: write, come back with the code, reply, delete. The child is known only by the
 * keyed hash of their code. A message is acknowledged only after its transaction commits, and the
 * write path is kept to a handful of round trips (no audit entry on a send: the audit chain serialises).
 */

const CODE_ATTEMPTS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Keyed-hash keys, derived once per keyring (HKDF on every request would be wasted work). */
const hashKeys = new WeakMap<Keyring, { code: Buffer; submission: Buffer }>();

function keysOf(keyring: Keyring) {
  let keys = hashKeys.get(keyring);
  if (!keys) {
    keys = { code: keyring.hashKey('conversation code'), submission: keyring.hashKey('submission') };
    hashKeys.set(keyring, keys);
  }
  return keys;
}

/** The stored form of a form's one-time token. */
function submissionHash(keyring: Keyring, token: string): Buffer {
  return createHmac('sha256', keysOf(keyring).submission).update(token, 'utf8').digest();
}

/** The stored form of a code the child typed, or undefined when it cannot be a code at all. */
function codeHashOf(keyring: Keyring, input: string): Buffer | undefined {
  const normalised = normaliseCode(input);
  return normalised === undefined ? undefined : hashCode(keysOf(keyring).code, normalised);
}

/** Conversations with a message since this moment still answer to their code. */
function activeSince(deps: ConversationDeps, now: Date): Date {
  return new Date(now.getTime() - deps.codeExpiryDays * DAY_MS);
}

/** The unique index a PostgreSQL unique violation hit (also through drizzle's wrapping), if any. */
function uniqueViolation(error: unknown): string | undefined {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const { code, constraint } = current as { code?: unknown; constraint?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
  }
  return undefined;
}

/** Why a message was not taken: too many from its source (until when), or a flood of one text. */
export type SendRefusal = { refusal: 'throttled'; until: Date } | { refusal: 'flood' };

/**
 * Starts a conversation: encrypts the message, name and contact detail, stores the code's hash, and
 * answers the code only after COMMIT. With `limits` (the route's {@link messageClaims} for the child's
 * source and text) the message is counted first in the same transaction: a refusal commits only the
 * counters and stores nothing else. All of it is one statement (`child_start_conversation`): one round
 * trip and one commit. The team's grouped alert is dispatched afterwards, without waiting for it.
 */
export async function startConversation(
  deps: ConversationDeps,
  municipalityCode: string,
  input: NewConversationInput,
  now: Date,
  limits?: MessageClaims,
): Promise<
  | { kind: 'started'; code: string; conversationId: string; replyWithinHours: number }
  | { kind: 'duplicate' }
  | { kind: 'refused'; refusal: SendRefusal }
> {
  const submission = submissionHash(deps.keyring, input.submissionToken);
  const dataKey = await committedCurrentDataKey(deps.keyring, deps.db, municipalityCode);
  for (let attempt = 1; ; attempt++) {
    const code = generateCode();
    const conversationId = randomUUID();
    const codeHash = codeHashOf(deps.keyring, code);
    if (!codeHash) throw new Error('generateCode made a code that normaliseCode does not accept');
    const field = (table: string, recordId: string, column: string, value: string) =>
      encryptFieldWith(dataKey, { municipalityCode, table, recordId, column }, value);
    const messageId = randomUUID();
    const alert = newGroupedAlert(municipalityCode, 'conversation', conversationId, now);
    let stored: Awaited<ReturnType<typeof startConversationStatement>>;
    try {
      stored = await startConversationStatement(deps.db, {
        id: conversationId,
        municipalityCode,
        codeHash,
        childName: input.name ? field('conversations', conversationId, 'child_name', input.name) : null,
        ageRange: input.ageRange ?? null,
        contactPreference: input.contact.preference,
        contactDetail:
          input.contact.preference === 'code'
            ? null
            : field('conversations', conversationId, 'contact_detail', input.contact.detail),
        messageId,
        body: field('conversation_messages', messageId, 'body', input.message),
        submissionHash: submission,
        now,
        newAlertId: alert.id,
        limits: limits ?? { keys: [], windowSeconds: [], limits: [] },
      });
    } catch (error) {
      const index = uniqueViolation(error);
      if (index === 'conversation_messages_submission') return { kind: 'duplicate' };
      // Two codes with the same hash: astronomically rare, but a new code costs nothing.
      if (index === 'conversations_code_hash' && attempt < CODE_ATTEMPTS) continue;
      throw error;
    }
    if (stored.kind === 'refused') {
      const verdict = messageVerdict(limits!, stored.over);
      const refusal: SendRefusal = verdict.refusedUntil
        ? { refusal: 'throttled', until: verdict.refusedUntil }
        : { refusal: 'flood' };
      return { kind: 'refused', refusal };
    }
    alertAfterCommit(deps, municipalityCode, stored.raisedAlertId ?? undefined, now);
    return { kind: 'started', code, conversationId, replyWithinHours: stored.replyWithinHours };
  }
}

/** Opens a conversation with the code the child typed (in any case, with any separators). */
export async function openConversation(
  deps: ConversationDeps,
  municipalityCode: string,
  code: string,
  now: Date,
): Promise<{ kind: 'found'; conversation: ChildConversationView } | CodeLookupFailure> {
  const codeHash = codeHashOf(deps.keyring, code);
  if (!codeHash) return { kind: 'not_found' };
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const found = await findByCodeHash(tx, codeHash);
    if (!found) return { kind: 'not_found' } as const;
    if (found.lastActivityAt < activeSince(deps, now)) return { kind: 'expired' } as const;
    return { kind: 'found', conversation: await childView(deps, tx, municipalityCode, found) } as const;
  });
}

/**
 * The child writes back: the conversation opens again (also when it was waiting or closed). The same
 * form sent twice stores one message and answers `duplicate` with the conversation as it is.
 */
export async function childReply(
  deps: ConversationDeps,
  municipalityCode: string,
  code: string,
  message: string,
  submissionToken: string,
  now: Date,
): Promise<{ kind: 'sent' | 'duplicate'; conversation: ChildConversationView } | CodeLookupFailure> {
  const codeHash = codeHashOf(deps.keyring, code);
  if (!codeHash) return { kind: 'not_found' };
  const scope = { kind: 'municipality', code: municipalityCode } as const;
  let sent: { kind: 'sent'; conversation: ChildConversationView } | CodeLookupFailure;
  let alertId: string | undefined;
  try {
    sent = await inTenant(deps.db, scope, async (tx) => {
      const messageId = randomUUID();
      const body = await encryptField(
        deps.keyring,
        tx,
        { municipalityCode, table: 'conversation_messages', recordId: messageId, column: 'body' },
        message,
      );
      const alert = newGroupedAlert(municipalityCode, 'child_message', null, now);
      const inserted = await insertChildReply(tx, {
        municipalityCode,
        codeHash,
        activeSince: activeSince(deps, now),
        messageId,
        body,
        submissionHash: submissionHash(deps.keyring, submissionToken),
        now,
        newAlertId: alert.id,
      });
      if (!inserted) return lookupFailure(tx, codeHash);
      const { conversationId } = inserted;
      alertId = await raiseOrJoinGroupedAlert(tx, { ...alert, conversationId }, inserted.alertId);
      const conversation = await childView(deps, tx, municipalityCode, { id: conversationId, status: 'open' });
      return { kind: 'sent', conversation } as const;
    });
  } catch (error) {
    if (uniqueViolation(error) !== 'conversation_messages_submission') throw error;
    const current = await openConversation(deps, municipalityCode, code, now);
    return current.kind === 'found' ? { kind: 'duplicate', conversation: current.conversation } : current;
  }
  if (sent.kind === 'sent') alertAfterCommit(deps, municipalityCode, alertId, now);
  return sent;
}

/**
 * The child deletes the conversation: messages, notes and read markers go with it, for good. The
 * audit entry (no actor, no content) commits with the deletion.
 */
export async function deleteConversationByChild(
  deps: ConversationDeps,
  municipalityCode: string,
  code: string,
  now: Date,
): Promise<{ kind: 'deleted' } | CodeLookupFailure> {
  const codeHash = codeHashOf(deps.keyring, code);
  if (!codeHash) return { kind: 'not_found' };
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const found = await findByCodeHash(tx, codeHash);
    if (!found) return { kind: 'not_found' } as const;
    if (found.lastActivityAt < activeSince(deps, now)) return { kind: 'expired' } as const;
    await deleteConversation(tx, found.id);
    await appendAudit(tx, {
      actorUserId: null,
      actorRole: null,
      municipalityCode,
      action: 'conversation.deleted_by_child',
      objectType: 'conversation',
      objectId: found.id,
    });
    return { kind: 'deleted' } as const;
  });
}

/** Why a code did not find a conversation to reply to: unknown, or too long without activity. */
async function lookupFailure(tx: Transaction, codeHash: Buffer): Promise<CodeLookupFailure> {
  return (await findByCodeHash(tx, codeHash)) ? { kind: 'expired' } : { kind: 'not_found' };
}

/** The conversation as the child sees it: their messages and the replies, never notes or staff names. */
async function childView(
  deps: ConversationDeps,
  tx: Transaction,
  municipalityCode: string,
  conversation: { id: string; status: ChildConversationView['status'] },
): Promise<ChildConversationView> {
  const rows = await listMessages(tx, conversation.id);
  const messages = [];
  for (const row of rows) {
    const body = await decryptField(
      deps.keyring,
      tx,
      { municipalityCode, table: 'conversation_messages', recordId: row.id, column: 'body' },
      row.body,
    );
    messages.push({ id: row.id, author: row.author, body, createdAt: row.createdAt });
  }
  const someoneHelps = await someoneHelpsInConversation(tx, conversation.id);
  return { id: conversation.id, municipalityCode, status: conversation.status, messages, someoneHelps };
}
