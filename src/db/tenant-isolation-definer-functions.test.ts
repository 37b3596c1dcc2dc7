import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { databaseTargets } from '../../test/helpers/databases.ts';
import { rejectsWithSqlState, SQLSTATE } from '../../test/helpers/postgres-errors.ts';
import { AMSTERDAM, createTenantDatabase, ROTTERDAM, type TenantDatabase } from '../../test/helpers/tenant-database.ts';
import { seedTenantRows, type TenantRows } from '../../test/helpers/tenant-rows.ts';
import { ensureAppRole } from './app-role.ts';

/** The SECURITY DEFINER functions the app may call, each with a harmless call. */
const DEFINER_CALLS: Record<string, string> = {
  'audit_append(uuid,text,character varying,text,text,text,jsonb)': `SELECT audit_append(NULL, NULL, NULL, 'probe', NULL, NULL, NULL)`,
  'audit_verify()': 'SELECT * FROM audit_verify()',
  'auth_claim_sso_login_state(character)': 'SELECT * FROM auth_claim_sso_login_state(NULL)',
  'auth_count_users()': 'SELECT auth_count_users()',
  'auth_find_invitation(character)': 'SELECT * FROM auth_find_invitation(NULL)',
  'auth_find_passkey(text)': 'SELECT * FROM auth_find_passkey(NULL)',
  'auth_find_session(character)': 'SELECT * FROM auth_find_session(NULL)',
  'auth_find_sso_config(character varying)': 'SELECT * FROM auth_find_sso_config(NULL)',
  'auth_find_user_by_email(text)': 'SELECT * FROM auth_find_user_by_email(NULL)',
  'auth_list_sso_municipalities()': 'SELECT * FROM auth_list_sso_municipalities()',
  'case_municipalities()': 'SELECT * FROM case_municipalities()',
  'referral_link_scope(bytea,timestamp with time zone)': 'SELECT * FROM referral_link_scope(NULL, NULL)',
  'enrolment_confirm_email(character,timestamp with time zone)': 'SELECT * FROM enrolment_confirm_email(NULL, NULL)',
  'programme_set_participation(character varying,participation_state)': `WITH scope AS (SELECT set_config('opendeur.national', 'on', true))
    SELECT programme_set_participation('GM9999', 'active') FROM scope`,
};

// Sign-in looks accounts up before it knows their municipality, through SECURITY DEFINER functions
// that run as the owner and so see past row-level security. They must stay narrow and closed.
for (const target of databaseTargets()) {
  describe(`SECURITY DEFINER functions beside row-level security (${target.name})`, () => {
    let database: TenantDatabase;
    let seeded: Record<'amsterdam' | 'rotterdam' | 'national', TenantRows>;
    /** As the app, outside any transaction and scope. */
    const unscoped = async (text: string, values: unknown[] = []) =>
      database.app.pool.query<Record<string, unknown>>(text, values);

    before(async () => {
      database = await createTenantDatabase(target);
      seeded = await seedTenantRows(database);
    });
    after(async () => {
      await database?.drop();
    });

    it('keeps SECURITY DEFINER functions on a fixed search_path, closed to PUBLIC, granted to the app as listed', async () => {
      const functions = await database.asOwner<{
        signature: string;
        config: string[];
        public_may: boolean;
        app_may: boolean;
        app_owns: boolean;
      }>(
        `SELECT p.oid::regprocedure::text AS signature, p.proconfig AS config,
           has_function_privilege('public', p.oid, 'EXECUTE') AS public_may,
           has_function_privilege($1, p.oid, 'EXECUTE') AS app_may,
           pg_get_userbyid(p.proowner) = $1 AS app_owns
         FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef ORDER BY 1`,
        [database.appRole],
      );
      assert.deepEqual(
        functions.map((row) => row.signature),
        Object.keys(DEFINER_CALLS).sort(),
      );
      for (const row of functions) {
        assert.deepEqual(row.config, ['search_path=public, pg_temp'], row.signature);
        assert.deepEqual([row.public_may, row.app_may, row.app_owns], [false, true, false], row.signature);
      }

      // Without the grant the app cannot call them; ensureAppRole grants them again.
      await database.asOwner(
        `REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM ${pg.escapeIdentifier(database.appRole)}`,
      );
      for (const [signature, call] of Object.entries(DEFINER_CALLS)) {
        await rejectsWithSqlState(unscoped(call), SQLSTATE.insufficientPrivilege, signature);
      }
      assert.equal(await ensureAppRole(database.url), database.appUrl);
      for (const call of Object.values(DEFINER_CALLS).filter((text) => !text.includes('audit_append')))
        await unscoped(call);
    });

    it('lets the sign-in lookups see across municipalities, but only the promised fields of one row', async () => {
      const { rotterdam, national: nationalRows } = seeded;
      const user = await unscoped('SELECT * FROM auth_find_user_by_email($1)', [rotterdam.email.toUpperCase()]);
      assert.deepEqual(user.rows, [
        { id: rotterdam.userId, municipality_code: ROTTERDAM, password_hash: 'argon2id-hash', active: true },
      ]);
      for (const email of ['nobody@example.org', '%', '', null]) {
        assert.equal((await unscoped('SELECT * FROM auth_find_user_by_email($1)', [email])).rowCount, 0, String(email));
      }
      const session = await unscoped('SELECT * FROM auth_find_session($1)', [rotterdam.sessionHash]);
      assert.deepEqual(Object.keys(session.rows[0] ?? {}), [
        'user_id',
        'municipality_code',
        'stage',
        'csrf_token',
        'created_at',
        'last_seen_at',
        'expires_at',
        'revoked_at',
      ]);
      assert.deepEqual([session.rowCount, session.rows[0]!.user_id], [1, rotterdam.userId]);
      assert.equal((await unscoped('SELECT * FROM auth_find_session($1)', ['0'.repeat(64)])).rowCount, 0);
      const invitation = await unscoped('SELECT * FROM auth_find_invitation($1)', [nationalRows.invitationHash]);
      assert.deepEqual(Object.keys(invitation.rows[0] ?? {}), [
        'id',
        'email',
        'display_name',
        'municipality_code',
        'roles',
        'expires_at',
        'accepted_at',
      ]);
      assert.equal(invitation.rowCount, 1);
      const passkey = await unscoped('SELECT * FROM auth_find_passkey($1)', [rotterdam.credentialId]);
      assert.deepEqual(passkey.rows, [{ user_id: rotterdam.userId, municipality_code: ROTTERDAM }]);
      assert.equal((await unscoped('SELECT auth_count_users() AS n')).rows[0]!.n, '3');
      // They opened no door: the tables themselves still show the app nothing.
      assert.equal((await unscoped('SELECT * FROM staff_users')).rowCount, 0);
    });

    it('lists the municipalities with single sign-on switched on: code and name, nothing of the settings', async () => {
      const list = () => unscoped('SELECT * FROM auth_list_sso_municipalities()');
      assert.deepEqual((await list()).rows, []);
      await database.asOwner(
        `INSERT INTO municipality_sso (municipality_code, issuer, client_id, client_secret, enabled, updated_at)
         VALUES ($1, 'https://idp.amsterdam.example', 'opendeur', 'geheim-a', true, now()),
                ($2, 'https://idp.rotterdam.example', 'opendeur', 'geheim-r', false, now())`,
        [AMSTERDAM, ROTTERDAM],
      );
      try {
        const shown = await list();
        assert.deepEqual(shown.rows, [{ code: AMSTERDAM, name: 'Amsterdam' }], 'switched off is not listed');
        assert.deepEqual(
          shown.fields.map((field) => field.name),
          ['code', 'name'],
        );
        assert.equal((await unscoped('SELECT * FROM municipality_sso')).rowCount, 0, 'the table stays closed');
      } finally {
        await database.asOwner('DELETE FROM municipality_sso');
      }
    });

    it('refuses to set up the app role where it could plant look-alike objects in schema public', async () => {
      await database.asOwner('GRANT CREATE ON SCHEMA public TO PUBLIC');
      try {
        await assert.rejects(ensureAppRole(database.url), /REVOKE CREATE ON SCHEMA public FROM PUBLIC/);
      } finally {
        await database.asOwner('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
      }
      assert.equal(await ensureAppRole(database.url), database.appUrl);
    });
  });
}
