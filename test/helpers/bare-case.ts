import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/pool.ts';
import { inTenant } from '../../src/db/tenant.ts';
import { createCaseKey } from '../../src/modules/cases/case-keys.ts';
import type { CaseStatus } from '../../src/modules/cases/cases.types.ts';
import type { Keyring } from '../../src/modules/crypto/keyring.ts';

/**
 * A case row with its key and assignees, inserted directly (not through the case services), for
 * tests of the parts built on cases. Runs as the app role in the municipality's scope, as the
 * services do.
 */
export async function insertBareCase(
  db: Database,
  keyring: Keyring,
  options: { municipalityCode: string; assignees: string[]; status?: CaseStatus; now?: Date },
): Promise<string> {
  const id = randomUUID();
  const now = options.now ?? new Date();
  const status = options.status ?? 'new';
  const closedAt = status === 'closed' ? now.toISOString() : null;
  await inTenant(db, { kind: 'municipality', code: options.municipalityCode }, async (tx) => {
    await tx.execute(sql`INSERT INTO cases (id, municipality_code, origin, status, created_at, last_activity_at, closed_at)
      VALUES (${id}::uuid, ${options.municipalityCode}, 'walk_in', ${status}::case_status, ${now.toISOString()}::timestamptz,
              ${now.toISOString()}::timestamptz, ${closedAt}::timestamptz)`);
    await createCaseKey(keyring, tx, options.municipalityCode, id, now);
    for (const userId of options.assignees) {
      await tx.execute(sql`INSERT INTO case_assignees (case_id, user_id, municipality_code, assigned_at)
        VALUES (${id}::uuid, ${userId}::uuid, ${options.municipalityCode}, ${now.toISOString()}::timestamptz)`);
    }
  });
  return id;
}
