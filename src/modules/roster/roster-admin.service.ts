import type { Database } from '../../db/pool.ts';
import { inTenant, type TenantScope, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { PatternShift } from './roster-schedule.ts';
import {
  deleteException,
  findSettings,
  insertException,
  listChain,
  listExceptions,
  listShifts,
  listTeam,
  replaceChain,
  replaceShifts,
  upsertMemberPhone,
  upsertSettings,
  weeklyFigures,
} from './roster.repository.ts';
import { keepActiveCovered } from './coverage-guard.ts';
import { coverageInTx } from './roster.service.ts';

/** Everything the roster page shows. */
export async function rosterView(db: Database, actor: Actor, code: string, now: Date) {
  return inTenant(db, readScope(actor, code), async (tx) => {
    const team = await listTeam(tx, code);
    const shifts = await listShifts(tx, code);
    const exceptions = await listExceptions(tx, code);
    const chain = await listChain(tx, code);
    const settings = await findSettings(tx, code);
    const coverage = await coverageInTx(tx, code, now);
    return { municipalityCode: code, team, shifts, exceptions, chain, settings, coverage };
  });
}

/**
 * Replaces the weekly pattern (the municipality's own coordinator). Like every roster change, it is
 * refused when it would leave an active municipality uncovered, unless it carries an override reason
 * (see keepActiveCovered).
 */
export async function saveShifts(
  db: Database,
  actor: Actor,
  code: string,
  shifts: PatternShift[],
  now: Date,
  overrideReason?: string,
) {
  await inTenant(db, ownMunicipalityOnly(actor, code), async (tx) => {
    await requireTeam(
      tx,
      code,
      shifts.map((shift) => shift.userId),
    );
    await replaceShifts(tx, code, shifts);
    await appendAudit(tx, { ...audit(actor, code, 'roster.shifts_saved', code), details: { count: shifts.length } });
    await keepActiveCovered(tx, actor, code, now, overrideReason);
  });
  return rosterView(db, actor, code, now);
}

/** Adds leave (replacement null) or a swap for a local period. */
export async function addException(
  db: Database,
  actor: Actor,
  code: string,
  input: {
    userId: string;
    replacementUserId: string | null;
    startsLocal: string;
    endsLocal: string;
    reason?: string | undefined;
    coverageOverrideReason?: string | undefined;
  },
  now: Date,
) {
  return inTenant(db, ownMunicipalityOnly(actor, code), async (tx) => {
    await requireTeam(tx, code, [input.userId, ...(input.replacementUserId ? [input.replacementUserId] : [])]);
    const id = await insertException(tx, {
      municipalityCode: code,
      userId: input.userId,
      replacementUserId: input.replacementUserId,
      startsLocal: input.startsLocal,
      endsLocal: input.endsLocal,
      reason: input.reason ? input.reason : null,
      createdBy: actor.userId,
      createdAt: now,
    });
    await appendAudit(tx, {
      ...audit(actor, code, 'roster.exception_added', id),
      details: { replaced: input.replacementUserId !== null },
    });
    await keepActiveCovered(tx, actor, code, now, input.coverageOverrideReason);
    return { id };
  });
}

/** Removes an exception (removing a swap can bring back an older leave, so it is a roster change too). */
export async function removeException(
  db: Database,
  actor: Actor,
  code: string,
  id: string,
  now: Date,
  overrideReason?: string,
) {
  await inTenant(db, ownMunicipalityOnly(actor, code), async (tx) => {
    if (!(await deleteException(tx, code, id))) throw apiError('roster.exception_not_found');
    await appendAudit(tx, audit(actor, code, 'roster.exception_removed', id));
    await keepActiveCovered(tx, actor, code, now, overrideReason);
  });
}

/**
 * Replaces the escalation chain (after on duty and deputy). The chain changes no hours, but saving
 * it is a roster change all the same: gaps that time has brought into the next 14 days stop it too.
 */
export async function saveChain(
  db: Database,
  actor: Actor,
  code: string,
  userIds: string[],
  now: Date,
  overrideReason?: string,
) {
  await inTenant(db, ownMunicipalityOnly(actor, code), async (tx) => {
    if (new Set(userIds).size !== userIds.length) throw apiError('roster.member_invalid', {}, 'userIds');
    await requireTeam(tx, code, userIds);
    await replaceChain(tx, code, userIds);
    await appendAudit(tx, { ...audit(actor, code, 'roster.chain_saved', code), details: { count: userIds.length } });
    await keepActiveCovered(tx, actor, code, now, overrideReason);
  });
}

/** Changes the settings and team phone numbers (the municipality's own coordinator). */
export async function saveSettings(
  db: Database,
  actor: Actor,
  code: string,
  input: {
    escalationMinutes: number;
    responseTargetMinutes: number;
    fallbackAgreed: string | null;
    phones?: Array<{ userId: string; phone: string | null }> | undefined;
    coverageOverrideReason?: string | undefined;
  },
  now: Date,
) {
  await inTenant(db, ownMunicipalityOnly(actor, code), async (tx) => {
    const phones = input.phones ?? [];
    await requireTeam(
      tx,
      code,
      phones.map((entry) => entry.userId),
    );
    const fallbackAgreed = input.fallbackAgreed?.trim() ? input.fallbackAgreed.trim() : null;
    await upsertSettings(
      tx,
      code,
      {
        escalationMinutes: input.escalationMinutes,
        responseTargetMinutes: input.responseTargetMinutes,
        fallbackAgreed,
      },
      now,
    );
    for (const entry of phones) await upsertMemberPhone(tx, code, entry.userId, entry.phone?.trim() || null, now);
    await appendAudit(tx, {
      ...audit(actor, code, 'roster.settings_saved', code),
      details: { escalationMinutes: input.escalationMinutes, fallback: fallbackAgreed !== null },
    });
    await keepActiveCovered(tx, actor, code, now, input.coverageOverrideReason);
  });
}

/**
 * The national coordinator's explicit permission for a municipality with gaps to be active anyway
 * (reason null withdraws it). Audited with the reason.
 */
export async function setCoverageOverride(db: Database, actor: Actor, code: string, reason: string | null, now: Date) {
  if (!actor.roles.includes('national_coordinator')) throw apiError('roster.not_own_municipality');
  const trimmed = reason?.trim() ? reason.trim() : null;
  await inTenant(db, { kind: 'national' }, async (tx) => {
    await upsertSettings(
      tx,
      code,
      {
        coverageOverrideReason: trimmed,
        coverageOverrideBy: trimmed ? actor.userId : null,
        coverageOverrideAt: trimmed ? now : null,
      },
      now,
    );
    await appendAudit(tx, {
      ...audit(actor, code, trimmed ? 'roster.coverage_override_set' : 'roster.coverage_override_cleared', code),
      details: trimmed ? { reason: trimmed } : {},
    });
  });
}

/** Response figures per ISO week for the last `weeks` weeks (coordinators). */
export async function responseFigures(db: Database, actor: Actor, code: string, now: Date, weeks = 12) {
  const since = new Date(now.getTime() - weeks * 7 * 24 * 60 * 60_000);
  return { weeks: await inTenant(db, readScope(actor, code), (tx) => weeklyFigures(tx, code, since)) };
}

async function requireTeam(tx: Transaction, code: string, userIds: string[]) {
  const team = new Set((await listTeam(tx, code)).map((member) => member.id));
  if (userIds.some((id) => !team.has(id))) throw apiError('roster.member_invalid');
}

/** National coordinators see every roster; a municipal coordinator their own. */
function readScope(actor: Actor, code: string): TenantScope {
  if (actor.roles.includes('national_coordinator')) return { kind: 'national' };
  if (actor.municipalityCode !== code || !actor.roles.includes('municipal_coordinator')) {
    throw apiError('roster.not_own_municipality');
  }
  return { kind: 'municipality', code };
}

function ownMunicipalityOnly(actor: Actor, code: string): TenantScope {
  if (actor.municipalityCode !== code || !actor.roles.includes('municipal_coordinator')) {
    throw apiError('roster.not_own_municipality');
  }
  return { kind: 'municipality', code };
}

function audit(actor: Actor, code: string, action: string, objectId: string) {
  return {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: code,
    action,
    objectType: 'roster',
    objectId,
  };
}
