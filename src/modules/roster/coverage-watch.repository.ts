import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';

/**
 * The municipalities that are publicly active now (the registry is not tenant data). The demo's
 * examples are left out: they promise nothing to anyone, and have no roster.
 */
export async function listActiveMunicipalities(tx: Transaction): Promise<Array<{ code: string; name: string }>> {
  const result = await tx.execute<{ code: string; name: string }>(sql`
    SELECT code, name FROM municipalities
     WHERE participation = 'active' AND ended_on IS NULL AND NOT is_example ORDER BY code`);
  return result.rows;
}

/**
 * The e-mail addresses of the active coordinators to tell about a municipality: its own municipal
 * coordinators and every national coordinator (the national scope sees both).
 */
export async function coordinatorAddresses(tx: Transaction, code: string): Promise<string[]> {
  const result = await tx.execute<{ email: string }>(sql`
    SELECT DISTINCT u.email FROM staff_users u JOIN staff_roles r ON r.user_id = u.id
     WHERE u.active AND ((r.role = 'municipal_coordinator' AND r.municipality_code = ${code})
        OR r.role = 'national_coordinator')
     ORDER BY u.email`);
  return result.rows.map((row) => row.email);
}
