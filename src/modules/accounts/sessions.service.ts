import type { Database } from '../../db/pool.ts';
import { inTenant, type TenantScope } from '../../db/tenant.ts';
import type { Actor } from './actor.ts';
import { randomToken, tokenHash } from './secrets.ts';
import {
  findActiveUser,
  findSession,
  insertSession,
  revokeSession,
  touchSession,
  type SessionRow,
} from './sessions.repository.ts';

import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SECOND_FACTOR_TIMEOUT_MS } from './session-timeouts.ts';

export { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, SECOND_FACTOR_TIMEOUT_MS };
/** last_seen_at is written at most once a minute per session, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The current time; tests pass their own. */
export type Clock = () => Date;

/** The scope a user's own rows live in: their municipality, or national for national coordinators. */
export function ownScope(municipalityCode: string | null): TenantScope {
  return municipalityCode ? { kind: 'municipality', code: municipalityCode } : { kind: 'national' };
}

/**
 * Starts a session for `user` with a fresh random token (so the session id always changes at
 * sign-in). Returns the token for the cookie; only its hash is stored.
 */
export async function startSession(
  db: Database,
  user: { id: string; municipalityCode: string | null },
  stage: 'password' | 'full',
  userAgent: string | null,
  now: Date,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + (stage === 'full' ? ABSOLUTE_TIMEOUT_MS : SECOND_FACTOR_TIMEOUT_MS));
  await inTenant(db, ownScope(user.municipalityCode), (tx) =>
    insertSession(tx, {
      tokenHash: tokenHash(token),
      userId: user.id,
      municipalityCode: user.municipalityCode,
      stage,
      csrfToken,
      userAgent: userAgent ? userAgent.slice(0, 200) : null,
      now,
      expiresAt,
    }),
  );
  return { token, csrfToken, expiresAt };
}

/** Why a session cookie did not give an actor. */
export type SessionProblem = 'missing' | 'expired' | 'revoked';

/** Resolves a session cookie to the acting user, enforcing the idle and absolute timeouts. */
export async function resolveSession(
  db: Database,
  token: string | undefined,
  now: Date,
): Promise<{ actor: Actor } | { problem: SessionProblem }> {
  if (!token || token.length > 100) return { problem: 'missing' };
  const hash = tokenHash(token);
  const session = await findSession(db, hash);
  if (!session) return { problem: 'missing' };
  if (session.revokedAt) return { problem: 'revoked' };
  if (isExpired(session, now)) {
    await inTenant(db, ownScope(session.municipalityCode), (tx) => revokeSession(tx, hash, now));
    return { problem: 'expired' };
  }
  const user = await inTenant(db, ownScope(session.municipalityCode), async (tx) => {
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) await touchSession(tx, hash, now);
    return findActiveUser(tx, session.userId);
  });
  if (!user) return { problem: 'revoked' };
  return {
    actor: {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      municipalityCode: user.municipalityCode,
      roles: user.roles,
      locale: user.locale === 'en' ? 'en' : 'nl',
      session: { tokenHash: hash, stage: session.stage, csrfToken: session.csrfToken, expiresAt: session.expiresAt },
    },
  };
}

function isExpired(session: SessionRow, now: Date): boolean {
  return now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() > IDLE_TIMEOUT_MS;
}
