import type { Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { currentParticipation } from '../programme/enrolment.repository.ts';
import { upsertSettings } from './roster.repository.ts';
import { coverageInTx, type UncoveredPeriod } from './roster.service.ts';

/** How many periods a message names before it only counts the rest. */
const NAMED_PERIODS = 5;

/**
 * Uncovered periods as short, language-neutral text in Amsterdam time: "2026-10-22 09:00–11:30,
 * 2026-10-23 22:00–2026-10-24 07:00 (+3)".
 */
export function describePeriods(periods: Array<Pick<UncoveredPeriod, 'startLocal' | 'endLocal'>>): string {
  const named = periods.slice(0, NAMED_PERIODS).map(({ startLocal, endLocal }) => {
    const sameDay = startLocal.slice(0, 10) === endLocal.slice(0, 10);
    return `${startLocal}–${sameDay ? endLocal.slice(11) : endLocal}`;
  });
  const rest = periods.length - named.length;
  return `${named.join(', ')}${rest > 0 ? ` (+${rest})` : ''}`;
}

/**
 * The rule for roster changes, run in the change's transaction after the change: an active
 * municipality must not be left with uncovered hours in the next 14 days without an agreed fallback
 * or an override. Without a reason the change is refused (409 `roster.gaps_while_active`, naming the
 * periods), which rolls it back. With a reason, that reason becomes the municipality's coverage
 * override — kept, so the coverage watch leaves the municipality active — audited in the same
 * transaction. A municipality that is not active is not held to it (becoming active is gated apart).
 */
export async function keepActiveCovered(
  tx: Transaction,
  actor: Actor,
  code: string,
  now: Date,
  overrideReason: string | undefined,
): Promise<void> {
  if ((await currentParticipation(tx, code)) !== 'active') return;
  const coverage = await coverageInTx(tx, code, now);
  if (coverage.mayBeActive) return;
  const reason = overrideReason?.trim();
  if (!reason) throw apiError('roster.gaps_while_active', { periods: describePeriods(coverage.periods) });
  await upsertSettings(
    tx,
    code,
    { coverageOverrideReason: reason, coverageOverrideBy: actor.userId, coverageOverrideAt: now },
    now,
  );
  await appendAudit(tx, {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: code,
    action: 'roster.coverage_override_set',
    objectType: 'roster',
    objectId: code,
    details: { reason, withChange: true, uncoveredPeriods: coverage.periods.length },
  });
}
