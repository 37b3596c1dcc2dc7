import { inTenant, type Transaction } from '../../db/tenant.ts';
import type { Actor } from '../accounts/actor.ts';
import { decryptField } from '../crypto/index.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { auditCase, caseMunicipalityOf, openCase, type CaseRow } from './case-access.ts';
import { decryptOptionalCaseField } from './case-keys.ts';
import { listCaseEvents } from './case-timeline.repository.ts';
import { listCaseAssignees, listConversationMessages } from './cases.repository.ts';
import type { CaseDetail } from './cases.schema.ts';
import type { CaseAccessVia, CaseDeps } from './cases.types.ts';

/**
 * The whole case as the team sees it: decrypted fields, assignees, and one timeline of the case's
 * events and the linked conversation's messages. Callers have opened the case (openCase) and audit.
 */
export async function caseDetailView(
  keyring: Keyring,
  tx: Transaction,
  row: CaseRow,
  via: CaseAccessVia,
): Promise<CaseDetail> {
  const municipalityCode = row.municipalityCode;
  const field = (column: string) => ({ municipalityCode, caseId: row.id, table: 'cases', recordId: row.id, column });
  const timeline: Array<CaseDetail['timeline'][number] & { sortAt: number }> = [];
  for (const event of await listCaseEvents(keyring, tx, municipalityCode, row.id)) {
    timeline.push({
      id: event.id,
      kind: event.kind,
      at: event.at.toISOString(),
      actor: event.actor,
      text: event.text,
      details: event.details,
      sortAt: event.at.getTime(),
    });
  }
  if (row.conversationId) {
    for (const message of await listConversationMessages(tx, row.conversationId)) {
      const body = await decryptField(
        keyring,
        tx,
        { municipalityCode, table: 'conversation_messages', recordId: message.id, column: 'body' },
        message.body,
      );
      timeline.push({
        id: message.id,
        kind: 'message',
        at: message.createdAt.toISOString(),
        actor: message.authorUserId ? { id: message.authorUserId, displayName: message.authorName ?? '' } : null,
        text: body,
        details: { author: message.author },
        sortAt: message.createdAt.getTime(),
      });
    }
  }
  // A stable sort: events and messages of the same moment keep their own order.
  timeline.sort((a, b) => a.sortAt - b.sortAt);
  return {
    id: row.id,
    status: row.status,
    origin: row.origin,
    summary: await decryptOptionalCaseField(keyring, tx, field('summary'), row.summary),
    category: row.category,
    subcategory: row.subcategory,
    outcome: row.outcome,
    childConsent: row.childConsent,
    conversationId: row.conversationId,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    destroyAfter: row.destroyAfter?.toISOString() ?? null,
    legalHold: row.legalHoldSince ? { since: row.legalHoldSince.toISOString(), reason: row.legalHoldReason } : null,
    assignees: await listCaseAssignees(tx, row.id),
    access: via,
    timeline: timeline.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      at: entry.at,
      actor: entry.actor,
      text: entry.text,
      details: entry.details,
    })),
  };
}

/** Reads a case (deny by default, see openCase). Audited 'case.read', with how the actor got access. */
export async function readCase(deps: CaseDeps, actor: Actor, caseId: string): Promise<CaseDetail> {
  const municipalityCode = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const { row, via } = await openCase(tx, actor, caseId, deps.clock());
    const view = await caseDetailView(deps.keyring, tx, row, via);
    await auditCase(tx, actor, 'case.read', caseId, { via });
    return view;
  });
}
