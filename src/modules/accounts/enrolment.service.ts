import QRCode from 'qrcode';
import type { Database } from '../../db/pool.ts';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { ownAccountAuditEntry, type Actor } from './actor.ts';
import { newRecoveryCodes } from './secrets.ts';
import { ownScope } from './sessions.service.ts';
import { recoveryCodeHash } from './sign-in.service.ts';
import { matchTotp, newTotpSecret, totpUri } from './totp.ts';
import { findSecondFactors, replaceRecoveryCodes, updateUser } from './users.repository.ts';

/**
 * Starts TOTP enrolment: a new secret and its QR code. It waits beside the current authenticator
 * (which keeps working) until confirmed with a code: replacing it at once would leave an account
 * whose owner abandons the set-up without a second factor, open to anyone with the password.
 */
export async function startTotpEnrolment(db: Database, actor: Actor) {
  const secret = newTotpSecret();
  await inTenant(db, ownScope(actor.municipalityCode), (tx) =>
    updateUser(tx, actor.userId, { totpPendingSecret: secret }),
  );
  const uri = totpUri(secret, actor.email);
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/**
 * Confirms the new authenticator with a first code; it then replaces the old one. Returns new
 * recovery codes when the user has none left (shown once, stored as hashes only).
 */
export async function confirmTotpEnrolment(db: Database, actor: Actor, code: string, now: Date): Promise<string[]> {
  return inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
    const factors = await findSecondFactors(tx, actor.userId);
    if (!factors?.totpPendingSecret) throw apiError('second_factor.not_enrolled');
    const step = matchTotp(factors.totpPendingSecret, code, now.getTime());
    if (step === undefined) throw apiError('second_factor.invalid_code', {}, 'code');
    // The confirming code's step counts as used, so the same code cannot also sign in.
    await updateUser(tx, actor.userId, {
      totpSecret: factors.totpPendingSecret,
      totpPendingSecret: null,
      totpConfirmedAt: now,
      totpLastStep: Math.max(step, factors.totpLastStep ?? -1),
    });
    await appendAudit(tx, ownAccountAuditEntry(actor, 'second_factor.totp_enrolled'));
    return factors.recoveryCodesLeft > 0 ? [] : issueRecoveryCodes(tx, actor);
  });
}

/** Replaces the user's recovery codes with ten new ones. */
export async function regenerateRecoveryCodes(db: Database, actor: Actor): Promise<string[]> {
  return inTenant(db, ownScope(actor.municipalityCode), (tx) => issueRecoveryCodes(tx, actor));
}

/** Ten new recovery codes in the caller's transaction, replacing the old ones; shown once, stored as hashes. */
export async function issueRecoveryCodes(tx: Transaction, actor: Actor): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(
    tx,
    actor.userId,
    actor.municipalityCode,
    codes.map((code) => recoveryCodeHash(actor.userId, code)),
  );
  await appendAudit(tx, ownAccountAuditEntry(actor, 'second_factor.recovery_codes_issued'));
  return codes;
}

/**
 * Second-factor enrolment may happen before the second step only for an account that has no
 * second factor yet: otherwise a stolen password would be enough to add one.
 */
export async function assertMayEnrol(db: Database, actor: Actor): Promise<void> {
  if (actor.session.stage === 'full') return;
  const summary = await secondFactorSummary(db, actor);
  if (summary.totp || summary.passkeys > 0) throw apiError('auth.second_factor_required');
}

/** Whether the user has any second factor at all (a session may only become full when they do). */
export async function secondFactorSummary(db: Database, actor: Actor) {
  const factors = await inTenant(db, ownScope(actor.municipalityCode), (tx) => findSecondFactors(tx, actor.userId));
  return {
    totp: Boolean(factors?.totpConfirmedAt),
    passkeys: factors?.passkeys ?? 0,
    recoveryCodesLeft: factors?.recoveryCodesLeft ?? 0,
  };
}
