import { and, eq, or, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { staffPasskeys, staffSessions, staffUsers } from './accounts.tables.ts';

/** A stored passkey: what verification needs, and what the account page shows. */
export interface PasskeyRow {
  credentialId: string;
  publicKey: Buffer;
  counter: number;
  transports: string[];
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const passkeyColumns = {
  credentialId: staffPasskeys.credentialId,
  publicKey: staffPasskeys.publicKey,
  counter: staffPasskeys.counter,
  transports: staffPasskeys.transports,
  name: staffPasskeys.name,
  createdAt: staffPasskeys.createdAt,
  lastUsedAt: staffPasskeys.lastUsedAt,
};

/** A user's passkeys, oldest first. */
export async function listUserPasskeys(tx: Transaction, userId: string): Promise<PasskeyRow[]> {
  return tx
    .select(passkeyColumns)
    .from(staffPasskeys)
    .where(eq(staffPasskeys.userId, userId))
    .orderBy(staffPasskeys.createdAt);
}

/** One passkey of one user; undefined when the credential is unknown or someone else's. */
export async function findUserPasskey(
  tx: Transaction,
  userId: string,
  credentialId: string,
): Promise<PasskeyRow | undefined> {
  const [row] = await tx
    .select(passkeyColumns)
    .from(staffPasskeys)
    .where(and(eq(staffPasskeys.userId, userId), eq(staffPasskeys.credentialId, credentialId)));
  return row;
}

/** Stores a new passkey; false when the credential id is already registered (to anyone). */
export async function insertPasskey(
  tx: Transaction,
  passkey: {
    credentialId: string;
    userId: string;
    municipalityCode: string | null;
    publicKey: Buffer;
    counter: number;
    transports: string[];
    name: string;
    now: Date;
  },
): Promise<boolean> {
  const inserted = await tx
    .insert(staffPasskeys)
    .values({
      credentialId: passkey.credentialId,
      userId: passkey.userId,
      municipalityCode: passkey.municipalityCode,
      publicKey: passkey.publicKey,
      counter: passkey.counter,
      transports: passkey.transports,
      name: passkey.name,
      createdAt: passkey.now,
    })
    .onConflictDoNothing({ target: staffPasskeys.credentialId })
    .returning({ credentialId: staffPasskeys.credentialId });
  return inserted.length === 1;
}

/**
 * Records a use of a passkey with the authenticator's new signature counter. Only a counter that
 * moved forward is accepted (or 0 → 0, for authenticators that keep no counter), checked in the same
 * statement so that two concurrent uses of one assertion cannot both pass.
 */
export async function claimPasskeyCounter(
  tx: Transaction,
  userId: string,
  credentialId: string,
  newCounter: number,
  now: Date,
): Promise<boolean> {
  const claimed = await tx
    .update(staffPasskeys)
    .set({ counter: newCounter, lastUsedAt: now })
    .where(
      and(
        eq(staffPasskeys.userId, userId),
        eq(staffPasskeys.credentialId, credentialId),
        or(
          sql`${staffPasskeys.counter} < ${newCounter}`,
          sql`${staffPasskeys.counter} = 0 AND ${newCounter}::bigint = 0`,
        ),
      ),
    )
    .returning({ credentialId: staffPasskeys.credentialId });
  return claimed.length === 1;
}

/** Removes one passkey of a user; false when there was none. */
export async function deletePasskey(tx: Transaction, userId: string, credentialId: string): Promise<boolean> {
  const deleted = await tx
    .delete(staffPasskeys)
    .where(and(eq(staffPasskeys.userId, userId), eq(staffPasskeys.credentialId, credentialId)))
    .returning({ credentialId: staffPasskeys.credentialId });
  return deleted.length === 1;
}

/** Locks the user's row until the transaction ends, so that second-factor changes of one user run one at a time. */
export async function lockUser(tx: Transaction, userId: string): Promise<void> {
  await tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.id, userId)).for('update');
}

/** Puts the pending WebAuthn challenge on the session (replacing an earlier one). */
export async function storeSessionChallenge(
  tx: Transaction,
  sessionTokenHash: string,
  challenge: string,
): Promise<void> {
  await tx
    .update(staffSessions)
    .set({ webauthnChallenge: challenge })
    .where(eq(staffSessions.tokenHash, sessionTokenHash));
}

/** Takes the session's pending WebAuthn challenge and clears it, so that it can be used only once. */
export async function takeSessionChallenge(tx: Transaction, sessionTokenHash: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ challenge: staffSessions.webauthnChallenge })
    .from(staffSessions)
    .where(eq(staffSessions.tokenHash, sessionTokenHash))
    .for('update');
  if (!row?.challenge) return undefined;
  await tx.update(staffSessions).set({ webauthnChallenge: null }).where(eq(staffSessions.tokenHash, sessionTokenHash));
  return row.challenge;
}
