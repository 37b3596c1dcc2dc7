import { and, eq, gt } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { caseAccessGrants, caseAssignees, cases } from './cases.tables.ts';
import type { CaseAccessVia } from './cases.types.ts';

/** A case row as the services read it. */
export type CaseRow = typeof cases.$inferSelect;

const CASE_ROLES = new Set(['responder', 'municipal_coordinator']);

/**
 * The actor's municipality, when they work on cases at all: a municipality's responders and
 * coordinator. National staff, front desk and privacy officers never open case content.
 */
export function caseMunicipalityOf(actor: Actor): string {
  if (!actor.municipalityCode) throw apiError('case.no_municipality');
  if (!actor.roles.some((role) => CASE_ROLES.has(role))) throw apiError('auth.forbidden');
  return actor.municipalityCode;
}

/** True for the municipality's coordinator, who sees every case of the municipality. */
export function isCaseCoordinator(actor: Actor): boolean {
  return actor.roles.includes('municipal_coordinator');
}

/** How the actor may see the case, or null: coordinator, assignee, or a break-the-glass grant still running. */
export async function caseAccessVia(
  tx: Transaction,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<CaseAccessVia | null> {
  if (isCaseCoordinator(actor)) return 'coordinator';
  const [assigned] = await tx
    .select({ userId: caseAssignees.userId })
    .from(caseAssignees)
    .where(and(eq(caseAssignees.caseId, caseId), eq(caseAssignees.userId, actor.userId)));
  if (assigned) return 'assignee';
  const [grant] = await tx
    .select({ id: caseAccessGrants.id })
    .from(caseAccessGrants)
    .where(
      and(
        eq(caseAccessGrants.caseId, caseId),
        eq(caseAccessGrants.userId, actor.userId),
        gt(caseAccessGrants.expiresAt, now),
      ),
    )
    .limit(1);
  return grant ? 'break_glass' : null;
}

/**
 * Every case service starts here: the case (row-level security limits it to the actor's
 * municipality) and how the actor may see it. Deny by default: anyone who is neither assignee nor
 * coordinator and holds no running break-the-glass grant is refused with `case.access_denied`.
 */
export async function openCase(
  tx: Transaction,
  actor: Actor,
  caseId: string,
  now: Date,
): Promise<{ row: CaseRow; via: CaseAccessVia }> {
  const municipalityCode = caseMunicipalityOf(actor);
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.municipalityCode, municipalityCode)));
  if (!row) throw apiError('case.not_found');
  const via = await caseAccessVia(tx, actor, caseId, now);
  if (!via) throw apiError('case.access_denied');
  return { row, via };
}

/** Audits an action on a case in the caller's transaction: ids and codes only, never content. */
export async function auditCase(
  tx: Transaction,
  actor: Actor,
  action: string,
  caseId: string,
  details: Record<string, string | number | boolean | null> = {},
): Promise<void> {
  await appendAudit(tx, {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: actor.municipalityCode,
    action,
    objectType: 'case',
    objectId: caseId,
    details,
  });
}
