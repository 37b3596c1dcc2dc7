import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/pool.ts';
import { inTenant } from '../../src/db/tenant.ts';
import { createCaseKey } from '../../src/modules/cases/case-keys.ts';
import { caseAssignees, cases } from '../../src/modules/cases/cases.tables.ts';
import type { CaseStatus, ChildConsent } from '../../src/modules/cases/cases.types.ts';
import type { Keyring } from '../../src/modules/crypto/keyring.ts';

/**
 * A case row as the app would make it (row, key, one assignee), written directly so the referral
 * tests do not depend on the case services.
 */
export async function insertTestCase(
  db: Database,
  keyring: Keyring,
  options: {
    municipalityCode: string;
    assigneeUserId: string;
    now: Date;
    conversationId?: string | null;
    childConsent?: ChildConsent;
    status?: Exclude<CaseStatus, 'closed'>;
  },
): Promise<string> {
  const id = randomUUID();
  const { municipalityCode, now } = options;
  await inTenant(db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    await tx.insert(cases).values({
      id,
      municipalityCode,
      origin: options.conversationId ? 'conversation' : 'walk_in',
      conversationId: options.conversationId ?? null,
      status: options.status ?? 'in_progress',
      childConsent: options.childConsent ?? 'not_asked',
      createdBy: options.assigneeUserId,
      createdAt: now,
      lastActivityAt: now,
    });
    await createCaseKey(keyring, tx, municipalityCode, id, now);
    await tx.insert(caseAssignees).values({
      caseId: id,
      userId: options.assigneeUserId,
      municipalityCode,
      assignedBy: options.assigneeUserId,
      assignedAt: now,
    });
  });
  return id;
}
