import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { destroyCaseRows, listCaseMunicipalities, lockNextDueCase } from './retention.repository.ts';

/**
 * Automatic destruction at the end of the retention term (see docs/OPERATIONS.md for the terms and
 * docs/SECURITY.md for crypto-shredding). Works one municipality at a time in its own scope — row-level
 * security hides cases from the national scope — and destroys each case in a transaction of its own:
 * a failure leaves that case whole for the next sweep and does not stop the others.
 */
export async function runRetentionSweep(
  deps: { db: Database; log?: (message: string) => void },
  now: Date,
): Promise<{ destroyed: string[] }> {
  const destroyed: string[] = [];
  for (const municipalityCode of await listCaseMunicipalities(deps.db)) {
    for (;;) {
      let caseId: string | null = null;
      try {
        caseId = await inTenant(deps.db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
          const due = await lockNextDueCase(tx, now);
          if (!due) return null;
          await destroyCaseRows(tx, due, now, randomUUID());
          await appendAudit(tx, {
            actorUserId: null,
            actorRole: null,
            municipalityCode,
            action: 'case.destroyed',
            objectType: 'case',
            objectId: due.id,
            details: { rule: 'retention' },
          });
          return due.id;
        });
      } catch (error) {
        // Which case failed is unknown once its transaction rolled back; stop this municipality for now.
        deps.log?.(`retention sweep failed in ${municipalityCode}: ${(error as Error).message}`);
        break;
      }
      if (!caseId) break;
      destroyed.push(caseId);
    }
  }
  return { destroyed };
}
