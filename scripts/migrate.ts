/**
 * `npm run db:migrate`: applies the committed migrations and the registry import to DATABASE_URL,
 * or to the embedded PostgreSQL in OPENDEUR_DATA_DIR, without starting the web server.
 */
import { loadConfig } from '../src/config.ts';
import { startEmbeddedServer } from '../src/db/embedded-server.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { importRegistry } from '../src/modules/municipalities/registry-import.ts';

const config = loadConfig();
const embedded =
  config.database.kind === 'embedded' ? await startEmbeddedServer({ directory: config.database.directory }) : undefined;
const database = openDatabase(embedded?.url ?? (config.database as { url: string }).url);
try {
  await migrateDatabase(database, async () => {
    const result = await importRegistry(database.db);
    console.log(
      `migrations applied; registry ${result.skipped ? 'unchanged' : 'imported'} (${result.municipalities} municipalities, ${result.postcodes} postcodes)`,
    );
  });
} finally {
  await database.close();
  await embedded?.stop();
}
