import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction, type NodePgClient } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database } from './pool.ts';

/**
 * Whose data a transaction may see. Row-level security reads it from two transaction-local
 * settings (see migration 0003): without a scope, tenant tables show nothing.
 */
export type TenantScope = { kind: 'municipality'; code: string } | { kind: 'national' } | { kind: 'none' };

/** A transaction handle, as drizzle passes it to `db.transaction`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** What a drizzle handle keeps inside that a transaction of our own needs (drizzle-orm 0.45). */
interface DrizzleInternals {
  $client?: NodePgClient;
  dialect: ConstructorParameters<typeof NodePgSession>[1];
  session: { options?: ConstructorParameters<typeof NodePgSession>[3] };
}

function settingsOf(scope: TenantScope) {
  return {
    municipality: scope.kind === 'municipality' ? scope.code : '',
    national: scope.kind === 'national' ? 'on' : 'off',
  };
}

/**
 * BEGIN and both settings as one simple query (two statements, so no bind parameters: the
 * municipality code goes in as an escaped literal).
 */
export function beginInScope(scope: TenantScope): string {
  const { municipality, national } = settingsOf(scope);
  return (
    `BEGIN; SELECT set_config('opendeur.municipality', ${pg.escapeLiteral(municipality)}, true), ` +
    `set_config('opendeur.national', ${pg.escapeLiteral(national)}, true)`
  );
}

/**
 * Runs `work` in one transaction limited to `scope`; the settings end with the transaction.
 *
 * BEGIN and the settings travel in one round trip where drizzle's `db.transaction` followed by a
 * `set_config` statement takes two; on the child's write path every round trip counts. `work` gets
 * drizzle's own transaction type on the checked-out connection, so repositories see no difference
 * (nested `tx.transaction` still makes savepoints). A failure inside `work` rolls back and the
 * connection goes back to the pool; a failed BEGIN, COMMIT or ROLLBACK leaves the connection in a
 * state nobody should inherit, so it is closed instead.
 */
export async function inTenant<T>(db: Database, scope: TenantScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const internals = db as unknown as DrizzleInternals;
  const pool = internals.$client;
  if (!(pool instanceof pg.Pool)) return inDrizzleTransaction(db, scope, work);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(beginInScope(scope)).catch((error: Error) => {
      throw (broken = error);
    });
    const { schema: tables, fullSchema, tableNamesMap } = db._;
    const schema = tables ? { schema: tables, fullSchema, tableNamesMap } : undefined;
    const session = new NodePgSession(client, internals.dialect, schema, internals.session.options);
    const tx = new NodePgTransaction(internals.dialect, session, schema) as unknown as Transaction;
    let result: T;
    try {
      result = await work(tx);
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
      throw error;
    }
    await client.query('COMMIT').catch((error: Error) => {
      throw (broken = error);
    });
    return result;
  } finally {
    client.release(broken);
  }
}

/** A handle on something other than a pool: drizzle's transaction and the settings as a statement of their own. */
function inDrizzleTransaction<T>(db: Database, scope: TenantScope, work: (tx: Transaction) => Promise<T>) {
  const { municipality, national } = settingsOf(scope);
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('opendeur.municipality', ${municipality}, true), set_config('opendeur.national', ${national}, true)`,
    );
    return work(tx);
  });
}
