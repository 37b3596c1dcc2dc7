import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { setupTokens } from './accounts.tables.ts';
import { checkNewPasswordOrThrow } from './passwords.ts';
import { hashPassword } from './password-policy.ts';
import { randomToken, tokenHash } from './secrets.ts';
import { startSession } from './sessions.service.ts';
import type { IssuedSession } from './sign-in.service.ts';
import { countUsers, insertUser } from './users.repository.ts';

export const SETUP_TOKEN_TTL_MS = 60 * 60_000;

/**
 * On a first run (no staff accounts at all) makes a one-time setup token, valid one hour, for the
 * link the server prints. Earlier unused tokens stop working. Returns undefined when set up already.
 */
export async function issueSetupTokenIfFirstRun(db: Database, now: Date): Promise<string | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const token = randomToken();
  await db.transaction(async (tx) => {
    await tx.update(setupTokens).set({ usedAt: now }).where(isNull(setupTokens.usedAt));
    await tx
      .insert(setupTokens)
      .values({ tokenHash: tokenHash(token), createdAt: now, expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS) });
  });
  return token;
}

/** Creates the first national coordinator with the setup token; the token works once. */
export async function completeSetup(
  db: Database,
  request: { token: string; email: string; displayName: string; password: string },
  userAgent: string | null,
  now: Date,
): Promise<IssuedSession> {
  await checkNewPasswordOrThrow(request.password, request.email);
  const passwordHash = await hashPassword(request.password);
  const user = await inTenant(db, { kind: 'national' }, async (tx) => {
    // Once anyone has an account, setup is over whatever the token: say so rather than "invalid link".
    if ((await countUsers(tx)) > 0) throw apiError('setup.already_done');
    const claimed = await tx
      .update(setupTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(setupTokens.tokenHash, tokenHash(request.token)),
          isNull(setupTokens.usedAt),
          gt(setupTokens.expiresAt, now),
        ),
      )
      .returning({ tokenHash: setupTokens.tokenHash });
    if (claimed.length === 0) throw apiError('setup.invalid_token');
    const id = await insertUser(tx, {
      email: request.email,
      displayName: request.displayName,
      municipalityCode: null,
      passwordHash,
      roles: ['national_coordinator'],
    });
    await appendAudit(tx, {
      actorUserId: id,
      actorRole: 'national_coordinator',
      municipalityCode: null,
      action: 'setup.first_coordinator_created',
      objectType: 'staff_user',
      objectId: id,
    });
    return { id, municipalityCode: null };
  });
  return startSession(db, user, 'password', userAgent, now);
}
