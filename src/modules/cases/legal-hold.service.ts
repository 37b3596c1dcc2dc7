import { eq } from 'drizzle-orm';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditCase, caseMunicipalityOf, isCaseCoordinator, openCase } from './case-access.ts';
import { recordCaseEvent } from './case-timeline.repository.ts';
import { cases } from './cases.tables.ts';
import type { CaseDeps } from './cases.types.ts';

/**
 * A legal hold (a court, the police or a complaint needs the file) suspends destruction at the end
 * of the retention term. Only the coordinator places or lifts it, with a reason; both go on the
 * timeline and into the audit log. The next retention sweep after lifting destroys a case that is due.
 */

function coordinatorMunicipality(actor: Actor): string {
  const municipalityCode = caseMunicipalityOf(actor);
  if (!isCaseCoordinator(actor)) throw apiError('auth.forbidden');
  return municipalityCode;
}

/** Places (or renews the reason of) a legal hold. */
export async function placeLegalHold(deps: CaseDeps, actor: Actor, caseId: string, reason: string): Promise<void> {
  const municipalityCode = coordinatorMunicipality(actor);
  const now = deps.clock();
  await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const { row } = await openCase(tx, actor, caseId, now);
    const renewed = row.legalHoldSince !== null;
    // The reason is shown with the hold (CaseDetail.legalHold); the timeline keeps each one encrypted.
    await tx
      .update(cases)
      .set({ legalHoldSince: row.legalHoldSince ?? now, legalHoldReason: reason })
      .where(eq(cases.id, caseId));
    await recordCaseEvent(deps.keyring, tx, {
      caseId,
      municipalityCode,
      kind: 'legal_hold',
      actorUserId: actor.userId,
      text: reason,
      details: { action: renewed ? 'renewed' : 'placed' },
      at: now,
    });
    await auditCase(tx, actor, 'case.legal_hold_placed', caseId, { renewed });
  });
}

/** Lifts the legal hold; without one, nothing changes. */
export async function liftLegalHold(deps: CaseDeps, actor: Actor, caseId: string): Promise<void> {
  const municipalityCode = coordinatorMunicipality(actor);
  const now = deps.clock();
  await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const { row } = await openCase(tx, actor, caseId, now);
    if (row.legalHoldSince === null) return;
    await tx.update(cases).set({ legalHoldSince: null, legalHoldReason: null }).where(eq(cases.id, caseId));
    await recordCaseEvent(deps.keyring, tx, {
      caseId,
      municipalityCode,
      kind: 'legal_hold',
      actorUserId: actor.userId,
      details: { action: 'lifted' },
      at: now,
    });
    await auditCase(tx, actor, 'case.legal_hold_lifted', caseId);
  });
}
