import { inTenant } from '../../db/tenant.ts';
import { auditRoleOf, type Actor } from '../accounts/actor.ts';
import type { StaffRole } from '../accounts/accounts.schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { assignOnAlertAcknowledged } from '../cases/case-create.service.ts';
import { acknowledgeAlert, findDeliveryByToken } from './alerts.repository.ts';
import { ackTokenHash, type AlertDeps } from './alerts.service.ts';

/** How somebody picked an alert up, as the audit log says it. */
type Via = 'email_link' | 'sms_link' | 'back_office';

function acknowledgedEntry(
  actor: { userId: string | null; role: string | null },
  alert: { id: string; municipalityCode: string; step: number },
  via: Via,
) {
  return {
    actorUserId: actor.userId,
    actorRole: actor.role,
    municipalityCode: alert.municipalityCode,
    action: 'alert.acknowledged',
    objectType: 'alert',
    objectId: alert.id,
    details: { via, step: alert.step },
  };
}

/**
 * Acknowledges with the token from an e-mail or SMS; answers the outcome. The acknowledgement is
 * audited in its transaction, with the person the link was sent to as the actor. For a front-desk
 * contact, that person also becomes an assignee of the contact's case (when a responder or
 * coordinator there), in the same transaction.
 */
export async function acknowledgeByToken(
  deps: Pick<AlertDeps, 'db' | 'keyring'>,
  token: string,
  now: Date,
): Promise<'acknowledged' | 'already' | 'unknown'> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return 'unknown';
  // Tokens are unique and unguessable; finding one needs the national scope (the link names no municipality).
  const found = await inTenant(deps.db, { kind: 'national' }, (tx) => findDeliveryByToken(tx, ackTokenHash(token)));
  if (!found) return 'unknown';
  if (found.acknowledgedAt) return 'already';
  // Acknowledged in the municipality's scope, where the front-desk contact's case is visible.
  return inTenant(deps.db, { kind: 'municipality', code: found.municipalityCode }, async (tx) => {
    const alert = await acknowledgeAlert(tx, found.alertId, found.userId, now);
    if (!alert) return 'already';
    const role = auditRoleOf({ roles: found.roles as StaffRole[] });
    const via = found.channel === 'sms' ? 'sms_link' : 'email_link';
    await appendAudit(tx, acknowledgedEntry({ userId: found.userId, role }, { id: found.alertId, ...alert }, via));
    await assignOnAlertAcknowledged(deps.keyring, tx, {
      alertId: found.alertId,
      userId: found.userId,
      municipalityCode: found.municipalityCode,
      now,
    });
    return 'acknowledged';
  });
}

/**
 * Acknowledges from the back office, for a staff member of the alert's municipality; audited in
 * the same transaction. False: not found there, or picked up already.
 */
export async function acknowledgeById(
  deps: Pick<AlertDeps, 'db' | 'keyring'>,
  actor: Actor,
  municipalityCode: string,
  alertId: string,
  now: Date,
): Promise<boolean> {
  return inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const alert = await acknowledgeAlert(tx, alertId, actor.userId, now);
    if (!alert) return false;
    const entry = acknowledgedEntry(
      { userId: actor.userId, role: auditRoleOf(actor) },
      { id: alertId, ...alert },
      'back_office',
    );
    await appendAudit(tx, entry);
    await assignOnAlertAcknowledged(deps.keyring, tx, { alertId, userId: actor.userId, municipalityCode, now });
    return true;
  });
}
