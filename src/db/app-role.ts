import { createHmac } from 'node:crypto';
import pg from 'pg';

/** Serialises ensureAppRole between app instances starting together (CREATE ROLE and GRANT race). */
const APP_ROLE_LOCK = 0x6f70726c; // "oprl"

/**
 * The app works as a role that owns no table, so PostgreSQL's row-level security applies to every
 * query it makes, and the audit log is out of its reach except through audit_append. Migrations run
 * as the owner (DATABASE_URL); this creates or updates the app role and returns its URL.
 *
 * The role is named after the database (`<database>_app`: roles are cluster-wide) and its password is
 * derived from the owner's URL, so every instance given the same DATABASE_URL derives the same one.
 */
export async function ensureAppRole(ownerUrl: string): Promise<string> {
  const url = new URL(ownerUrl);
  const database = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  const role = `${database}_app`.slice(0, 63);
  const password = createHmac('sha256', ownerUrl).update(`opendeur app role ${role}`).digest('base64url');

  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const quotedRole = pg.escapeIdentifier(role);
    const quotedPassword = client.escapeLiteral(password);
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [APP_ROLE_LOCK]);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    await client.query(
      exists.rowCount === 0
        ? `CREATE ROLE ${quotedRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quotedPassword}`
        : `ALTER ROLE ${quotedRole} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD ${quotedPassword}`,
    );
    await client.query(`
      GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(database)} TO ${quotedRole};
      GRANT USAGE ON SCHEMA public TO ${quotedRole};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${quotedRole};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${quotedRole};
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM ${quotedRole};
      REVOKE ALL ON audit_head FROM ${quotedRole};
      REVOKE ALL ON SEQUENCE audit_log_id_seq FROM ${quotedRole};
      REVOKE UPDATE, DELETE, TRUNCATE ON municipality_data_keys FROM ${quotedRole};
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON municipalities, municipality_aliases, postcode_areas,
        municipality_boundaries, registry_imports FROM ${quotedRole};
      GRANT EXECUTE ON FUNCTION audit_append(uuid, text, varchar, text, text, text, jsonb), audit_verify(),
        auth_find_user_by_email(text), auth_find_session(char), auth_count_users(),
        auth_find_invitation(char), auth_find_passkey(text), auth_find_sso_config(varchar),
        auth_claim_sso_login_state(char), auth_list_sso_municipalities(),
        programme_set_participation(varchar, participation_state), enrolment_confirm_email(char, timestamptz),
        case_municipalities(), referral_link_scope(bytea, timestamptz) TO ${quotedRole};
    `);
    // SECURITY DEFINER functions search `public`; a role that may create objects there could plant
    // look-alike functions or operators in their way (PostgreSQL < 15 let everyone, and upgraded
    // clusters keep that grant).
    const creates = await client.query<{ creates: boolean }>(
      `SELECT has_schema_privilege($1, 'public', 'CREATE') AS creates`,
      [role],
    );
    if (creates.rows[0]?.creates) {
      throw new Error(
        `The app role ${role} may create objects in schema public, which would let it interfere with the ` +
          `SECURITY DEFINER functions. Run, as the schema's owner: REVOKE CREATE ON SCHEMA public FROM PUBLIC;`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  return url.toString();
}
