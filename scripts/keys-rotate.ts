/**
 * `npm run keys:rotate`: adds a new master key version to OPENDEUR_MASTER_KEY_FILE and re-wraps every
 * municipality's data key under it, in DATABASE_URL or the embedded PostgreSQL in OPENDEUR_DATA_DIR.
 * Safe while the app runs (see docs/OPERATIONS.md). Prints versions and counts, never key material.
 */
import { loadConfig } from '../src/config.ts';
import { startEmbeddedServer } from '../src/db/embedded-server.ts';
import { openDatabase } from '../src/db/pool.ts';
import { rotateMasterKey } from '../src/modules/crypto/rotation.ts';

const config = loadConfig();
const embedded =
  config.database.kind === 'embedded' ? await startEmbeddedServer({ directory: config.database.directory }) : undefined;
const database = openDatabase(embedded?.url ?? (config.database as { url: string }).url);
let exitCode = 1;
try {
  const result = await rotateMasterKey(config.masterKeyFile, database.db);
  console.log(
    `master key rotated to version ${result.masterKeyVersion}; ${result.rewrapped} data key(s) re-wrapped. ` +
      `Older versions stay in ${config.masterKeyFile}; back the file up now.`,
  );
  exitCode = 0;
} catch (error) {
  const code = (error as { cause?: { code?: string } }).cause?.code;
  console.error(
    code === '42P01'
      ? 'The database has no data key table yet: run `npm run db:migrate` first.'
      : `Cannot rotate the master key: ${(error as Error).message}`,
  );
} finally {
  await database.close();
  await embedded?.stop();
}
process.exit(exitCode);
