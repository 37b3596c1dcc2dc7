import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { migrationsDirectory } from '../paths.ts';
import type { DatabaseHandle } from './pool.ts';

/** Serialises start-up work (migrations, imports) between app instances sharing one database. */
const STARTUP_LOCK = 0x6f70656e; // "open"

/**
 * Applies the committed SQL migrations, then runs `afterMigrate` under the same advisory lock, so
 * several instances starting together migrate and import once, one after the other.
 */
export async function migrateDatabase(
  handle: DatabaseHandle,
  afterMigrate: () => Promise<void> = async () => {},
): Promise<void> {
  const client = await handle.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      await migrate(handle.db, { migrationsFolder: migrationsDirectory, migrationsSchema: 'opendeur_meta' });
      await afterMigrate();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]);
    }
  } finally {
    client.release();
  }
}
