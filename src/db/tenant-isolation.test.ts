import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databaseTargets } from '../../test/helpers/databases.ts';
import { rejectsWithSqlState, SQLSTATE } from '../../test/helpers/postgres-errors.ts';
import { AMSTERDAM, createTenantDatabase, ROTTERDAM, type TenantDatabase } from '../../test/helpers/tenant-database.ts';
import { seedTenantRows, TENANT_TABLES, type TenantRows } from '../../test/helpers/tenant-rows.ts';
import * as schema from './schema.ts';
import { inTenant, type TenantScope } from './tenant.ts';

const amsterdam: TenantScope = { kind: 'municipality', code: AMSTERDAM };
const national: TenantScope = { kind: 'national' };
const none: TenantScope = { kind: 'none' };

/** Tables with a municipality_code that hold the public CBS registry: readable by all, written only by the owner. */
const REGISTRY_TABLES = ['municipality_aliases', 'municipality_boundaries', 'postcode_areas'];

/** `$1`-style SQL text and its values as a drizzle query, so it can run through inTenant's transaction. */
function withValues(text: string, values: unknown[]): SQL {
  const parts = text
    .split(/\$(\d+)/)
    .map((part, index) => (index % 2 ? sql`${values[Number(part) - 1]}` : sql.raw(part)));
  return sql.join(parts, sql.raw(''));
}

for (const target of databaseTargets()) {
  describe(`tenant isolation by row-level security (${target.name})`, () => {
    let database: TenantDatabase;
    let seeded: Record<'amsterdam' | 'rotterdam' | 'national', TenantRows>;
    /** As the app, in one transaction limited to `scope`. */
    const scoped = async (scope: TenantScope, text: string, values: unknown[] = []) =>
      inTenant(database.app.db, scope, (tx) => tx.execute(withValues(text, values)));
    /** As the app, outside any transaction and scope. */
    const unscoped = async (text: string, values: unknown[] = []) =>
      database.app.pool.query<Record<string, unknown>>(text, values);
    const countsByMunicipality = async (table: string) =>
      Object.fromEntries(
        (
          await database.asOwner<{ code: string | null; n: number }>(
            `SELECT municipality_code AS code, count(*)::int AS n FROM ${table} GROUP BY 1`,
          )
        ).map((row) => [row.code ?? 'national', row.n]),
      );

    before(async () => {
      database = await createTenantDatabase(target);
      seeded = await seedTenantRows(database);
      await database.asOwner(
        `INSERT INTO municipality_contact_routes (municipality_code, phone) VALUES ($1, '020 000 0000')`,
        [AMSTERDAM],
      );
    });
    after(async () => {
      await database?.drop();
    });

    it('connects the app as a role that owns nothing and cannot get round row-level security', async () => {
      const [role] = (
        await unscoped(`SELECT current_user AS name, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolreplication,
          (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) AS relations,
          (SELECT count(*)::int FROM pg_proc WHERE proowner = r.oid) AS functions,
          (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS schemas,
          (SELECT count(*)::int FROM pg_type WHERE typowner = r.oid) AS types,
          (SELECT count(*)::int FROM pg_auth_members WHERE member = r.oid) AS memberships,
          has_schema_privilege('public', 'CREATE') AS creates_in_public,
          has_database_privilege(current_database(), 'CREATE') AS creates_schemas
          FROM pg_roles r WHERE rolname = current_user`)
      ).rows;
      assert.deepEqual(role, {
        name: database.appRole,
        rolsuper: false,
        rolbypassrls: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolreplication: false,
        relations: 0,
        functions: 0,
        schemas: 0,
        types: 0,
        memberships: 0,
        creates_in_public: false,
        creates_schemas: false,
      });
      await rejectsWithSqlState(unscoped('CREATE TABLE planted (id int)'), SQLSTATE.insufficientPrivilege);
      // TRUNCATE ignores row-level security, so the app must not have it anywhere.
      const dangerous = await unscoped(`SELECT table_name, privilege_type FROM information_schema.table_privileges
        WHERE grantee = current_user AND privilege_type IN ('TRUNCATE', 'REFERENCES', 'TRIGGER')`);
      assert.deepEqual(dangerous.rows, []);
    });

    it('guards every table that has a municipality with row-level security, or keeps the app from writing it', async () => {
      const tables = await database.asOwner<{ name: string; rls: boolean; writable: boolean }>(
        `SELECT c.relname AS name, c.relrowsecurity AS rls,
           has_table_privilege($1, c.oid, 'INSERT, UPDATE, DELETE') AS writable
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'municipality_code' AND NOT a.attisdropped
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
        [database.appRole],
      );
      for (const table of tables) {
        if (REGISTRY_TABLES.includes(table.name)) assert.equal(table.writable, false, `${table.name} is registry data`);
        else assert.equal(table.rls, true, `${table.name} belongs to a municipality but has no row-level security`);
      }
      for (const table of TENANT_TABLES)
        assert.ok(
          tables.some((row) => row.name === table && row.rls),
          table,
        );
    });

    it('shows the app no row of any tenant table when no municipality is set, though rows exist', async () => {
      for (const table of TENANT_TABLES) {
        const counts = await countsByMunicipality(table);
        assert.ok(counts[AMSTERDAM]! > 0 && counts[ROTTERDAM]! > 0 && counts.national! > 0, `${table} has rows`);
        assert.equal((await unscoped(`SELECT * FROM ${table}`)).rowCount, 0, `${table} outside a transaction`);
        assert.equal((await scoped(none, `SELECT * FROM ${table}`)).rowCount, 0, `${table} with scope none`);
        if (table !== 'audit_log') {
          assert.equal(
            (await unscoped(`UPDATE ${table} SET municipality_code = municipality_code`)).rowCount,
            0,
            table,
          );
        }
      }
    });

    it("shows only GM0363's rows in GM0363's scope, and every row in the national scope", async () => {
      for (const table of TENANT_TABLES) {
        const counts = await countsByMunicipality(table);
        const mine = await scoped(amsterdam, `SELECT municipality_code FROM ${table}`);
        assert.equal(mine.rowCount, counts[AMSTERDAM], table);
        assert.ok(
          mine.rows.every((row) => row.municipality_code === AMSTERDAM),
          table,
        );
        const all = await scoped(national, `SELECT municipality_code FROM ${table}`);
        assert.equal(
          all.rowCount,
          Object.values(counts).reduce((sum, n) => sum + n, 0),
          table,
        );
      }
    });

    it("lets GM0363's scope change or remove nothing of another municipality's, nor write rows for it", async () => {
      const before = await Promise.all(TENANT_TABLES.map(countsByMunicipality));
      const rotterdam = seeded.rotterdam;
      const other = [ROTTERDAM];
      assert.equal(
        (await scoped(amsterdam, `UPDATE staff_users SET display_name = 'taken' WHERE municipality_code = $1`, other))
          .rowCount,
        0,
      );
      assert.equal(
        (await scoped(amsterdam, `UPDATE staff_users SET active = false WHERE id = $1`, [rotterdam.userId])).rowCount,
        0,
      );
      for (const table of TENANT_TABLES.filter((name) => name !== 'audit_log')) {
        assert.equal(
          (await scoped(amsterdam, `DELETE FROM ${table} WHERE municipality_code = $1`, other)).rowCount,
          0,
          table,
        );
      }
      // WITH CHECK: no new row, and no changed row, may land outside the scope.
      await rejectsWithSqlState(
        scoped(
          amsterdam,
          `INSERT INTO staff_users (municipality_code, email, display_name) VALUES ($1, 'x@example.org', 'X')`,
          other,
        ),
        SQLSTATE.insufficientPrivilege,
      );
      for (const code of [ROTTERDAM, null]) {
        await rejectsWithSqlState(
          scoped(amsterdam, `UPDATE staff_users SET municipality_code = $1 WHERE id = $2`, [
            code,
            seeded.amsterdam.userId,
          ]),
          SQLSTATE.insufficientPrivilege,
          `moving a user to ${code}`,
        );
      }
      // A row labelled GM0363 cannot hang from a GM0599 user (foreign-key checks bypass RLS).
      await rejectsWithSqlState(
        scoped(amsterdam, `INSERT INTO staff_roles (user_id, municipality_code, role) VALUES ($1, $2, 'responder')`, [
          rotterdam.userId,
          AMSTERDAM,
        ]),
        SQLSTATE.foreignKeyViolation,
      );
      await rejectsWithSqlState(
        scoped(
          amsterdam,
          `INSERT INTO staff_sessions (token_hash, user_id, municipality_code, stage, csrf_token, expires_at)
          VALUES (repeat('f', 64), $1, $2, 'full', repeat('c', 43), now() + interval '1 hour')`,
          [rotterdam.userId, AMSTERDAM],
        ),
        SQLSTATE.foreignKeyViolation,
      );
      assert.deepEqual(await Promise.all(TENANT_TABLES.map(countsByMunicipality)), before);
      const [user] = await database.asOwner('SELECT display_name, active FROM staff_users WHERE id = $1', [
        rotterdam.userId,
      ]);
      assert.deepEqual(user, { display_name: 'Coordinator rotterdam', active: true });
    });

    it("lets anyone read a municipality's contact routes, and only its own scope change them", async () => {
      assert.equal((await unscoped('SELECT * FROM municipality_contact_routes')).rowCount, 1);
      assert.equal((await unscoped(`UPDATE municipality_contact_routes SET phone = '0'`)).rowCount, 0);
      assert.equal(
        (await scoped({ kind: 'municipality', code: ROTTERDAM }, `DELETE FROM municipality_contact_routes`)).rowCount,
        0,
      );
      await rejectsWithSqlState(
        scoped(amsterdam, `INSERT INTO municipality_contact_routes (municipality_code, phone) VALUES ($1, '010')`, [
          ROTTERDAM,
        ]),
        SQLSTATE.insufficientPrivilege,
      );
      assert.equal(
        (await scoped(amsterdam, `UPDATE municipality_contact_routes SET phone = '020 111 1111'`)).rowCount,
        1,
      );
    });

    it('ends the scope with its transaction: the next one on the same connection sees nothing', async () => {
      const pool = new pg.Pool({ connectionString: database.appUrl, max: 1 });
      const db = drizzle(pool, { schema });
      const probe = sql`SELECT pg_backend_pid() AS pid, (SELECT count(*)::int FROM staff_users) AS users,
        coalesce(current_setting('opendeur.municipality', true), '') AS municipality,
        coalesce(current_setting('opendeur.national', true), '') AS national`;
      try {
        const inside = (await inTenant(db, amsterdam, (tx) => tx.execute(probe))).rows[0]!;
        assert.deepEqual([inside.users, inside.municipality], [1, AMSTERDAM]);
        const next = (await db.execute(probe)).rows[0]!;
        assert.equal(next.pid, inside.pid, 'the pool reused the connection');
        assert.deepEqual([next.users, next.municipality, next.national], [0, '', '']);

        await assert.rejects(
          inTenant(db, national, async (tx) => {
            assert.equal((await tx.execute(probe)).rows[0]!.users, 3);
            throw new Error('roll back');
          }),
        );
        assert.equal((await db.execute(probe)).rows[0]!.users, 0, 'after a rolled-back national transaction');
        assert.equal((await inTenant(db, none, (tx) => tx.execute(probe))).rows[0]!.users, 0);
        const rotterdam = await inTenant(db, { kind: 'municipality', code: ROTTERDAM }, (tx) =>
          tx.execute(sql`SELECT municipality_code FROM staff_users`),
        );
        assert.deepEqual(rotterdam.rows, [{ municipality_code: ROTTERDAM }]);
      } finally {
        await pool.end();
      }
    });
  });
}
