import { and, eq, gt, gte, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import { staffRoles, staffSessions, staffUsers } from './accounts.tables.ts';
import { IDLE_TIMEOUT_MS } from './session-timeouts.ts';

/** A session row as found by its token hash (across tenants, through auth_find_session). */
export interface SessionRow {
  userId: string;
  municipalityCode: string | null;
  stage: 'password' | 'full';
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Finds a session by the hash of its cookie token. */
export async function findSession(db: Database, tokenHash: string): Promise<SessionRow | undefined> {
  const result = await db.execute<Record<string, unknown>>(sql`SELECT * FROM auth_find_session(${tokenHash})`);
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    userId: row.user_id as string,
    municipalityCode: (row.municipality_code as string | null) ?? null,
    stage: row.stage as 'password' | 'full',
    csrfToken: row.csrf_token as string,
    createdAt: new Date(row.created_at as string),
    lastSeenAt: new Date(row.last_seen_at as string),
    expiresAt: new Date(row.expires_at as string),
    revokedAt: row.revoked_at ? new Date(row.revoked_at as string) : null,
  };
}

/** Stores a new session. */
export async function insertSession(
  tx: Transaction,
  session: {
    tokenHash: string;
    userId: string;
    municipalityCode: string | null;
    stage: 'password' | 'full';
    csrfToken: string;
    userAgent: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await tx.insert(staffSessions).values({
    tokenHash: session.tokenHash,
    userId: session.userId,
    municipalityCode: session.municipalityCode,
    stage: session.stage,
    csrfToken: session.csrfToken,
    userAgent: session.userAgent,
    createdAt: session.now,
    lastSeenAt: session.now,
    expiresAt: session.expiresAt,
  });
}

/** Marks a session as seen now (keeps it from idling out). */
export async function touchSession(tx: Transaction, tokenHash: string, now: Date): Promise<void> {
  await tx.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.tokenHash, tokenHash));
}

/** Revokes one session. */
export async function revokeSession(tx: Transaction, tokenHash: string, now: Date): Promise<void> {
  await tx
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.revokedAt)));
}

/** Revokes every session of a user, except `keepTokenHash` when given. Returns how many. */
export async function revokeUserSessions(
  tx: Transaction,
  userId: string,
  now: Date,
  keepTokenHash?: string,
): Promise<number> {
  const conditions = [eq(staffSessions.userId, userId), isNull(staffSessions.revokedAt)];
  if (keepTokenHash) conditions.push(ne(staffSessions.tokenHash, keepTokenHash));
  const revoked = await tx
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(...conditions))
    .returning({ tokenHash: staffSessions.tokenHash });
  return revoked.length;
}

/** A user's sessions that are still valid: not revoked, not expired, not idle for too long. */
export async function listActiveSessions(tx: Transaction, userId: string, now: Date) {
  return tx
    .select({
      tokenHash: staffSessions.tokenHash,
      userAgent: staffSessions.userAgent,
      createdAt: staffSessions.createdAt,
      lastSeenAt: staffSessions.lastSeenAt,
    })
    .from(staffSessions)
    .where(
      and(
        eq(staffSessions.userId, userId),
        isNull(staffSessions.revokedAt),
        gt(staffSessions.expiresAt, now),
        gte(staffSessions.lastSeenAt, new Date(now.getTime() - IDLE_TIMEOUT_MS)),
      ),
    );
}

/** The user behind a session, with roles; undefined when deactivated or not visible in the scope. */
export async function findActiveUser(tx: Transaction, userId: string) {
  const [user] = await tx
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      displayName: staffUsers.displayName,
      municipalityCode: staffUsers.municipalityCode,
      locale: staffUsers.locale,
      active: staffUsers.active,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  if (!user || !user.active) return undefined;
  const roles = await tx.select({ role: staffRoles.role }).from(staffRoles).where(eq(staffRoles.userId, userId));
  return { ...user, roles: roles.map((row) => row.role) };
}
