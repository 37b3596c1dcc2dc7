import { randomUUID } from 'node:crypto';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditCase, caseAccessVia, caseMunicipalityOf } from './case-access.ts';
import { caseDetailView } from './case-detail.service.ts';
import { caseReference } from './case-reference.ts';
import { encryptCaseField } from './case-keys.ts';
import { recordCaseEvent } from './case-timeline.repository.ts';
import { findCaseRow, insertAccessGrant, listCoordinators } from './cases.repository.ts';
import type { CaseDetail } from './cases.schema.ts';
import { BREAK_GLASS_HOURS, type CaseDeps } from './cases.types.ts';

/**
 * "Break the glass": a responder of the municipality who is not on the case opens it anyway, with a
 * written reason. The grant (reason encrypted with the case key) runs for BREAK_GLASS_HOURS; the
 * timeline, the audit log ('case.break_glass', then 'case.read' via break_glass) and the grant
 * commit together. After the commit the coordinators get an e-mail without content.
 */
export async function breakGlass(deps: CaseDeps, actor: Actor, caseId: string, reason: string): Promise<CaseDetail> {
  const municipalityCode = caseMunicipalityOf(actor);
  const view = await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const now = deps.clock();
    const row = await findCaseRow(tx, caseId);
    if (!row || row.municipalityCode !== municipalityCode) throw apiError('case.not_found');
    if (await caseAccessVia(tx, actor, caseId, now)) throw apiError('case.break_glass_not_needed');
    const grantId = randomUUID();
    const expiresAt = new Date(now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
    await insertAccessGrant(tx, {
      id: grantId,
      caseId,
      municipalityCode,
      userId: actor.userId,
      reason: await encryptCaseField(
        deps.keyring,
        tx,
        { municipalityCode, caseId, table: 'case_access_grants', recordId: grantId, column: 'reason' },
        reason,
      ),
      grantedAt: now,
      expiresAt,
    });
    await recordCaseEvent(deps.keyring, tx, {
      caseId,
      municipalityCode,
      kind: 'break_glass',
      actorUserId: actor.userId,
      text: reason,
      details: { grantId, expiresAt: expiresAt.toISOString() },
      at: now,
    });
    const detail = await caseDetailView(deps.keyring, tx, (await findCaseRow(tx, caseId)) ?? row, 'break_glass');
    await auditCase(tx, actor, 'case.break_glass', caseId, { grantId, expiresAt: expiresAt.toISOString() });
    await auditCase(tx, actor, 'case.read', caseId, { via: 'break_glass' });
    return detail;
  });
  await tellCoordinators(deps, actor, municipalityCode, caseId);
  return view;
}

/** E-mails the municipality's coordinators: who opened which case; the reason stays in the case. */
async function tellCoordinators(deps: CaseDeps, actor: Actor, municipalityCode: string, caseId: string) {
  const coordinators = await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    listCoordinators(tx, municipalityCode),
  );
  const reference = caseReference(caseId);
  const link = `${deps.publicBaseUrl}/beheer/dossiers/${caseId}`;
  for (const coordinator of coordinators) {
    try {
      await deps.mailer.send({
        to: coordinator.email,
        subject: `Glas gebroken: dossier ${reference} geopend`,
        text: [
          `${actor.displayName} heeft het glas gebroken en dossier ${reference} geopend zonder aan het dossier te zijn toegewezen.`,
          '',
          'De reden staat in het dossier. Log in om die te lezen:',
          link,
        ].join('\n'),
      });
    } catch (error) {
      // The grant is committed and audited; a failed notice must not undo or hide it from the responder.
      process.stderr.write(`break-glass notice for case ${caseId} not sent: ${String(error).slice(0, 200)}\n`);
    }
  }
}
