import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/pool.ts';
import { inTenant } from '../../src/db/tenant.ts';
import { createCaseKey, encryptCaseField } from '../../src/modules/cases/case-keys.ts';
import { recordCaseEvent } from '../../src/modules/cases/case-timeline.repository.ts';
import { caseAssignees, cases, meldcodeDecisions } from '../../src/modules/cases/cases.tables.ts';
import type { CaseStatus } from '../../src/modules/cases/cases.types.ts';
import type { Keyring } from '../../src/modules/crypto/keyring.ts';
import { referrals } from '../../src/modules/referrals/referrals.tables.ts';

/** What a test case holds besides its row; every text is encrypted with the case key, as the app does. */
export interface FollowUpCaseOptions {
  municipalityCode: string;
  assigneeUserId: string;
  /** When the case was opened and last touched. */
  at: Date;
  status?: CaseStatus;
  closedAt?: Date;
  destroyAfter?: Date;
  legalHold?: { since: Date; reason: string };
  conversationId?: string;
  category?: string;
  outcome?: string;
  summary?: string;
  note?: string;
  /** A Meldcode step 4 decision with these answers and reason. */
  meldcode?: { answers: Record<string, string | boolean>; decision: string; reason?: string };
  /** A referral with this summary (status 'sent'). */
  referral?: { recipientName: string; summary: string };
}

/**
 * Inserts a case directly (row, key, assignee, and the content asked for), so these tests do not
 * depend on the case services being built alongside. Runs as the app role in the municipality's scope.
 */
export async function insertFollowUpCase(db: Database, keyring: Keyring, options: FollowUpCaseOptions) {
  const id = randomUUID();
  const { municipalityCode, at } = options;
  const field = (table: string, recordId: string, column: string) => ({
    municipalityCode,
    caseId: id,
    table,
    recordId,
    column,
  });
  await inTenant(db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    await tx.insert(cases).values({
      id,
      municipalityCode,
      origin: options.conversationId ? 'conversation' : 'walk_in',
      conversationId: options.conversationId ?? null,
      status: options.status ?? 'in_progress',
      category: options.category ?? null,
      outcome: options.outcome ?? null,
      createdBy: options.assigneeUserId,
      createdAt: at,
      lastActivityAt: at,
      closedAt: options.closedAt ?? null,
      destroyAfter: options.destroyAfter ?? null,
      legalHoldSince: options.legalHold?.since ?? null,
      legalHoldReason: options.legalHold?.reason ?? null,
    });
    await createCaseKey(keyring, tx, municipalityCode, id, at);
    await tx
      .insert(caseAssignees)
      .values({ caseId: id, userId: options.assigneeUserId, municipalityCode, assignedAt: at });
    if (options.summary) {
      const summary = await encryptCaseField(keyring, tx, field('cases', id, 'summary'), options.summary);
      await tx.update(cases).set({ summary }).where(eq(cases.id, id));
    }
    if (options.note)
      await recordCaseEvent(keyring, tx, {
        caseId: id,
        municipalityCode,
        kind: 'note',
        actorUserId: options.assigneeUserId,
        text: options.note,
        at,
      });
    if (options.meldcode) {
      const decisionId = randomUUID();
      await tx.insert(meldcodeDecisions).values({
        id: decisionId,
        caseId: id,
        municipalityCode,
        step: 4,
        answers: await encryptCaseField(
          keyring,
          tx,
          field('meldcode_decisions', decisionId, 'answers'),
          JSON.stringify(options.meldcode.answers),
        ),
        decision: options.meldcode.decision,
        reason: options.meldcode.reason
          ? await encryptCaseField(
              keyring,
              tx,
              field('meldcode_decisions', decisionId, 'reason'),
              options.meldcode.reason,
            )
          : null,
        departsFromDefault: Boolean(options.meldcode.reason),
        decidedBy: options.assigneeUserId,
        decidedAt: at,
      });
    }
    if (options.referral) {
      const referralId = randomUUID();
      await tx.insert(referrals).values({
        id: referralId,
        caseId: id,
        municipalityCode,
        kind: 'veilig_thuis_report',
        recipientName: options.referral.recipientName,
        summary: await encryptCaseField(
          keyring,
          tx,
          field('referrals', referralId, 'summary'),
          options.referral.summary,
        ),
        status: 'sent',
        createdBy: options.assigneeUserId,
        createdAt: at,
        sentAt: at,
      });
    }
  });
  return id;
}
