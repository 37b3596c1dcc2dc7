import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import type { StaffRole } from './accounts.schema.ts';
import { staffPasskeys, staffRecoveryCodes, staffRoles, staffUsers } from './accounts.tables.ts';

/** The sign-in view of an account, found by e-mail across tenants (auth_find_user_by_email). */
export async function findUserForSignIn(db: Database | Transaction, email: string) {
  const result = await db.execute<{
    id: string;
    municipality_code: string | null;
    password_hash: string | null;
    active: boolean;
  }>(sql`SELECT * FROM auth_find_user_by_email(${email})`);
  const row = result.rows[0];
  return row
    ? { id: row.id, municipalityCode: row.municipality_code, passwordHash: row.password_hash, active: row.active }
    : undefined;
}

/** How many staff accounts exist at all (first run has none). */
export async function countUsers(db: Database | Transaction): Promise<number> {
  const result = await db.execute<{ count: string }>(sql`SELECT auth_count_users() AS count`);
  return Number(result.rows[0]?.count ?? 0);
}

/** Creates a staff account with its roles. */
export async function insertUser(
  tx: Transaction,
  user: {
    email: string;
    displayName: string;
    municipalityCode: string | null;
    passwordHash: string;
    roles: StaffRole[];
  },
): Promise<string> {
  const [created] = await tx
    .insert(staffUsers)
    .values({
      email: user.email,
      displayName: user.displayName,
      municipalityCode: user.municipalityCode,
      passwordHash: user.passwordHash,
    })
    .returning({ id: staffUsers.id });
  await replaceRoles(tx, created!.id, user.municipalityCode, user.roles);
  return created!.id;
}

/** Sets a user's roles to exactly `roles`. */
export async function replaceRoles(
  tx: Transaction,
  userId: string,
  municipalityCode: string | null,
  roles: StaffRole[],
) {
  await tx.delete(staffRoles).where(eq(staffRoles.userId, userId));
  // A role named twice is one role (the primary key would refuse the second row).
  await tx.insert(staffRoles).values(
    [...new Set(roles)].map((role) => ({
      userId,
      role,
      municipalityCode: role === 'national_coordinator' ? null : municipalityCode,
    })),
  );
}

/** The second-factor secrets and state of a user. */
export async function findSecondFactors(tx: Transaction, userId: string) {
  const [user] = await tx
    .select({
      email: staffUsers.email,
      passwordHash: staffUsers.passwordHash,
      totpSecret: staffUsers.totpSecret,
      totpPendingSecret: staffUsers.totpPendingSecret,
      totpConfirmedAt: staffUsers.totpConfirmedAt,
      totpLastStep: staffUsers.totpLastStep,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  const [passkeys] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(staffPasskeys)
    .where(eq(staffPasskeys.userId, userId));
  const [codes] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)));
  return user ? { ...user, passkeys: passkeys?.count ?? 0, recoveryCodesLeft: codes?.count ?? 0 } : undefined;
}

/** Updates fields of a user. */
export async function updateUser(tx: Transaction, userId: string, fields: Partial<typeof staffUsers.$inferInsert>) {
  await tx
    .update(staffUsers)
    .set({ ...fields, updatedAt: new Date() })
    .where(eq(staffUsers.id, userId));
}

/** Accepts a TOTP time step only if it is newer than the last one used (no replay). */
export async function claimTotpStep(tx: Transaction, userId: string, step: number): Promise<boolean> {
  const claimed = await tx
    .update(staffUsers)
    .set({ totpLastStep: step })
    .where(and(eq(staffUsers.id, userId), sql`coalesce(${staffUsers.totpLastStep}, -1) < ${step}`))
    .returning({ id: staffUsers.id });
  return claimed.length === 1;
}

/** Replaces a user's recovery codes with new hashes. */
export async function replaceRecoveryCodes(
  tx: Transaction,
  userId: string,
  municipalityCode: string | null,
  hashes: string[],
) {
  await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await tx.insert(staffRecoveryCodes).values(hashes.map((codeHash) => ({ userId, municipalityCode, codeHash })));
}

/** Uses a recovery code: true exactly once per code. */
export async function useRecoveryCode(tx: Transaction, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(staffRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(staffRecoveryCodes.userId, userId),
        eq(staffRecoveryCodes.codeHash, codeHash),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ userId: staffRecoveryCodes.userId });
  return used.length === 1;
}
