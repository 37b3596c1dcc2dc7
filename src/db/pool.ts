import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema.ts';

/** The drizzle handle with the whole schema, used by repositories. */
export type Database = NodePgDatabase<typeof schema>;

/**
 * The pg pool (or client) under a drizzle handle — drizzle keeps it as `$client` — for the few hot
 * statements sent as named prepared statements, which drizzle's `execute` cannot name.
 */
export function clientOf(db: Database): pg.Pool | pg.PoolClient | pg.Client {
  const client = (db as Database & { $client?: pg.Pool | pg.PoolClient | pg.Client }).$client;
  if (!client) throw new Error('This drizzle handle has no pg client');
  return client;
}

/** A connection pool and its drizzle handle. */
export interface DatabaseHandle {
  pool: pg.Pool;
  db: Database;
  close(): Promise<void>;
}

/** Opens a pool on `url`. Errors on idle clients are logged, not thrown: the pool replaces them. */
export function openDatabase(url: string, onIdleError: (error: Error) => void = () => {}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    application_name: 'opendeur',
  });
  // pool.end() resolves before its sockets are closed; when the embedded PostgreSQL stops right
  // after, the idle clients see "terminating connection" — expected during shutdown, not worth a warning.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) onIdleError(error);
  });
  return {
    pool,
    db: drizzle(pool, { schema }),
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}
