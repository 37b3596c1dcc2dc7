import { randomUUID } from 'node:crypto';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { auditCase, caseMunicipalityOf } from './case-access.ts';
import { createCaseKey, encryptCaseField } from './case-keys.ts';
import { recordCaseEvent } from './case-timeline.repository.ts';
import {
  addAssignee,
  caseRoleOf,
  findCaseIdByConversation,
  findCaseIdByFrontDeskContact,
  insertCase,
  lockConversation,
  updateCase,
} from './cases.repository.ts';
import type { CaseDeps, CaseOrigin } from './cases.types.ts';

/**
 * Where cases begin: by hand (walk-in, phone, manual), from a child's conversation, or from a
 * front-desk contact. Each case gets its own key and a 'created' entry in the same transaction.
 */

/** Inserts the case, its key, the optional summary and the 'created' event; audits 'case.created'. */
async function startCase(
  keyring: Keyring,
  tx: Transaction,
  input: {
    municipalityCode: string;
    origin: CaseOrigin;
    actorUserId: string | null;
    summary?: string | null;
    conversationId?: string;
    frontDeskContactId?: string;
    assignCreator: boolean;
    now: Date;
  },
): Promise<string> {
  const id = randomUUID();
  const { municipalityCode, now } = input;
  await insertCase(tx, {
    id,
    municipalityCode,
    origin: input.origin,
    conversationId: input.conversationId ?? null,
    frontDeskContactId: input.frontDeskContactId ?? null,
    createdBy: input.actorUserId,
    now,
  });
  await createCaseKey(keyring, tx, municipalityCode, id, now);
  if (input.summary) {
    const summary = await encryptCaseField(
      keyring,
      tx,
      { municipalityCode, caseId: id, table: 'cases', recordId: id, column: 'summary' },
      input.summary,
    );
    await updateCase(tx, id, { summary });
  }
  if (input.assignCreator && input.actorUserId)
    await addAssignee(tx, { caseId: id, userId: input.actorUserId, municipalityCode, assignedBy: null, now });
  await recordCaseEvent(keyring, tx, {
    caseId: id,
    municipalityCode,
    kind: 'created',
    actorUserId: input.actorUserId,
    details: {
      origin: input.origin,
      assigneeUserId: input.assignCreator ? input.actorUserId : null,
    },
    at: now,
  });
  return id;
}

/** A case begun at the desk, on the phone or by hand; the actor is its first assignee. */
export async function createCase(
  deps: CaseDeps,
  actor: Actor,
  input: { origin: 'walk_in' | 'phone' | 'manual'; summary?: string },
): Promise<{ id: string }> {
  const municipalityCode = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const id = await startCase(deps.keyring, tx, {
      municipalityCode,
      origin: input.origin,
      actorUserId: actor.userId,
      summary: input.summary ?? null,
      assignCreator: true,
      now: deps.clock(),
    });
    await auditCase(tx, actor, 'case.created', id, { origin: input.origin });
    return { id };
  });
}

/**
 * The conversation's case, made when there is none (the actor is then its first assignee). An
 * existing case is answered as it is: asking for it grants no access, which still takes an
 * assignment, the coordinator, or breaking the glass.
 */
export async function caseForConversation(
  deps: CaseDeps,
  actor: Actor,
  conversationId: string,
): Promise<{ id: string; created: boolean }> {
  const municipalityCode = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    if (!(await lockConversation(tx, conversationId))) throw apiError('conversation.not_found');
    const existing = await findCaseIdByConversation(tx, conversationId);
    if (existing) return { id: existing, created: false };
    const id = await startCase(deps.keyring, tx, {
      municipalityCode,
      origin: 'conversation',
      actorUserId: actor.userId,
      conversationId,
      assignCreator: true,
      now: deps.clock(),
    });
    await auditCase(tx, actor, 'case.created', id, { origin: 'conversation', conversationId });
    return { id, created: true };
  });
}

/**
 * The case of a front-desk contact, in the transaction that registers it: status new, nobody
 * assigned yet (whoever acknowledges the alert becomes the assignee). The desk's note becomes the
 * case's summary, under the case key.
 */
export async function createFrontDeskCase(
  keyring: Keyring,
  tx: Transaction,
  actor: Actor,
  input: { municipalityCode: string; contactId: string; kind: 'walk_in' | 'phone'; note: string | null; now: Date },
): Promise<string> {
  const id = await startCase(keyring, tx, {
    municipalityCode: input.municipalityCode,
    origin: input.kind,
    actorUserId: actor.userId,
    summary: input.note,
    frontDeskContactId: input.contactId,
    assignCreator: false,
    now: input.now,
  });
  await auditCase(tx, actor, 'case.created', id, { origin: input.kind, frontDeskContactId: input.contactId });
  return id;
}

/**
 * When the alert of a front-desk contact is acknowledged: the person who picked it up, when a
 * responder or coordinator of the municipality, becomes an assignee of the contact's case. Runs in
 * the acknowledging transaction (municipality scope); the keyring is needed only when there is a case.
 */
export async function assignOnAlertAcknowledged(
  keyring: Keyring | undefined,
  tx: Transaction,
  input: { alertId: string; userId: string | null; municipalityCode: string; now: Date },
): Promise<void> {
  if (!input.userId) return;
  const caseId = await findCaseIdByFrontDeskContact(tx, input.alertId);
  if (!caseId) return;
  const role = await caseRoleOf(tx, input.municipalityCode, input.userId);
  if (!role) return;
  if (!keyring) throw new Error('assigning a front-desk case needs the keyring');
  const { municipalityCode, userId, now } = input;
  if (!(await addAssignee(tx, { caseId, userId, municipalityCode, assignedBy: userId, now }))) return;
  await recordCaseEvent(keyring, tx, {
    caseId,
    municipalityCode,
    kind: 'assignment',
    actorUserId: userId,
    details: { action: 'assigned', userId, via: 'alert_acknowledged' },
    at: now,
  });
  await appendAudit(tx, {
    actorUserId: userId,
    actorRole: role,
    municipalityCode,
    action: 'case.assigned',
    objectType: 'case',
    objectId: caseId,
    details: { userId, via: 'alert_acknowledged' },
  });
}
