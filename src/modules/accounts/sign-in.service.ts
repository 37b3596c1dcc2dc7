import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { apiError, type ApiErrorId } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { staffRoles } from './accounts.tables.ts';
import { auditRoleOf, type Actor, ownAccountAuditEntry } from './actor.ts';
import { verifyPassword } from './password-policy.ts';
import { normaliseRecoveryCode } from './secrets.ts';
import { ownScope, startSession } from './sessions.service.ts';
import { revokeSession } from './sessions.repository.ts';
import { claimAttempt, minutesUntil, releaseAttempt, throttleKeys } from './throttle.ts';
import { matchTotp } from './totp.ts';
import { claimTotpStep, findSecondFactors, findUserForSignIn, useRecoveryCode } from './users.repository.ts';

/** Where a sign-in attempt comes from: the source address is only ever used as a keyed hash. */
export interface AttemptSource {
  address: string;
  userAgent: string | null;
}

/** A new session for the cookie. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Step one: e-mail and password. Throttled per account and per source; the answer never tells
 * whether the account exists. Success gives a session that still needs its second factor.
 */
export async function signInWithPassword(
  db: Database,
  credentials: { email: string; password: string },
  source: AttemptSource,
  now: Date,
): Promise<IssuedSession> {
  const keys = await throttleKeys(db, credentials.email, source.address);
  const refusedUntil = await claimAttempt(db, keys, now);
  const user = await findUserForSignIn(db, credentials.email);
  if (refusedUntil) {
    await auditAttempt(db, user, 'sign_in.throttled');
    throw apiError('sign_in.throttled', { minutes: minutesUntil(refusedUntil, now) });
  }
  const passwordOk = await verifyPassword(user?.passwordHash, credentials.password);
  if (!user || !passwordOk || !user.active) {
    await auditAttempt(db, user, 'sign_in.failed');
    throw apiError('sign_in.failed');
  }
  await releaseAttempt(db, keys, 'password');
  await auditAttempt(db, user, 'sign_in.password_accepted');
  return startSession(db, user, 'password', source.userAgent, now);
}

/** Step two with an authenticator code: the session is replaced by a full one (new id). */
export async function completeWithTotp(db: Database, actor: Actor, code: string, source: AttemptSource, now: Date) {
  return throttledSecondStep(db, actor, 'totp', 'second_factor.invalid_code', source, now, () =>
    inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
      const factors = await findSecondFactors(tx, actor.userId);
      if (!factors?.totpSecret || !factors.totpConfirmedAt) throw apiError('second_factor.not_enrolled');
      const step = matchTotp(factors.totpSecret, code, now.getTime());
      return step !== undefined && (await claimTotpStep(tx, actor.userId, step));
    }),
  );
}

/** Step two with a recovery code; each code works exactly once. */
export async function completeWithRecoveryCode(
  db: Database,
  actor: Actor,
  code: string,
  source: AttemptSource,
  now: Date,
) {
  return throttledSecondStep(db, actor, 'recovery_code', 'second_factor.invalid_recovery_code', source, now, () =>
    inTenant(db, ownScope(actor.municipalityCode), (tx) =>
      useRecoveryCode(tx, actor.userId, recoveryCodeHash(actor.userId, code), now),
    ),
  );
}

/** The stored form of a recovery code: bound to its user, without dashes or case. */
export function recoveryCodeHash(userId: string, code: string): string {
  return createHash('sha256')
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}

/**
 * Ends a second step whose proof the caller has already checked: on success the half session is
 * revoked and a full one issued (so the id changes again); on failure the attempt counts against
 * the account's throttle.
 */
export async function finishSecondFactor(
  db: Database,
  actor: Actor,
  accepted: boolean,
  method: string,
  failure: ApiErrorId,
  source: AttemptSource,
  now: Date,
): Promise<IssuedSession> {
  return throttledSecondStep(db, actor, method, failure, source, now, async () => accepted);
}

/**
 * A second step under the sign-in throttle: the attempt is counted before `verify` runs, so a
 * throttled account neither spends a recovery code nor has a code checked at all.
 */
async function throttledSecondStep(
  db: Database,
  actor: Actor,
  method: string,
  failure: ApiErrorId,
  source: AttemptSource,
  now: Date,
  verify: () => Promise<boolean>,
): Promise<IssuedSession> {
  const keys = await throttleKeys(db, actor.email, source.address);
  const refusedUntil = await claimAttempt(db, keys, now);
  if (refusedUntil) throw apiError('sign_in.throttled', { minutes: minutesUntil(refusedUntil, now) });
  if (!(await verify())) {
    await inTenant(db, ownScope(actor.municipalityCode), (tx) =>
      appendAudit(tx, ownAccountAuditEntry(actor, 'sign_in.second_factor_failed', { method })),
    );
    throw apiError(failure);
  }
  await releaseAttempt(db, keys, 'full');
  await inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
    await revokeSession(tx, actor.session.tokenHash, now);
    await appendAudit(tx, ownAccountAuditEntry(actor, 'sign_in.succeeded', { method }));
  });
  return startSession(
    db,
    { id: actor.userId, municipalityCode: actor.municipalityCode },
    'full',
    source.userAgent,
    now,
  );
}

/**
 * Records a password attempt. A known account's entry is written in its own municipality's scope
 * and names its role; an attempt on an unknown address is recorded without any identifier (the
 * address itself might be personal data).
 */
async function auditAttempt(
  db: Database,
  user: { id: string; municipalityCode: string | null } | undefined,
  action: string,
) {
  if (!user) {
    await appendAudit(db, {
      actorUserId: null,
      actorRole: null,
      municipalityCode: null,
      action,
      objectType: null,
      objectId: null,
    });
    return;
  }
  await inTenant(db, ownScope(user.municipalityCode), async (tx) => {
    const roles = await tx.select({ role: staffRoles.role }).from(staffRoles).where(eq(staffRoles.userId, user.id));
    await appendAudit(tx, {
      actorUserId: user.id,
      actorRole: auditRoleOf({ roles: roles.map((row) => row.role) }),
      municipalityCode: user.municipalityCode,
      action,
      objectType: 'staff_user',
      objectId: user.id,
    });
  });
}
