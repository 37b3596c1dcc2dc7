import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  AMSTERDAM,
  createTenantDatabase,
  ROTTERDAM,
  type TenantDatabase,
} from '../../../test/helpers/tenant-database.ts';
import { inTenant, type TenantScope, type Transaction } from '../../db/tenant.ts';
import { DecryptionError } from '../crypto/aead.ts';
import { Keyring } from '../crypto/keyring.ts';
import { rotateMasterKey } from '../crypto/rotation.ts';
import {
  CaseKeyMissingError,
  createCaseKey,
  decryptCaseField,
  encryptCaseField,
  type CaseFieldContext,
} from './case-keys.ts';

const amsterdam: TenantScope = { kind: 'municipality', code: AMSTERDAM };

for (const target of databaseTargets()) {
  describe(`per-case keys (${target.name})`, () => {
    let database: TenantDatabase;
    let directory: string;
    let keyring: Keyring;
    const asApp = <T>(scope: TenantScope, work: (tx: Transaction) => Promise<T>) =>
      inTenant(database.app.db, scope, work);

    /** A case of Amsterdam with its key, made the way the services make it. */
    async function newCase(): Promise<string> {
      const id = randomUUID();
      await asApp(amsterdam, async (tx) => {
        await tx.execute(sql`INSERT INTO cases (id, municipality_code, origin, created_at, last_activity_at)
          VALUES (${id}::uuid, ${AMSTERDAM}, 'manual', now(), now())`);
        await createCaseKey(keyring, tx, AMSTERDAM, id, new Date());
      });
      return id;
    }
    const field = (caseId: string, recordId = caseId): CaseFieldContext => ({
      municipalityCode: AMSTERDAM,
      caseId,
      table: 'cases',
      recordId,
      column: 'summary',
    });

    before(async () => {
      database = await createTenantDatabase(target);
      directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-case-keys-'));
      keyring = await Keyring.open(path.join(directory, 'master.key'), database.owner.db);
    });
    after(async () => {
      await database?.drop();
      if (directory) await rm(directory, { recursive: true, force: true });
    });

    it('encrypts under a key of its own per case: the text opens only for that case, record and field', async () => {
      const first = await newCase();
      const second = await newCase();
      const sealed = await asApp(amsterdam, (tx) => encryptCaseField(keyring, tx, field(first), 'bang voor papa'));
      assert.ok(!sealed.includes(Buffer.from('bang voor papa')));
      assert.equal(
        await asApp(amsterdam, (tx) => decryptCaseField(keyring, tx, field(first), sealed)),
        'bang voor papa',
      );
      for (const elsewhere of [field(second), field(first, randomUUID()), { ...field(first), column: 'title' }]) {
        await assert.rejects(
          asApp(amsterdam, (tx) => decryptCaseField(keyring, tx, elsewhere, sealed)),
          (error: unknown) => error instanceof DecryptionError,
        );
      }
      const keys = await database.asOwner<{ wrapped_key: Buffer }>(`SELECT wrapped_key FROM case_keys`);
      assert.equal(keys.length, 2);
      assert.notDeepEqual(keys[0]!.wrapped_key, keys[1]!.wrapped_key);
    });

    it('shreds the content with the key: once the key row is gone, a kept ciphertext no longer opens', async () => {
      const id = await newCase();
      const sealed = await asApp(amsterdam, (tx) => encryptCaseField(keyring, tx, field(id), 'een geheim'));
      await asApp(amsterdam, (tx) => tx.execute(sql`DELETE FROM case_keys WHERE case_id = ${id}::uuid`));
      await assert.rejects(
        asApp(amsterdam, (tx) => decryptCaseField(keyring, tx, field(id), sealed)),
        (error: unknown) => error instanceof CaseKeyMissingError,
      );
    });

    it("hides a case's key from another municipality's scope and from the national scope", async () => {
      const id = await newCase();
      const sealed = await asApp(amsterdam, (tx) => encryptCaseField(keyring, tx, field(id), 'alleen Amsterdam'));
      for (const scope of [{ kind: 'municipality', code: ROTTERDAM }, { kind: 'national' }] as TenantScope[]) {
        await assert.rejects(
          asApp(scope, (tx) => decryptCaseField(keyring, tx, field(id), sealed)),
          (error: unknown) => error instanceof CaseKeyMissingError,
        );
      }
    });

    it('keeps every case readable after the master key is rotated (case keys hang under the data keys)', async () => {
      const id = await newCase();
      const sealed = await asApp(amsterdam, (tx) => encryptCaseField(keyring, tx, field(id), 'na rotatie'));
      await rotateMasterKey(path.join(directory, 'master.key'), database.owner.db);
      const reopened = await Keyring.open(path.join(directory, 'master.key'), database.owner.db);
      assert.equal(await asApp(amsterdam, (tx) => decryptCaseField(reopened, tx, field(id), sealed)), 'na rotatie');
    });
  });
}
