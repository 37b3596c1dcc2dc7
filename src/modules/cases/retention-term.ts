import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';

/**
 * Default retention after closing, when a municipality has set none (see docs/OPERATIONS.md):
 * a case that was referred or reported is kept as long as a youth-care file (20 years, Jeugdwet
 * art. 7.3.8); any other case 5 years, long enough to see that the same child comes back.
 */
export const DEFAULT_RETENTION_MONTHS = { referred: 240, other: 60 } as const;

/**
 * When a case closed at `closedAt` is to be destroyed, from the municipality's terms: the longer
 * term when anything was referred or reported (a referral past "prepared"), the shorter otherwise.
 */
export async function destroyAfterFor(
  tx: Transaction,
  municipalityCode: string,
  caseId: string,
  closedAt: Date,
): Promise<Date> {
  const result = await tx.execute<{ destroy_after: Date | string }>(sql`
    SELECT ${closedAt.toISOString()}::timestamptz + make_interval(months => CASE
             WHEN EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = ${caseId}::uuid AND r.status <> 'prepared')
             THEN coalesce(s.retention_months_referred, ${DEFAULT_RETENTION_MONTHS.referred})
             ELSE coalesce(s.retention_months_other, ${DEFAULT_RETENTION_MONTHS.other}) END) AS destroy_after
      FROM (SELECT 1) AS one
      LEFT JOIN municipality_case_settings s ON s.municipality_code = ${municipalityCode}`);
  const row = result.rows[0];
  if (!row) throw new Error('retention term query returned nothing');
  return new Date(row.destroy_after);
}
