import { inTenant, type Transaction } from '../../db/tenant.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { encryptCaseField } from '../cases/case-keys.ts';
import { recordCaseEvent } from '../cases/case-timeline.repository.ts';
import type { CaseDeps } from '../cases/cases.types.ts';
import { FEEDBACK_MAX_CHARS, type ReferralKind } from './referral-kinds.ts';
import {
  assigneeEmails,
  findReferralByIdForUpdate,
  linkScope,
  markConfirmed,
  markFeedback,
  municipalityName,
  type ReferralRow,
} from './referrals.repository.ts';
import { linkTokenHash } from './referrals.service.ts';

/**
 * The receiving party's side: no account, only the link's token. The token finds the referral and
 * its municipality (referral_link_scope) while the link is valid; everything else happens in that
 * municipality's scope. Confirming and feedback are recorded on the case's timeline and audited
 * without an actor, and the case's team is told — without content — to log in.
 */

/** What the receiving party's page shows: nothing about the child. */
export interface ReferralLinkView {
  municipalityName: string;
  kind: ReferralKind;
  recipientName: string;
  /** The first 8 characters of the referral's id, to mention on the phone. */
  reference: string;
  sentAt: Date;
  status: ReferralRow['status'];
}

export type LinkOutcome<T = object> = { kind: 'unknown' } | ({ kind: 'found'; view: ReferralLinkView } & T);

/** Why feedback was not taken. */
export type FeedbackProblem = 'empty' | 'too_long';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The referral behind a link, for its page. */
export function openReferralLink(deps: CaseDeps, token: string): Promise<LinkOutcome> {
  return withLink(deps, token, async (_tx, _row, view) => ({ kind: 'found', view }));
}

/** Confirms receipt (once; again is no change). */
export function confirmReferralLink(deps: CaseDeps, token: string): Promise<LinkOutcome<{ changed: boolean }>> {
  return withLink(deps, token, async (tx, row, view, now) => {
    if (row.status !== 'sent') return { kind: 'found', view, changed: false };
    await markConfirmed(tx, row.id, now);
    await recordPublicChange(deps, tx, row, 'confirmed', now);
    return { kind: 'found', view: { ...view, status: 'confirmed' }, changed: true };
  });
}

/** Takes the receiving party's short feedback (once), encrypted with the case key. */
export function leaveReferralFeedback(
  deps: CaseDeps,
  token: string,
  feedback: string,
): Promise<LinkOutcome<{ problem?: FeedbackProblem; changed: boolean }>> {
  const text = feedback.trim();
  return withLink(deps, token, async (tx, row, view, now) => {
    if (row.status === 'feedback_received') return { kind: 'found', view, changed: false };
    if (!text) return { kind: 'found', view, changed: false, problem: 'empty' };
    if ([...text].length > FEEDBACK_MAX_CHARS) return { kind: 'found', view, changed: false, problem: 'too_long' };
    const encrypted = await encryptCaseField(
      deps.keyring,
      tx,
      {
        municipalityCode: row.municipalityCode,
        caseId: row.caseId,
        table: 'referrals',
        recordId: row.id,
        column: 'feedback',
      },
      text,
    );
    await markFeedback(tx, row.id, encrypted, now);
    await recordPublicChange(deps, tx, row, 'feedback_received', now);
    return { kind: 'found', view: { ...view, status: 'feedback_received' }, changed: true };
  });
}

/**
 * Finds the link's referral in its municipality's scope and runs `work` in that transaction; the
 * team is e-mailed after the commit when `work` changed something.
 */
async function withLink<T extends object>(
  deps: CaseDeps,
  token: string,
  work: (
    tx: Transaction,
    row: ReferralRow,
    view: ReferralLinkView,
    now: Date,
  ) => Promise<{ kind: 'found'; view: ReferralLinkView } & T>,
): Promise<LinkOutcome<T>> {
  if (!TOKEN.test(token)) return { kind: 'unknown' };
  const now = deps.clock();
  const tokenHash = linkTokenHash(token);
  const scope = await inTenant(deps.db, { kind: 'none' }, (tx) => linkScope(tx, tokenHash, now));
  if (!scope) return { kind: 'unknown' };
  let notify: string[] = [];
  const outcome = await inTenant(deps.db, { kind: 'municipality', code: scope.municipalityCode }, async (tx) => {
    const row = await findReferralByIdForUpdate(tx, scope.referralId);
    // Checked again under the lock: the link may have been replaced (sent again) meanwhile.
    if (!row || !row.linkTokenHash?.equals(tokenHash) || !row.linkExpiresAt || row.linkExpiresAt <= now)
      return { kind: 'unknown' } as const;
    const view: ReferralLinkView = {
      municipalityName: await municipalityName(tx, row.municipalityCode),
      kind: row.kind,
      recipientName: row.recipientName,
      reference: row.id.slice(0, 8),
      sentAt: row.sentAt ?? row.createdAt,
      status: row.status,
    };
    const result = await work(tx, row, view, now);
    if ((result as { changed?: boolean }).changed) notify = await assigneeEmails(tx, row.caseId);
    return result;
  });
  if (outcome.kind === 'found' && notify.length > 0) await tellTheTeam(deps, notify, outcome.view.municipalityName);
  return outcome;
}

async function recordPublicChange(
  deps: CaseDeps,
  tx: Transaction,
  row: ReferralRow,
  status: 'confirmed' | 'feedback_received',
  at: Date,
): Promise<void> {
  await recordCaseEvent(deps.keyring, tx, {
    caseId: row.caseId,
    municipalityCode: row.municipalityCode,
    kind: 'referral',
    actorUserId: null,
    details: { referralId: row.id, kind: row.kind, status },
    at,
  });
  await appendAudit(tx, {
    actorUserId: null,
    actorRole: null,
    municipalityCode: row.municipalityCode,
    action: `referral.${status}`,
    objectType: 'case',
    objectId: row.caseId,
    details: { referralId: row.id, kind: row.kind },
  });
}

/** A content-free note to the case's team; a failed e-mail does not undo what the party did. */
async function tellTheTeam(deps: CaseDeps, to: string[], municipality: string): Promise<void> {
  const text = `Er is een reactie op een verwijzing in een dossier van gemeente ${municipality}. Log in om het te lezen: ${deps.publicBaseUrl}/beheer/dossiers\n`;
  for (const address of to) {
    try {
      await deps.mailer.send({ to: address, subject: 'opendeur: reactie op een verwijzing', text });
    } catch {
      // Nothing to retry with here; the timeline shows the reaction to whoever opens the case.
    }
  }
}
