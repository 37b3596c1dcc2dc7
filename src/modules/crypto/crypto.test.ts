import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { rejectsWithSqlState, SQLSTATE } from '../../../test/helpers/postgres-errors.ts';
import {
  AMSTERDAM,
  createTenantDatabase,
  ROTTERDAM,
  type TenantDatabase,
} from '../../../test/helpers/tenant-database.ts';
import { inTenant, type TenantScope, type Transaction } from '../../db/tenant.ts';
import { DecryptionError } from './aead.ts';
import { decryptField, encryptField, type FieldContext } from './fields.ts';
import { Keyring } from './keyring.ts';
import { MasterKeyError } from './master-key.ts';
import { rotateMasterKey } from './rotation.ts';

const amsterdam: TenantScope = { kind: 'municipality', code: AMSTERDAM };
const rotterdam: TenantScope = { kind: 'municipality', code: ROTTERDAM };
const national: TenantScope = { kind: 'national' };
const message = (recordId: string): FieldContext => ({
  municipalityCode: AMSTERDAM,
  table: 'messages',
  recordId,
  column: 'body',
});

for (const target of databaseTargets()) {
  describe(`encryption at rest (${target.name})`, () => {
    let database: TenantDatabase;
    let directory: string;
    let keyFile: string;
    let keyring: Keyring;
    const asApp = <T>(scope: TenantScope, work: (tx: Transaction) => Promise<T>) =>
      inTenant(database.app.db, scope, work);
    const encrypt = (context: FieldContext, plaintext: string, scope: TenantScope = amsterdam) =>
      asApp(scope, (tx) => encryptField(keyring, tx, context, plaintext));
    const decrypt = (context: FieldContext, ciphertext: Buffer, scope: TenantScope = amsterdam, ring = keyring) =>
      asApp(scope, (tx) => decryptField(ring, tx, context, ciphertext));

    before(async () => {
      database = await createTenantDatabase(target);
      directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-crypto-'));
      keyFile = path.join(directory, 'keys', 'master.key');
    });
    after(async () => {
      await database?.drop();
      if (directory) await rm(directory, { recursive: true, force: true });
    });

    it('creates the master key file with mode 0600 on first run, and reads the same keys afterwards', async () => {
      keyring = await Keyring.open(keyFile, database.owner.db);
      assert.equal((await stat(keyFile)).mode & 0o777, 0o600);
      const content = JSON.parse(await readFile(keyFile, 'utf8')) as { current: number; keys: Record<string, string> };
      assert.equal(content.current, 1);
      assert.equal(Buffer.from(content.keys['1']!, 'base64').length, 32);
      const before = await readFile(keyFile);
      await Keyring.open(keyFile, database.owner.db);
      assert.deepEqual(await readFile(keyFile), before, 'an existing key file is left alone');
    });

    it('round-trips a value, and makes a new ciphertext (fresh nonce) each time', async () => {
      const first = await encrypt(message('m1'), 'Ik durf het niet thuis te zeggen');
      const second = await encrypt(message('m1'), 'Ik durf het niet thuis te zeggen');
      assert.equal(first[0], 0x01, 'format version byte');
      assert.notDeepEqual(first, second);
      assert.equal(await decrypt(message('m1'), first), 'Ik durf het niet thuis te zeggen');
      assert.equal(await decrypt(message('m1'), second), 'Ik durf het niet thuis te zeggen');
      assert.equal(await decrypt(message('e'), await encrypt(message('e'), '')), '');
      const emoji = 'héllo 👋 مرحبا';
      assert.equal(await decrypt(message('u'), await encrypt(message('u'), emoji)), emoji);
    });

    it('refuses a ciphertext moved to another record, column, table or municipality', async () => {
      const ciphertext = await encrypt(message('m2'), 'geheim');
      await encrypt({ ...message('r1'), municipalityCode: ROTTERDAM }, 'rotterdam', rotterdam);
      const elsewhere: Array<[FieldContext, TenantScope]> = [
        [message('m3'), amsterdam],
        [{ ...message('m2'), column: 'subject' }, amsterdam],
        [{ ...message('m2'), table: 'notes' }, amsterdam],
        [{ ...message('m2'), municipalityCode: ROTTERDAM }, rotterdam],
        [{ ...message('m2'), municipalityCode: ROTTERDAM }, national],
      ];
      for (const [context, scope] of elsewhere)
        await assert.rejects(decrypt(context, ciphertext, scope), DecryptionError, JSON.stringify(context));
      // Row-level security hides Amsterdam's data key from a Rotterdam transaction.
      await assert.rejects(decrypt(message('m2'), ciphertext, rotterdam), DecryptionError);
    });

    it('never reuses a data key made in a transaction that rolled back, even after using it twice in it', async () => {
      const fresh = await Keyring.open(keyFile, database.owner.db);
      const context = { ...message('rolled-back'), municipalityCode: ROTTERDAM };
      await assert.rejects(
        asApp(rotterdam, async (tx) => {
          await encryptField(fresh, tx, context, 'first field');
          await encryptField(fresh, tx, context, 'second field');
          throw new Error('roll back');
        }),
        /roll back/,
      );
      // The next transaction makes and stores the municipality's real key; what it encrypts decrypts
      // in a third transaction, which only works if the rolled-back key was not remembered.
      const stored = await asApp(rotterdam, (tx) => encryptField(fresh, tx, context, 'kept'));
      assert.equal(await decrypt(context, stored, rotterdam, fresh), 'kept');
      const again = await asApp(rotterdam, (tx) => encryptField(fresh, tx, context, 'later'));
      assert.equal(await decrypt(context, again, rotterdam, await Keyring.open(keyFile, database.owner.db)), 'later');
    });

    it('refuses a tampered ciphertext, whichever byte changed', async () => {
      const ciphertext = await encrypt(message('m4'), 'niet aankomen');
      for (let index = 0; index < ciphertext.length; index++) {
        const tampered = Buffer.from(ciphertext);
        tampered[index] = tampered[index]! ^ 0x01;
        await assert.rejects(decrypt(message('m4'), tampered), DecryptionError, `byte ${index}`);
      }
      await assert.rejects(decrypt(message('m4'), ciphertext.subarray(0, ciphertext.length - 1)), DecryptionError);
      await assert.rejects(decrypt(message('m4'), ciphertext.subarray(0, 3)), DecryptionError);
    });

    it('lets the app add data keys but never change or remove one', async () => {
      await rejectsWithSqlState(
        database.app.pool.query(`UPDATE municipality_data_keys SET master_key_version = 9`),
        SQLSTATE.insufficientPrivilege,
      );
      await rejectsWithSqlState(
        database.app.pool.query(`DELETE FROM municipality_data_keys`),
        SQLSTATE.insufficientPrivilege,
      );
    });

    it('stores no plaintext: a raw read of every table as the owner finds neither the value nor the master key', async () => {
      await database.asOwner(`CREATE TABLE crypto_probe (id text PRIMARY KEY, body bytea NOT NULL)`);
      await database.asOwner(`GRANT SELECT, INSERT ON crypto_probe TO ${database.appRole}`);
      const secret = 'mijn stiefvader slaat mij';
      await asApp(amsterdam, async (tx) => {
        const body = await encryptField(keyring, tx, { ...message('p1'), table: 'crypto_probe' }, secret);
        await tx.execute(sql`INSERT INTO crypto_probe (id, body) VALUES ('p1', ${body})`);
      });
      const masterKeys = Object.values(
        (JSON.parse(await readFile(keyFile, 'utf8')) as { keys: Record<string, string> }).keys,
      ).map((encoded) => Buffer.from(encoded, 'base64'));
      const tables = await database.asOwner<{ name: string }>(
        `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`,
      );
      let bytesSeen = 0;
      for (const { name } of tables) {
        const rows = await database.asOwner<{ raw: string }>(`SELECT t::text AS raw FROM ${name} t`);
        for (const row of rows) {
          // bytea renders as \x<hex> in a row's text form: decode every hex run and search those bytes too.
          const decoded = [...row.raw.matchAll(/\\\\x([0-9a-f]+)/g)].map((match) => Buffer.from(match[1]!, 'hex'));
          const haystack = Buffer.concat([Buffer.from(row.raw, 'utf8'), ...decoded]);
          if (name === 'crypto_probe') assert.equal(decoded.length, 1, 'the bytea is decoded and searched');
          bytesSeen += haystack.length;
          assert.equal(haystack.includes(Buffer.from(secret, 'utf8')), false, `plaintext in ${name}`);
          assert.equal(haystack.includes(Buffer.from('stiefvader', 'utf8')), false, `a word of it in ${name}`);
          for (const key of masterKeys) assert.equal(haystack.includes(key), false, `master key in ${name}`);
        }
      }
      const [probe] = await database.asOwner<{ body: Buffer }>(`SELECT body FROM crypto_probe`);
      assert.ok(probe && probe.body.length > 0 && bytesSeen > probe.body.length);
      assert.equal(
        await decrypt({ ...message('p1'), table: 'crypto_probe' }, probe.body),
        secret,
        'the stored value does decrypt',
      );
    });

    it('rotates the master key: re-wraps every data key, and old ciphertexts still decrypt', async () => {
      const ciphertext = await encrypt(message('m5'), 'van voor de rotatie');
      const rotterdamCiphertext = await encrypt(
        { ...message('r2'), municipalityCode: ROTTERDAM },
        'ook Rotterdam',
        rotterdam,
      );
      const before = await database.asOwner<{ code: string; wrapped: Buffer; master: number }>(
        `SELECT municipality_code AS code, wrapped_key AS wrapped, master_key_version AS master FROM municipality_data_keys ORDER BY 1`,
      );
      assert.deepEqual(
        before.map((row) => [row.code, row.master]),
        [
          [AMSTERDAM, 1],
          [ROTTERDAM, 1],
        ],
      );

      const result = await rotateMasterKey(keyFile, database.owner.db);
      assert.deepEqual(result, { masterKeyVersion: 2, rewrapped: 2 });
      assert.equal((await stat(keyFile)).mode & 0o777, 0o600);
      const content = JSON.parse(await readFile(keyFile, 'utf8')) as { current: number; keys: Record<string, string> };
      assert.equal(content.current, 2);
      assert.deepEqual(Object.keys(content.keys).sort(), ['1', '2'], 'the old version stays in the file');

      const after = await database.asOwner<{ code: string; wrapped: Buffer; master: number }>(
        `SELECT municipality_code AS code, wrapped_key AS wrapped, master_key_version AS master FROM municipality_data_keys ORDER BY 1`,
      );
      assert.deepEqual(
        after.map((row) => row.master),
        [2, 2],
      );
      for (const [index, row] of after.entries()) assert.notDeepEqual(row.wrapped, before[index]!.wrapped);

      // A process started after the rotation, and one that ran through it (it re-reads the file).
      const restarted = await Keyring.open(keyFile, database.owner.db);
      assert.equal(restarted.currentMasterVersion, 2);
      assert.equal(await decrypt(message('m5'), ciphertext, amsterdam, restarted), 'van voor de rotatie');
      const running = await Keyring.open(keyFile, database.owner.db);
      assert.equal(
        await decrypt({ ...message('r2'), municipalityCode: ROTTERDAM }, rotterdamCiphertext, rotterdam, running),
        'ook Rotterdam',
      );
      assert.equal(await decrypt(message('m1'), await encrypt(message('m1'), 'na'), amsterdam, restarted), 'na');
    });

    it('re-reads the key file when a running process meets a master key version it does not know', async () => {
      const ciphertext = await encrypt(message('m6'), 'tijdens het draaien');
      const running = await Keyring.open(keyFile, database.owner.db);
      await rotateMasterKey(keyFile, database.owner.db);
      assert.equal(running.currentMasterVersion, 2, 'still the version it loaded');
      assert.equal(await decrypt(message('m6'), ciphertext, amsterdam, running), 'tijdens het draaien');
      assert.equal(running.currentMasterVersion, 3, 'reloaded on meeting version 3');
    });

    it('refuses to create a new master key when the file is missing but encrypted data exists', async () => {
      const missing = path.join(directory, 'lost', 'master.key');
      await assert.rejects(Keyring.open(missing, database.owner.db), (error: Error) => {
        assert.ok(error instanceof MasterKeyError);
        assert.match(error.message, /missing, but the database holds encrypted data/);
        assert.match(error.message, /Restore the key file/);
        return true;
      });
      await assert.rejects(stat(missing), { code: 'ENOENT' });
      await assert.rejects(stat(path.dirname(missing)), { code: 'ENOENT' });
    });
  });
}
