import { migrateDatabase } from '../../src/db/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/pool.ts';
import { importRegistry } from '../../src/modules/municipalities/registry-import.ts';
import { createTestDatabase, type DatabaseTarget } from './databases.ts';

/** A fresh database of its own with the migrations applied and, unless asked not to, the CBS registry. */
export interface RegistryDatabase {
  url: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/** Creates a database on `target`, migrates it and imports the registry from data/ (as start-up does). */
export async function createRegistryDatabase(
  target: DatabaseTarget,
  options: { importRegistry?: boolean } = {},
): Promise<RegistryDatabase> {
  const database = await createTestDatabase(target);
  const handle = openDatabase(database.url);
  try {
    await migrateDatabase(handle, async () => {
      if (options.importRegistry ?? true) await importRegistry(handle.db);
    });
  } catch (error) {
    await handle.close();
    await database.drop();
    throw error;
  }
  return {
    url: database.url,
    handle,
    async drop() {
      await handle.close();
      await database.drop();
    },
  };
}
