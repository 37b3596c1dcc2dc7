import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { rejectsWithSqlState, sqlState, SQLSTATE } from '../../../test/helpers/postgres-errors.ts';
import {
  AMSTERDAM,
  createTenantDatabase,
  ROTTERDAM,
  type TenantDatabase,
} from '../../../test/helpers/tenant-database.ts';
import { inTenant, type TenantScope } from '../../db/tenant.ts';
import { appendAudit, listAudit, verifyAuditChain, type AuditEntry } from './audit.repository.ts';

const amsterdam: TenantScope = { kind: 'municipality', code: AMSTERDAM };
const rotterdam: TenantScope = { kind: 'municipality', code: ROTTERDAM };

const entry = (municipalityCode: string | null, action: string, details: AuditEntry['details'] = {}): AuditEntry => ({
  actorUserId: '00000000-0000-4000-8000-000000000001',
  actorRole: 'responder',
  municipalityCode,
  action,
  objectType: 'case',
  objectId: 'c-1',
  details,
});

for (const target of databaseTargets()) {
  describe(`the audit log's hash chain (${target.name})`, () => {
    let database: TenantDatabase;
    const append = (scope: TenantScope, audit: AuditEntry) =>
      inTenant(database.app.db, scope, (tx) => appendAudit(tx, audit));
    const asApp = (text: string, values: unknown[] = []) => database.app.pool.query(text, values);
    const verify = () => verifyAuditChain(database.app.db);
    const count = async () => (await database.asOwner<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;
    const ids = async () =>
      (await database.asOwner<{ id: string }>('SELECT id FROM audit_log ORDER BY id')).map((row) => Number(row.id));
    /**
     * Runs `statements` as the owner with the append-only triggers off, as an intruder with the owner's
     * rights could; what they remove or change is first copied to audit_backup / head_backup.
     */
    const tamper = async (statements: string) => {
      const client = await database.owner.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only; ALTER TABLE audit_head DISABLE TRIGGER USER',
        );
        await client.query(statements);
        await client.query(
          'ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only; ALTER TABLE audit_head ENABLE TRIGGER USER',
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    };
    /** Puts back what a tamper step copied away, and checks that the chain is intact again. */
    const restore = async () => {
      await tamper(`DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_backup);
        INSERT INTO audit_log SELECT * FROM audit_backup; DELETE FROM audit_backup;
        UPDATE audit_head SET last_id = b.last_id, last_hash = b.last_hash FROM head_backup b;
        INSERT INTO audit_head SELECT * FROM head_backup WHERE NOT EXISTS (SELECT FROM audit_head); DELETE FROM head_backup`);
      assert.equal(await verify(), undefined, 'intact once restored');
    };

    before(async () => {
      database = await createTenantDatabase(target);
      await database.asOwner('CREATE TABLE audit_backup (LIKE audit_log); CREATE TABLE head_backup (LIKE audit_head)');
    });
    after(async () => {
      await database?.drop();
    });

    it('keeps the app from writing the log, its head or its sequence other than through audit_append', async () => {
      await append(amsterdam, entry(AMSTERDAM, 'case.read'));
      for (const statement of [
        `INSERT INTO audit_log (occurred_at, action, details, previous_hash, hash) VALUES (now(), 'x', '{}', repeat('0', 64), repeat('0', 64))`,
        `UPDATE audit_log SET action = 'x'`,
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
        'SELECT * FROM audit_head',
        'UPDATE audit_head SET last_id = 0',
        `SELECT nextval('audit_log_id_seq')`,
      ]) {
        await rejectsWithSqlState(asApp(statement), SQLSTATE.insufficientPrivilege, statement);
      }
    });

    it('keeps even the owner from changing or removing entries while the triggers are on', async () => {
      for (const statement of [
        `UPDATE audit_log SET action = 'x'`,
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
        'DELETE FROM audit_head',
        `INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (true, 0, repeat('0', 64)) ON CONFLICT DO NOTHING`,
        `UPDATE audit_head SET last_id = 0, last_hash = repeat('0', 64)`,
      ]) {
        await rejectsWithSqlState(database.asOwner(statement), SQLSTATE.insufficientPrivilege, statement);
      }
      assert.equal(await verify(), undefined);
    });

    it('drops an entry with the transaction that rolls back, and keeps it when that commits', async () => {
      const before = await count();
      await assert.rejects(
        inTenant(database.app.db, amsterdam, async (tx) => {
          await appendAudit(tx, entry(AMSTERDAM, 'case.update'));
          throw new Error('the action failed');
        }),
        /the action failed/,
      );
      assert.equal(await count(), before);
      assert.equal(await verify(), undefined, 'the head rolled back with the entry');
      await append(amsterdam, entry(AMSTERDAM, 'case.update'));
      assert.equal(await count(), before + 1);
      const mine = await inTenant(database.app.db, amsterdam, (tx) => listAudit(tx, { action: 'case.update' }));
      assert.equal(mine.length, 1);
      assert.deepEqual(await inTenant(database.app.db, rotterdam, (tx) => listAudit(tx, {})), []);
    });

    it("refuses, in one municipality's scope, entries for another municipality", async () => {
      await rejectsWithSqlState(append(amsterdam, entry(ROTTERDAM, 'case.read')), SQLSTATE.insufficientPrivilege);
      await rejectsWithSqlState(append(amsterdam, entry(null, 'case.read')), SQLSTATE.insufficientPrivilege);
      await append({ kind: 'national' }, entry(ROTTERDAM, 'case.read'));
      await append({ kind: 'none' }, entry(ROTTERDAM, 'sign_in.failed'));
    });

    it('forms one intact chain from entries appended in turn and from many connections at once', async () => {
      const before = await count();
      for (let index = 0; index < 10; index += 1) await append(amsterdam, entry(AMSTERDAM, 'case.read', { index }));
      const workers = Array.from({ length: 8 }, (_, worker) => async () => {
        for (let index = 0; index < 10; index += 1) {
          const scope = worker % 2 ? rotterdam : amsterdam;
          await inTenant(database.app.db, scope, async (tx) => {
            await appendAudit(tx, entry(worker % 2 ? ROTTERDAM : AMSTERDAM, 'case.read', { worker, index }));
            await new Promise((resolve) => setTimeout(resolve, 1)); // hold the chain's lock a moment
          });
        }
      });
      await Promise.all(workers.map((work) => work()));
      assert.equal(await count(), before + 90);
      assert.equal(await verify(), undefined);
      // Checked here too, not only by audit_verify: each row names the previous row's hash, in id and time order.
      const rows = await database.asOwner<{ previous_hash: string; expected: string | null; in_order: boolean }>(
        `SELECT previous_hash, lag(hash) OVER (ORDER BY id) AS expected,
           occurred_at >= coalesce(lag(occurred_at) OVER (ORDER BY id), '-infinity') AS in_order
         FROM audit_log ORDER BY id`,
      );
      for (const row of rows) {
        assert.equal(row.previous_hash, row.expected ?? '0'.repeat(64));
        assert.ok(row.in_order);
      }
    });

    it('makes a concurrent append under REPEATABLE READ fail with a serialization error, never fork the chain', async () => {
      const first = await database.app.pool.connect();
      const second = await database.app.pool.connect();
      const call = `SELECT audit_append(NULL, NULL, NULL, 'sign_in.failed', NULL, NULL, '{}')`;
      try {
        for (const client of [first, second]) await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1');
        await first.query(call);
        const waiting = second.query(call).then(
          () => undefined,
          (error: unknown) => error,
        );
        await first.query('COMMIT');
        assert.equal(sqlState(await waiting), SQLSTATE.serializationFailure);
        await second.query('ROLLBACK');
      } finally {
        first.release();
        second.release();
      }
      assert.equal(await verify(), undefined);
    });

    it('hashes the same canonical text on every server, whatever the session TimeZone and DateStyle', async () => {
      const client = await database.owner.pool.connect();
      try {
        await client.query(`BEGIN; SET LOCAL TimeZone = 'Pacific/Chatham'; SET LOCAL DateStyle = 'SQL, DMY'`);
        const { rows } = await client.query<{ text: string; hash: string }>(
          `SELECT t AS text, encode(sha256(convert_to(t, 'UTF8')), 'hex') AS hash FROM audit_row_text(42,
             '2026-05-01 12:34:56.789012+02', '00000000-0000-4000-8000-00000000000a', 'responder', 'GM0363', 'case.read',
             NULL, '', '{"n": null, "b": 1.10, "a": "é\\"\\u0001"}', repeat('0', 64)) AS t`,
        );
        assert.deepEqual(rows, [
          {
            text:
              '[42, "2026-05-01T10:34:56.789012Z", "00000000-0000-4000-8000-00000000000a", "responder", "GM0363", ' +
              `"case.read", null, "", {"a": "é\\"\\u0001", "b": 1.10, "n": null}, "${'0'.repeat(64)}"]`,
            hash: 'ecd658df8a188fbe50647dbe76aec0e1147a276c2e18ee1ec4395e1d7eba71da',
          },
        ]);
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    });

    it('reports a changed row by its id, and the row after one changed and re-hashed', async () => {
      const [, , middle, next] = await ids();
      await tamper(`INSERT INTO audit_backup SELECT * FROM audit_log WHERE id = ${middle};
        UPDATE audit_log SET details = '{"tampered": true}' WHERE id = ${middle}`);
      assert.deepEqual(await verify(), {
        brokenId: middle,
        reason: 'content does not match its hash: the row was changed',
      });
      await tamper(`UPDATE audit_log SET hash = encode(sha256(convert_to(audit_row_text(id, occurred_at, actor_user_id,
        actor_role, municipality_code, action, object_type, object_id, details, previous_hash), 'UTF8')), 'hex')
        WHERE id = ${middle}`);
      assert.deepEqual(await verify(), {
        brokenId: next,
        reason: 'previous hash does not match: a row before it was removed or changed',
      });
      await restore();
    });

    it('reports a removed row by the id of the row after it', async () => {
      const [, , middle, next] = await ids();
      await tamper(
        `INSERT INTO audit_backup SELECT * FROM audit_log WHERE id = ${middle}; DELETE FROM audit_log WHERE id = ${middle}`,
      );
      assert.deepEqual(await verify(), {
        brokenId: next,
        reason: 'previous hash does not match: a row before it was removed or changed',
      });
      await restore();
    });

    it('reports removed newest rows by the head, and a removed head', async () => {
      const newest = (await ids()).slice(-2);
      await tamper(`INSERT INTO audit_backup SELECT * FROM audit_log WHERE id >= ${newest[0]};
        DELETE FROM audit_log WHERE id >= ${newest[0]}`);
      assert.deepEqual(await verify(), { brokenId: newest[1], reason: 'the newest entries were removed' });
      await restore();
      await tamper('INSERT INTO head_backup SELECT * FROM audit_head; DELETE FROM audit_head');
      assert.deepEqual(await verify(), { brokenId: newest[1], reason: 'the chain head is missing' });
      await rejectsWithSqlState(append(amsterdam, entry(AMSTERDAM, 'case.read')), SQLSTATE.dataCorrupted);
      await restore();
    });

    it("reports a row added behind audit_append's back, even with a well-formed hash", async () => {
      const newest = (await ids()).at(-1)!;
      await tamper(`INSERT INTO audit_log (id, occurred_at, action, details, previous_hash, hash)
        SELECT ${newest + 100}, now(), 'forged', '{}', hash, encode(sha256(convert_to(audit_row_text(${newest + 100}, now(), NULL,
          NULL, NULL, 'forged', NULL, NULL, '{}', hash), 'UTF8')), 'hex') FROM audit_log WHERE id = ${newest}`);
      assert.deepEqual(await verify(), {
        brokenId: newest + 100,
        reason: 'entries were added after the head, not through audit_append',
      });
      await tamper(`DELETE FROM audit_log WHERE id = ${newest + 100}`);
      assert.equal(await verify(), undefined);
    });
  });
}
