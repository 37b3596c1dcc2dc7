import pg from 'pg';
import { ensureAppRole } from '../../src/db/app-role.ts';
import { migrateDatabase } from '../../src/db/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/pool.ts';
import { createTestDatabase, type DatabaseTarget } from './databases.ts';

/** Two municipalities for cross-tenant tests (the registry import is not needed for them). */
export const AMSTERDAM = 'GM0363';
export const ROTTERDAM = 'GM0599';

/**
 * A fresh, migrated database with both connections the app has: `owner` (who migrated, owns every
 * table, bypasses row-level security) and `app` (the `<database>_app` role, which owns nothing).
 */
export interface TenantDatabase {
  /** The owner's URL (what DATABASE_URL would be). */
  url: string;
  owner: DatabaseHandle;
  app: DatabaseHandle;
  appUrl: string;
  /** The app role's name. */
  appRole: string;
  /** Runs SQL as the owner and returns the rows. */
  asOwner<Row extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]>;
  /** Drops the database and the (cluster-wide) app role. */
  drop(): Promise<void>;
}

/** Creates the database on `target`, migrates it as the owner and sets up the app role. */
export async function createTenantDatabase(target: DatabaseTarget): Promise<TenantDatabase> {
  const database = await createTestDatabase(target);
  const owner = openDatabase(database.url);
  let app: DatabaseHandle | undefined;
  const asOwner = async <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await owner.pool.query<Row>(text, values)).rows;
  const drop = async () => {
    await app?.close();
    await owner.close();
    await database.drop();
    const admin = new pg.Client({ connectionString: target.adminUrl });
    await admin.connect();
    try {
      await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(appRoleName(database.url))}`);
    } finally {
      await admin.end();
    }
  };
  try {
    await migrateDatabase(owner);
    await asOwner(
      `INSERT INTO municipalities (code, name, slug, search_key, province_code, province_name) VALUES
        ($1, 'Amsterdam', 'amsterdam', 'amsterdam', 'PV27', 'Noord-Holland'),
        ($2, 'Rotterdam', 'rotterdam', 'rotterdam', 'PV28', 'Zuid-Holland')`,
      [AMSTERDAM, ROTTERDAM],
    );
    const appUrl = await ensureAppRole(database.url);
    app = openDatabase(appUrl);
    return { url: database.url, owner, app, appUrl, appRole: appRoleName(database.url), asOwner, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}

function appRoleName(url: string): string {
  return `${decodeURIComponent(new URL(url).pathname.slice(1))}_app`;
}
