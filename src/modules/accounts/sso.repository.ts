import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import { municipalitySso, ssoLoginStates, staffPasskeys, staffUsers } from './accounts.tables.ts';

/** A municipality's OpenID Connect client at its identity provider. */
export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  enabled: boolean;
  updatedAt: Date;
}

/** A sign-in in flight, as claimed back from its state. */
export interface ClaimedLoginState {
  municipalityCode: string;
  codeVerifier: string;
  nonce: string;
  expiresAt: Date;
}

/** The SSO settings of one municipality before anyone is signed in (auth_find_sso_config). */
export async function findSsoConfigForSignIn(db: Database, municipalityCode: string): Promise<SsoConfig | undefined> {
  const result = await db.execute<{
    issuer: string;
    client_id: string;
    client_secret: string;
    enabled: boolean;
    updated_at: string | Date;
  }>(sql`SELECT * FROM auth_find_sso_config(${municipalityCode})`);
  const row = result.rows[0];
  return row
    ? {
        issuer: row.issuer,
        clientId: row.client_id,
        clientSecret: row.client_secret,
        enabled: row.enabled,
        updatedAt: new Date(row.updated_at),
      }
    : undefined;
}

/**
 * The municipalities whose single sign-on is switched on, by name, before anyone is signed in
 * (auth_list_sso_municipalities): code and name only.
 */
export async function listSsoMunicipalities(db: Database): Promise<Array<{ code: string; name: string }>> {
  const result = await db.execute<{ code: string; name: string }>(sql`SELECT * FROM auth_list_sso_municipalities()`);
  return result.rows.map((row) => ({ code: row.code, name: row.name }));
}

/** The SSO settings of the municipality in the transaction's scope. */
export async function findSsoConfig(tx: Transaction, municipalityCode: string): Promise<SsoConfig | undefined> {
  const [row] = await tx
    .select({
      issuer: municipalitySso.issuer,
      clientId: municipalitySso.clientId,
      clientSecret: municipalitySso.clientSecret,
      enabled: municipalitySso.enabled,
      updatedAt: municipalitySso.updatedAt,
    })
    .from(municipalitySso)
    .where(eq(municipalitySso.municipalityCode, municipalityCode));
  return row;
}

/** Creates or replaces a municipality's SSO settings. */
export async function upsertSsoConfig(tx: Transaction, municipalityCode: string, config: SsoConfig): Promise<void> {
  await tx
    .insert(municipalitySso)
    .values({ municipalityCode, ...config })
    .onConflictDoUpdate({ target: municipalitySso.municipalityCode, set: { ...config } });
}

/** Removes a municipality's SSO settings and its sign-ins in flight. True when there were settings. */
export async function deleteSsoConfig(tx: Transaction, municipalityCode: string): Promise<boolean> {
  await tx.delete(ssoLoginStates).where(eq(ssoLoginStates.municipalityCode, municipalityCode));
  const deleted = await tx
    .delete(municipalitySso)
    .where(eq(municipalitySso.municipalityCode, municipalityCode))
    .returning({ code: municipalitySso.municipalityCode });
  return deleted.length > 0;
}

/** Stores a new sign-in in flight, and clears the municipality's expired ones. */
export async function insertLoginState(
  tx: Transaction,
  state: {
    stateHash: string;
    municipalityCode: string;
    codeVerifier: string;
    nonce: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<void> {
  await tx
    .delete(ssoLoginStates)
    .where(and(eq(ssoLoginStates.municipalityCode, state.municipalityCode), lt(ssoLoginStates.expiresAt, state.now)));
  await tx.insert(ssoLoginStates).values({
    stateHash: state.stateHash,
    municipalityCode: state.municipalityCode,
    codeVerifier: state.codeVerifier,
    nonce: state.nonce,
    createdAt: state.now,
    expiresAt: state.expiresAt,
  });
}

/** Takes a sign-in in flight by its state's hash: it is removed, so it works once. */
export async function claimLoginState(db: Database, stateHash: string): Promise<ClaimedLoginState | undefined> {
  const result = await db.execute<{
    municipality_code: string;
    code_verifier: string;
    nonce: string;
    expires_at: string | Date;
  }>(sql`SELECT * FROM auth_claim_sso_login_state(${stateHash})`);
  const row = result.rows[0];
  return row
    ? {
        municipalityCode: row.municipality_code,
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        expiresAt: new Date(row.expires_at),
      }
    : undefined;
}

/**
 * The active account with this e-mail address in the transaction's municipality, and whether it has
 * a second factor. Only that municipality: the same address elsewhere does not count.
 */
export async function findActiveUserByEmail(tx: Transaction, municipalityCode: string, email: string) {
  const [user] = await tx
    .select({
      id: staffUsers.id,
      municipalityCode: staffUsers.municipalityCode,
      hasSecondFactor: sql<boolean>`${staffUsers.totpConfirmedAt} IS NOT NULL OR EXISTS (SELECT 1 FROM ${staffPasskeys} p WHERE p.user_id = ${staffUsers.id})`,
    })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.municipalityCode, municipalityCode),
        eq(staffUsers.active, true),
        sql`lower(${staffUsers.email}) = lower(${email})`,
      ),
    );
  return user;
}
