import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { municipalityDataKeys } from './crypto.tables.ts';
import { Keyring } from './keyring.ts';
import { addMasterKeyVersion } from './master-key.ts';

/** What a rotation did. */
export interface RotationResult {
  masterKeyVersion: number;
  rewrapped: number;
}

/**
 * Rotates the master key: adds a new version to the key file (atomically, keeping the old ones), then
 * re-wraps every municipality's data key under it in one transaction. `db` must be the owner's
 * connection (it re-wraps every municipality's keys, and the app role may not update them).
 *
 * The file is written first: if the transaction then fails, the new version is merely unused. The
 * other order could leave data keys wrapped under a key that is on no disk.
 */
export async function rotateMasterKey(file: string, db: Database): Promise<RotationResult> {
  const master = await addMasterKeyVersion(file);
  const keyring = await Keyring.open(file, db);
  const rewrapped = await db.transaction(async (tx) => {
    // Blocks new data keys until the re-wrap commits, so none is left behind under an older version
    // by this rotation's snapshot. (A running app keeps wrapping under the version it loaded until
    // it restarts; that version stays in the file, so its keys stay readable.)
    await tx.execute(sql`LOCK TABLE municipality_data_keys IN SHARE ROW EXCLUSIVE MODE`);
    const rows = await tx.select().from(municipalityDataKeys);
    for (const row of rows) {
      const dataKey = await keyring.unwrap(row.municipalityCode, row.version, row.wrappedKey, row.masterKeyVersion);
      const { wrapped, masterVersion } = keyring.wrap(row.municipalityCode, row.version, dataKey);
      await tx
        .update(municipalityDataKeys)
        .set({ wrappedKey: wrapped, masterKeyVersion: masterVersion })
        .where(
          and(
            eq(municipalityDataKeys.municipalityCode, row.municipalityCode),
            eq(municipalityDataKeys.version, row.version),
          ),
        );
    }
    return rows.length;
  });
  return { masterKeyVersion: master.current, rewrapped };
}
