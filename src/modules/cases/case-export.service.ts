import { asc, eq, sql } from 'drizzle-orm';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import type { Actor } from '../accounts/actor.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { referrals } from '../referrals/referrals.tables.ts';
import { KIND_LABEL_NL } from '../referrals/referral-kinds.ts';
import { auditCase, caseMunicipalityOf, openCase, type CaseRow } from './case-access.ts';
import { decryptCaseField, decryptOptionalCaseField } from './case-keys.ts';
import type { CaseFile } from './case-pdf.ts';
import { caseReference } from './case-reference.ts';
import { listCaseEvents, recordCaseEvent } from './case-timeline.repository.ts';
import { meldcodeDecisions } from './cases.tables.ts';
import { CASE_OUTCOMES, findCategory } from './classification.ts';
import type { CaseDeps } from './cases.types.ts';
import { meldcodeStep, type MeldcodeStepNumber } from './meldcode-steps.ts';

const STATUS_NL = {
  new: 'Nieuw',
  in_progress: 'In behandeling',
  referred: 'Verwezen',
  follow_up: 'Nazorg',
  closed: 'Gesloten',
} as const;
const ORIGIN_NL = {
  conversation: 'Gesprek',
  walk_in: 'Aan de balie',
  phone: 'Telefoon',
  manual: 'Met de hand',
} as const;
const CONSENT_NL = { not_asked: 'Niet gevraagd', given: 'Gegeven', refused: 'Geweigerd' } as const;
const REFERRAL_STATUS_NL = {
  prepared: 'Voorbereid',
  sent: 'Verstuurd',
  confirmed: 'Ontvangst bevestigd',
  feedback_received: 'Terugkoppeling ontvangen',
} as const;

const yesNo = (answer: unknown) => (answer === true ? 'ja' : answer === false ? 'nee' : String(answer));

async function meldcodeOf(keyring: Keyring, tx: Transaction, row: CaseRow): Promise<CaseFile['meldcode']> {
  const decisions = await tx
    .select({ decision: meldcodeDecisions, decidedByName: sql<string | null>`u.display_name` })
    .from(meldcodeDecisions)
    .leftJoin(sql`staff_users u`, sql`u.id = ${meldcodeDecisions.decidedBy}`)
    .where(eq(meldcodeDecisions.caseId, row.id))
    .orderBy(asc(meldcodeDecisions.decidedAt), asc(meldcodeDecisions.id));
  const out: CaseFile['meldcode'] = [];
  for (const { decision, decidedByName } of decisions) {
    const context = { municipalityCode: row.municipalityCode, caseId: row.id, table: 'meldcode_decisions' };
    const answers = JSON.parse(
      await decryptCaseField(keyring, tx, { ...context, recordId: decision.id, column: 'answers' }, decision.answers),
    ) as Record<string, unknown>;
    const step = meldcodeStep(decision.step as MeldcodeStepNumber);
    out.push({
      step: decision.step,
      title: step.title.nl,
      decision: step.decisions.find((option) => option.code === decision.decision)?.label.nl ?? decision.decision,
      departsFromDefault: decision.departsFromDefault,
      answers: Object.entries(answers).map(([id, answer]) => [
        step.questions.find((question) => question.id === id)?.text.nl ?? id,
        yesNo(answer),
      ]),
      reason: await decryptOptionalCaseField(
        keyring,
        tx,
        { ...context, recordId: decision.id, column: 'reason' },
        decision.reason,
      ),
      decidedBy: decidedByName,
      decidedAt: decision.decidedAt,
    });
  }
  return out;
}

async function referralsOf(keyring: Keyring, tx: Transaction, row: CaseRow): Promise<CaseFile['referrals']> {
  const rows = await tx
    .select()
    .from(referrals)
    .where(eq(referrals.caseId, row.id))
    .orderBy(asc(referrals.createdAt), asc(referrals.id));
  const out: CaseFile['referrals'] = [];
  for (const referral of rows) {
    const context = {
      municipalityCode: row.municipalityCode,
      caseId: row.id,
      table: 'referrals',
      recordId: referral.id,
    };
    out.push({
      recipient: referral.recipientName,
      kind: KIND_LABEL_NL[referral.kind],
      status: REFERRAL_STATUS_NL[referral.status],
      createdAt: referral.createdAt,
      sentAt: referral.sentAt,
      confirmedAt: referral.confirmedAt,
      summary: await decryptOptionalCaseField(keyring, tx, { ...context, column: 'summary' }, referral.summary),
      feedback: await decryptOptionalCaseField(keyring, tx, { ...context, column: 'feedback' }, referral.feedback),
    });
  }
  return out;
}

/**
 * The case file as a PDF (for a referral). The export goes on the timeline ('export') and into the
 * audit log ('case.exported') in the transaction that read the case, so no export goes unrecorded.
 */
export async function exportCasePdf(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
): Promise<{ pdf: Buffer; filename: string }> {
  const municipalityCode = caseMunicipalityOf(actor);
  const now = deps.clock();
  // Loaded on first use, as the stickers do: pdfkit is large and an idle app need not carry it.
  const { renderCasePdf } = await import('./case-pdf.ts');
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const { row, via } = await openCase(tx, actor, caseId, now);
    const municipality = await tx.execute<{ name: string }>(
      sql`SELECT name FROM municipalities WHERE code = ${municipalityCode}`,
    );
    const category = row.category ? findCategory(row.category) : undefined;
    const summary = await decryptOptionalCaseField(
      deps.keyring,
      tx,
      { municipalityCode, caseId, table: 'cases', recordId: caseId, column: 'summary' },
      row.summary,
    );
    const events = await listCaseEvents(deps.keyring, tx, municipalityCode, caseId);
    const reference = caseReference(caseId);
    const pdf = await renderCasePdf({
      reference,
      municipalityName: municipality.rows[0]?.name ?? municipalityCode,
      status: STATUS_NL[row.status],
      origin: ORIGIN_NL[row.origin],
      openedAt: row.createdAt,
      closedAt: row.closedAt,
      lastActivityAt: row.lastActivityAt,
      destroyAfter: row.destroyAfter,
      legalHold: row.legalHoldSince !== null,
      category: category?.label.nl ?? row.category,
      subcategory:
        category?.subcategories.find((sub) => sub.code === row.subcategory)?.label.nl ?? row.subcategory ?? null,
      outcome: row.outcome
        ? (CASE_OUTCOMES.find((outcome) => outcome.code === row.outcome)?.label.nl ?? row.outcome)
        : null,
      childConsent: CONSENT_NL[row.childConsent],
      summary,
      timeline: events.map((event) => ({
        at: event.at,
        kind: event.kind,
        actor: event.actor?.displayName ?? null,
        text: event.text,
        details: Object.entries(event.details)
          .map(([key, value]) => `${key}: ${String(value)}`)
          .join(', '),
      })),
      meldcode: await meldcodeOf(deps.keyring, tx, row),
      referrals: await referralsOf(deps.keyring, tx, row),
      exportedBy: actor.displayName,
      exportedAt: now,
    });
    await recordCaseEvent(deps.keyring, tx, {
      caseId,
      municipalityCode,
      kind: 'export',
      actorUserId: actor.userId,
      details: { format: 'pdf' },
      at: now,
    });
    await auditCase(tx, actor, 'case.exported', caseId, { format: 'pdf', via });
    return { pdf, filename: `dossier-${reference}.pdf` };
  });
}
