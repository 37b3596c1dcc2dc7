import { eq, sql } from 'drizzle-orm';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { caseMunicipalityOf, isCaseCoordinator } from './case-access.ts';
import type { CaseSettings, CaseSettingsView } from './case-settings.schema.ts';
import { municipalityCaseSettings } from './cases.tables.ts';
import type { CaseDeps } from './cases.types.ts';
import { DEFAULT_RETENTION_MONTHS } from './retention-term.ts';

/** Untouched for this many days, a case is flagged to the coordinator (when the municipality set nothing). */
export const DEFAULT_STALE_AFTER_DAYS = 7;

const MONTHS = { min: 1, max: 1200 };
const DAYS = { min: 1, max: 365 };

/** The municipality's settings, or the documented defaults. */
export async function caseSettingsOf(tx: Transaction, municipalityCode: string): Promise<CaseSettingsView> {
  const [row] = await tx
    .select()
    .from(municipalityCaseSettings)
    .where(eq(municipalityCaseSettings.municipalityCode, municipalityCode));
  if (!row)
    return {
      retentionMonthsReferred: DEFAULT_RETENTION_MONTHS.referred,
      retentionMonthsOther: DEFAULT_RETENTION_MONTHS.other,
      staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
      isDefault: true,
    };
  return {
    retentionMonthsReferred: row.retentionMonthsReferred,
    retentionMonthsOther: row.retentionMonthsOther,
    staleAfterDays: row.staleAfterDays,
    isDefault: false,
  };
}

/** GET /api/v1/case-settings: the actor's municipality's settings. */
export async function readCaseSettings(deps: CaseDeps, actor: Actor): Promise<CaseSettingsView> {
  const municipalityCode = caseMunicipalityOf(actor);
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    caseSettingsOf(tx, municipalityCode),
  );
}

function within(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/**
 * PUT /api/v1/case-settings (coordinator). A new term applies to cases closed from now on; cases
 * closed before keep the destruction date they were given when closing. Audited with the values.
 */
export async function updateCaseSettings(
  deps: CaseDeps,
  actor: Actor,
  settings: CaseSettings,
): Promise<CaseSettingsView> {
  const municipalityCode = caseMunicipalityOf(actor);
  if (!isCaseCoordinator(actor)) throw apiError('auth.forbidden');
  for (const field of ['retentionMonthsReferred', 'retentionMonthsOther'] as const)
    if (!within(settings[field], MONTHS)) throw apiError('case_settings.retention_invalid', {}, field);
  if (!within(settings.staleAfterDays, DAYS)) throw apiError('case_settings.stale_invalid', {}, 'staleAfterDays');
  const now = deps.clock();
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const values = {
      retentionMonthsReferred: settings.retentionMonthsReferred,
      retentionMonthsOther: settings.retentionMonthsOther,
      staleAfterDays: settings.staleAfterDays,
      updatedAt: now,
    };
    await tx
      .insert(municipalityCaseSettings)
      .values({ municipalityCode, ...values })
      .onConflictDoUpdate({ target: municipalityCaseSettings.municipalityCode, set: values });
    await appendAudit(tx, {
      actorUserId: actor.userId,
      actorRole: auditRoleOf(actor),
      municipalityCode,
      action: 'case_settings.updated',
      objectType: 'municipality',
      objectId: municipalityCode,
      details: { ...settings },
    });
    return caseSettingsOf(tx, municipalityCode);
  });
}

/** Used by the sweeps: the untouched-case threshold of a municipality, in days. */
export async function staleAfterDaysOf(tx: Transaction, municipalityCode: string): Promise<number> {
  const result = await tx.execute<{ days: number }>(sql`
    SELECT stale_after_days AS days FROM municipality_case_settings WHERE municipality_code = ${municipalityCode}`);
  return result.rows[0]?.days ?? DEFAULT_STALE_AFTER_DAYS;
}
