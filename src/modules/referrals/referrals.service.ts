import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditCase, caseMunicipalityOf, openCase, type CaseRow } from '../cases/case-access.ts';
import { decryptOptionalCaseField, encryptCaseField } from '../cases/case-keys.ts';
import { recordCaseEvent } from '../cases/case-timeline.repository.ts';
import type { CaseDeps } from '../cases/cases.types.ts';
import { DEFAULT_RECIPIENT, LINK_VALID_DAYS, needsConsent, type ReferralKind } from './referral-kinds.ts';
import { findPartyRow } from './referral-parties.repository.ts';
import { isEmailAddress } from './referral-parties.service.ts';
import {
  findReferralForUpdate,
  insertReferralRow,
  listReferralRows,
  markSent,
  municipalityName,
  setCaseReferred,
  type ReferralRow,
} from './referrals.repository.ts';
import type { CreateReferralInput, ReferralView } from './referrals.schema.ts';

/**
 * Referrals of a case to Veilig Thuis, the police, the Kindertelefoon, the wijkteam, the Zorg- en
 * Veiligheidshuis, the GP or a party of the municipality's directory. Every change is recorded on
 * the case's timeline and audited in its transaction; the summary is encrypted with the case key.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The SHA-256 of a link token: the only form in which the token is stored. */
export function linkTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** The page the receiving party opens (the token in the query: never logged, see src/http/logging.ts). */
export function referralLink(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl}/verwijzing?token=${token}`;
}

/** The case's referrals, decrypted. Audited: 'referral.read' (summaries and feedback are case content). */
export async function listReferrals(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
): Promise<{ referrals: ReferralView[] }> {
  const code = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code }, async (tx) => {
    await openCase(tx, actor, caseId, deps.clock());
    const views = [];
    for (const row of await listReferralRows(tx, caseId)) views.push(await referralView(deps, tx, row));
    await auditCase(tx, actor, 'referral.read', caseId, { count: views.length });
    return { referrals: views };
  });
}

/** Prepares a referral (status 'prepared'). Refused without the child's consent where that is needed. */
export async function createReferral(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: CreateReferralInput,
): Promise<ReferralView> {
  const code = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code }, async (tx) => {
    const now = deps.clock();
    const { row: theCase } = await openCase(tx, actor, caseId, now);
    const { partyId, recipientName, consentKind } = await recipientOf(tx, input);
    requireConsent(theCase, consentKind);
    const id = randomUUID();
    const summary = input.summary
      ? await encryptCaseField(
          deps.keyring,
          tx,
          { municipalityCode: code, caseId, table: 'referrals', recordId: id, column: 'summary' },
          input.summary,
        )
      : null;
    const row = await insertReferralRow(tx, {
      id,
      caseId,
      municipalityCode: code,
      kind: input.kind,
      partyId,
      recipientName,
      summary,
      createdBy: actor.userId,
      now,
    });
    await recordReferralEvent(deps, tx, row, actor.userId, now);
    await auditCase(tx, actor, 'referral.created', caseId, { referralId: id, kind: input.kind });
    return referralView(deps, tx, row);
  });
}

/**
 * Sends a referral: a new one-time link (32 random bytes, only the SHA-256 stored, valid 14 days),
 * e-mailed — without any content — to the given address or the party's. The case becomes 'referred'
 * unless it is closed. The link is answered this once. Sending again replaces the link.
 */
export async function sendReferral(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  referralId: string,
  options: { email?: string | undefined },
): Promise<{ referral: ReferralView; link: string; emailed: boolean }> {
  const code = caseMunicipalityOf(actor);
  const given = options.email?.trim() || undefined;
  if (given && !isEmailAddress(given)) throw apiError('referral.email_invalid', {}, 'email');
  const token = randomBytes(32).toString('base64url');
  const sent = await inTenant(deps.db, { kind: 'municipality', code }, async (tx) => {
    const now = deps.clock();
    const { row: theCase } = await openCase(tx, actor, caseId, now);
    const found = await findReferralForUpdate(tx, caseId, referralId);
    if (!found) throw apiError('referral.not_found');
    if (found.status === 'confirmed' || found.status === 'feedback_received')
      throw apiError('referral.already_confirmed');
    const party = found.partyId ? await findPartyRow(tx, found.partyId) : undefined;
    requireConsent(theCase, party ? party.kind : found.kind);
    const expiresAt = new Date(now.getTime() + LINK_VALID_DAYS * DAY_MS);
    const row = await markSent(tx, found.id, { tokenHash: linkTokenHash(token), expiresAt, now });
    await recordReferralEvent(deps, tx, row, actor.userId, now);
    if (theCase.status !== 'closed' && theCase.status !== 'referred') {
      await setCaseReferred(tx, caseId);
      await recordCaseEvent(deps.keyring, tx, {
        caseId,
        municipalityCode: code,
        kind: 'status',
        actorUserId: actor.userId,
        details: { from: theCase.status, to: 'referred' },
        at: now,
      });
    }
    await auditCase(tx, actor, 'referral.sent', caseId, {
      referralId,
      kind: found.kind,
      byEmail: Boolean(given ?? party?.email),
    });
    return {
      referral: await referralView(deps, tx, row),
      to: given ?? party?.email ?? undefined,
      municipality: await municipalityName(tx, code),
    };
  });
  const link = referralLink(deps.publicBaseUrl, token);
  let emailed = false;
  if (sent.to) {
    try {
      await deps.mailer.send({
        to: sent.to,
        subject: `Doorverwijzing van gemeente ${sent.municipality}`,
        text: `Gemeente ${sent.municipality} heeft een kind naar u doorverwezen. Bevestig de ontvangst via deze link: ${link}\n\nDe link werkt ${LINK_VALID_DAYS} dagen. Vragen? Bel de gemeente.\n`,
      });
      emailed = true;
    } catch {
      // The referral stands: the team gets the link in the answer and can pass it on another way.
    }
  }
  return { referral: sent.referral, link, emailed };
}

/** Who receives the referral: the party of the directory, or a built-in kind with its default name. */
async function recipientOf(
  tx: Transaction,
  input: CreateReferralInput,
): Promise<{ partyId: string | null; recipientName: string; consentKind: ReferralKind }> {
  if (input.kind !== 'directory')
    return {
      partyId: null,
      recipientName: input.recipientName ?? DEFAULT_RECIPIENT[input.kind],
      consentKind: input.kind,
    };
  if (!input.partyId) throw apiError('referral.party_required', {}, 'partyId');
  const party = await findPartyRow(tx, input.partyId);
  if (!party) throw apiError('referral_party.not_found', {}, 'partyId');
  if (!party.active) throw apiError('referral_party.inactive', {}, 'partyId');
  // A directory entry of kind Veilig Thuis (a regional office) is Veilig Thuis for the consent rule.
  return { partyId: party.id, recipientName: party.name, consentKind: party.kind };
}

function requireConsent(theCase: CaseRow, kind: ReferralKind): void {
  if (needsConsent(kind) && theCase.childConsent !== 'given') throw apiError('referral.consent_required');
}

async function recordReferralEvent(
  deps: CaseDeps,
  tx: Transaction,
  row: ReferralRow,
  actorUserId: string | null,
  at: Date,
): Promise<void> {
  await recordCaseEvent(deps.keyring, tx, {
    caseId: row.caseId,
    municipalityCode: row.municipalityCode,
    kind: 'referral',
    actorUserId,
    details: { referralId: row.id, kind: row.kind, status: row.status },
    at,
  });
}

/** The team's view of a referral, with summary and feedback decrypted. */
export async function referralView(
  deps: Pick<CaseDeps, 'keyring'>,
  tx: Transaction,
  row: ReferralRow,
): Promise<ReferralView> {
  const context = (column: string) => ({
    municipalityCode: row.municipalityCode,
    caseId: row.caseId,
    table: 'referrals',
    recordId: row.id,
    column,
  });
  return {
    id: row.id,
    kind: row.kind,
    recipientName: row.recipientName,
    partyId: row.partyId,
    summary: await decryptOptionalCaseField(deps.keyring, tx, context('summary'), row.summary),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    feedback: await decryptOptionalCaseField(deps.keyring, tx, context('feedback'), row.feedback),
    feedbackAt: row.feedbackAt?.toISOString() ?? null,
    linkExpiresAt: row.linkExpiresAt?.toISOString() ?? null,
  };
}
