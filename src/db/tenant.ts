import { sql } from 'drizzle-orm';
import type { Database } from './pool.ts';

/**
 * Whose data a transaction may see. Row-level security reads it from two transaction-local
 * settings (see migration 0003): without a scope, tenant tables show nothing.
 */
export type TenantScope = { kind: 'municipality'; code: string } | { kind: 'national' } | { kind: 'none' };

/** A transaction handle, as drizzle passes it to `db.transaction`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Runs `work` in one transaction limited to `scope`; the settings end with the transaction. */
export async function inTenant<T>(db: Database, scope: TenantScope, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const municipality = scope.kind === 'municipality' ? scope.code : '';
    const national = scope.kind === 'national' ? 'on' : 'off';
    await tx.execute(
      sql`SELECT set_config('opendeur.municipality', ${municipality}, true), set_config('opendeur.national', ${national}, true)`,
    );
    return work(tx);
  });
}
