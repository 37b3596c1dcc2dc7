import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { listResponders } from '../conversations/conversations.repository.ts';
import { auditCase, caseMunicipalityOf, isCaseCoordinator, openCase, type CaseRow } from './case-access.ts';
import { caseDetailView } from './case-detail.service.ts';
import { encryptCaseField } from './case-keys.ts';
import { recordCaseEvent } from './case-timeline.repository.ts';
import { addAssignee, caseRoleOf, findCaseRow, listCaseRows, removeAssignee, updateCase } from './cases.repository.ts';
import type { CaseDetail, CaseList } from './cases.schema.ts';
import type { CaseAccessVia, CaseDeps, CaseStatus, ChildConsent } from './cases.types.ts';
import { isValidClassification, isValidOutcome } from './classification.ts';
import { destroyAfterFor } from './retention-term.ts';

/**
 * Working on a case: the list, the summary, status, assignees, notes and calls, consent and
 * classification. Every change starts with openCase (deny by default), is written on the timeline
 * and audited in its own transaction, by ids and codes only.
 */

/** The case list: metadata only, so not audited. view 'mine': what the actor can open; 'all': every case. */
export async function listCases(deps: CaseDeps, actor: Actor, view: 'mine' | 'all' = 'mine'): Promise<CaseList> {
  const municipalityCode = caseMunicipalityOf(actor);
  const coordinator = isCaseCoordinator(actor);
  const rows = await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    listCaseRows(tx, {
      municipalityCode,
      userId: actor.userId,
      onlyOpenable: view === 'mine' && !coordinator,
      now: deps.clock(),
    }),
  );
  return {
    cases: rows.map((row) => ({
      id: row.id,
      status: row.status,
      origin: row.origin,
      category: row.category,
      createdAt: row.createdAt.toISOString(),
      lastActivityAt: row.lastActivityAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      stale: row.stale,
      legalHold: row.legalHold,
      assignees: row.assignees,
      access: coordinator ? 'coordinator' : row.assigned ? 'assignee' : row.granted ? 'break_glass' : 'none',
    })),
  };
}

/** Who may be assigned to a case: the municipality's active responders and coordinators. */
export async function listCaseAssigneeOptions(
  deps: CaseDeps,
  actor: Actor,
): Promise<{ assignees: Array<{ id: string; displayName: string }> }> {
  const municipalityCode = caseMunicipalityOf(actor);
  const staff = await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    listResponders(tx, municipalityCode),
  );
  return { assignees: staff.map(({ id, displayName }) => ({ id, displayName })) };
}

interface Change {
  tx: Transaction;
  row: CaseRow;
  via: CaseAccessVia;
  now: Date;
  /** Writes an entry on the case's timeline at `now` by the actor. */
  record: (
    kind: Parameters<typeof recordCaseEvent>[2]['kind'],
    details: Record<string, string | number | boolean | null>,
    text?: string | null,
  ) => Promise<string>;
}

/**
 * One change to a case in one transaction: open it (access check), do `work`, answer the new view,
 * and audit `action` with the details `work` returns (appended last: the audit chain's lock is held
 * until commit).
 */
async function changeCase(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  action: string,
  work: (change: Change) => Promise<Record<string, string | number | boolean | null>>,
): Promise<CaseDetail> {
  const municipalityCode = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const now = deps.clock();
    const { row, via } = await openCase(tx, actor, caseId, now);
    const record: Change['record'] = (kind, details, text) =>
      recordCaseEvent(deps.keyring, tx, {
        caseId,
        municipalityCode,
        kind,
        actorUserId: actor.userId,
        text,
        details,
        at: now,
      });
    const details = await work({ tx, row, via, now, record });
    const updated = (await findCaseRow(tx, caseId)) ?? row;
    const view = await caseDetailView(deps.keyring, tx, updated, via);
    await auditCase(tx, actor, action, caseId, { ...details, via });
    return view;
  });
}

/** Sets or removes the team's short description (encrypted with the case key). */
export async function updateSummary(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  summary: string | null,
): Promise<CaseDetail> {
  return changeCase(deps, actor, caseId, 'case.summary_updated', async ({ tx, row, record }) => {
    const text = summary?.trim() ? summary.trim() : null;
    const encrypted = text
      ? await encryptCaseField(
          deps.keyring,
          tx,
          { municipalityCode: row.municipalityCode, caseId, table: 'cases', recordId: caseId, column: 'summary' },
          text,
        )
      : null;
    await updateCase(tx, caseId, { summary: encrypted });
    await record('note', { change: 'summary' });
    return {};
  });
}

/**
 * Moves the case to another status. Closing needs a category on the case and an outcome; it sets
 * closed_at and the retention term. Reopening a closed case (→ in_progress) clears them.
 */
export async function changeStatus(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { status: CaseStatus; outcome?: string },
): Promise<CaseDetail> {
  return changeCase(deps, actor, caseId, 'case.status_changed', async ({ tx, row, now, record }) => {
    const from = row.status;
    const to = input.status;
    if (from === to || (from === 'closed' && to !== 'in_progress'))
      throw apiError('case.invalid_transition', { from, to });
    if (to === 'closed') {
      if (!row.category) throw apiError('case.close_needs_category', {}, 'category');
      if (!input.outcome || !isValidOutcome(input.outcome)) throw apiError('case.outcome_invalid', {}, 'outcome');
      const destroyAfter = await destroyAfterFor(tx, row.municipalityCode, caseId, now);
      await updateCase(tx, caseId, { status: 'closed', outcome: input.outcome, closedAt: now, destroyAfter });
      await record('status', { from, to, outcome: input.outcome });
      return { from, to, outcome: input.outcome };
    }
    await updateCase(
      tx,
      caseId,
      from === 'closed' ? { status: to, closedAt: null, destroyAfter: null, outcome: null } : { status: to },
    );
    await record('status', { from, to });
    return { from, to, outcome: null };
  });
}

/** Only the coordinator and the case's assignees change who is on a case (not a break-the-glass reader). */
function mayAssign(via: CaseAccessVia): void {
  if (via !== 'coordinator' && via !== 'assignee') throw apiError('auth.forbidden');
}

/** Adds an active responder or coordinator of the municipality to the case. */
export async function assignCase(deps: CaseDeps, actor: Actor, caseId: string, userId: string): Promise<CaseDetail> {
  return changeCase(deps, actor, caseId, 'case.assigned', async ({ tx, row, via, now, record }) => {
    mayAssign(via);
    if (!(await caseRoleOf(tx, row.municipalityCode, userId))) throw apiError('case.assignee_invalid', {}, 'userId');
    const added = await addAssignee(tx, {
      caseId,
      userId,
      municipalityCode: row.municipalityCode,
      assignedBy: actor.userId,
      now,
    });
    if (added) await record('assignment', { action: 'assigned', userId });
    return { userId };
  });
}

/** Takes someone off the case (the actor may take themselves off). */
export async function unassignCase(deps: CaseDeps, actor: Actor, caseId: string, userId: string): Promise<CaseDetail> {
  return changeCase(deps, actor, caseId, 'case.unassigned', async ({ tx, via, record }) => {
    mayAssign(via);
    if (!(await removeAssignee(tx, caseId, userId))) throw apiError('case.assignee_not_found');
    await record('assignment', { action: 'unassigned', userId });
    return { userId };
  });
}

/** A note or a phone call on the timeline (the text encrypted with the case key). */
export async function addCaseEvent(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { kind: 'note' | 'call'; text: string },
): Promise<CaseDetail> {
  return changeCase(deps, actor, caseId, `case.${input.kind}_added`, async ({ record }) => {
    const eventId = await record(input.kind, {}, input.text);
    return { eventId };
  });
}

/** Records the child's consent to a referral; the timeline keeps who recorded it and when. */
export async function setConsent(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { consent: ChildConsent; note?: string },
): Promise<CaseDetail> {
  return changeCase(deps, actor, caseId, 'case.consent_recorded', async ({ tx, row, record }) => {
    await updateCase(tx, caseId, { childConsent: input.consent });
    await record('consent', { from: row.childConsent, to: input.consent }, input.note ?? null);
    return { consent: input.consent };
  });
}

/** Sets the CHI category and subcategory (codes from classification.ts). */
export async function setClassification(
  deps: CaseDeps,
  actor: Actor,
  caseId: string,
  input: { category: string; subcategory: string | null },
): Promise<CaseDetail> {
  return changeCase(deps, actor, caseId, 'case.classified', async ({ tx, record }) => {
    if (!isValidClassification(input.category, input.subcategory))
      throw apiError('case.classification_invalid', {}, 'category');
    await updateCase(tx, caseId, { category: input.category, subcategory: input.subcategory });
    await record('classification', { category: input.category, subcategory: input.subcategory });
    return { category: input.category, subcategory: input.subcategory };
  });
}
