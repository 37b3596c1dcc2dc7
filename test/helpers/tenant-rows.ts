import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { AMSTERDAM, ROTTERDAM, type TenantDatabase } from './tenant-database.ts';

/** Every table whose rows belong to one municipality and that row-level security guards. */
export const TENANT_TABLES = [
  'staff_users',
  'staff_roles',
  'staff_recovery_codes',
  'staff_passkeys',
  'staff_sessions',
  'staff_invitations',
  'audit_log',
] as const;

/** The rows seeded for one municipality (or, with code null, for the national level). */
export interface TenantRows {
  code: string | null;
  userId: string;
  email: string;
  sessionHash: string;
  invitationHash: string;
  credentialId: string;
}

/** A 64-character hex digest, as the token columns store. */
export const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Inserts, as the owner, one row in every tenant table for Amsterdam, Rotterdam and the national
 * level: a user with a role, a recovery code, a passkey, a session, an invitation and an audit entry.
 */
export async function seedTenantRows(
  database: TenantDatabase,
): Promise<Record<'amsterdam' | 'rotterdam' | 'national', TenantRows>> {
  const seed = async (code: string | null, label: string): Promise<TenantRows> => {
    const email = `coordinator.${label}@example.org`;
    const [user] = await database.asOwner<{ id: string }>(
      `INSERT INTO staff_users (municipality_code, email, display_name, password_hash, totp_secret)
       VALUES ($1, $2, $3, 'argon2id-hash', 'totp-secret') RETURNING id`,
      [code, email, `Coordinator ${label}`],
    );
    assert.ok(user);
    const role = code ? 'municipal_coordinator' : 'national_coordinator';
    const rows: TenantRows = {
      code,
      userId: user.id,
      email,
      sessionHash: digest(`session ${label}`),
      invitationHash: digest(`invitation ${label}`),
      credentialId: `credential-${label}`,
    };
    const statements: Array<[string, unknown[]]> = [
      ['INSERT INTO staff_roles (user_id, municipality_code, role) VALUES ($1, $2, $3)', [rows.userId, code, role]],
      [
        'INSERT INTO staff_recovery_codes (user_id, municipality_code, code_hash) VALUES ($1, $2, $3)',
        [rows.userId, code, digest(`recovery ${label}`)],
      ],
      [
        `INSERT INTO staff_passkeys (credential_id, user_id, municipality_code, public_key, name)
         VALUES ($1, $2, $3, '\\x00', 'laptop')`,
        [rows.credentialId, rows.userId, code],
      ],
      [
        `INSERT INTO staff_sessions (token_hash, user_id, municipality_code, stage, csrf_token, expires_at)
         VALUES ($1, $2, $3, 'full', repeat('c', 43), now() + interval '1 hour')`,
        [rows.sessionHash, rows.userId, code],
      ],
      [
        `INSERT INTO staff_invitations (token_hash, email, display_name, municipality_code, roles, invited_by, expires_at)
         VALUES ($1, $2, 'Invitee', $3, ARRAY[$4]::staff_role[], $5, now() + interval '72 hours')`,
        [rows.invitationHash, `invitee.${label}@example.org`, code, role, rows.userId],
      ],
      [`SELECT audit_append($1, $2, $3, 'seed', 'staff_user', $4, '{}')`, [rows.userId, role, code, rows.userId]],
    ];
    for (const [text, values] of statements) await database.asOwner(text, values);
    return rows;
  };
  return {
    amsterdam: await seed(AMSTERDAM, 'amsterdam'),
    rotterdam: await seed(ROTTERDAM, 'rotterdam'),
    national: await seed(null, 'national'),
  };
}
