import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { staffUsers } from '../accounts/accounts.tables.ts';
import { caseAssignees, cases } from '../cases/cases.tables.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';
import type { ReferralKind } from './referral-kinds.ts';
import { referrals } from './referrals.tables.ts';

/** A referral as stored. */
export type ReferralRow = typeof referrals.$inferSelect;

/** The referrals of a case, oldest first. */
export function listReferralRows(tx: Transaction, caseId: string): Promise<ReferralRow[]> {
  return tx
    .select()
    .from(referrals)
    .where(eq(referrals.caseId, caseId))
    .orderBy(asc(referrals.createdAt), asc(referrals.id));
}

/** One referral of a case, locked for the change that follows; undefined when absent. */
export async function findReferralForUpdate(
  tx: Transaction,
  caseId: string,
  id: string,
): Promise<ReferralRow | undefined> {
  const [row] = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.caseId, caseId)))
    .for('update');
  return row;
}

/** Adds a prepared referral. */
export async function insertReferralRow(
  tx: Transaction,
  referral: {
    id: string;
    caseId: string;
    municipalityCode: string;
    kind: ReferralKind;
    partyId: string | null;
    recipientName: string;
    summary: Buffer | null;
    createdBy: string;
    now: Date;
  },
): Promise<ReferralRow> {
  const [row] = await tx
    .insert(referrals)
    .values({
      id: referral.id,
      caseId: referral.caseId,
      municipalityCode: referral.municipalityCode,
      kind: referral.kind,
      partyId: referral.partyId,
      recipientName: referral.recipientName,
      summary: referral.summary,
      status: 'prepared',
      createdBy: referral.createdBy,
      createdAt: referral.now,
    })
    .returning();
  return row!;
}

/** Marks a referral sent with a new link (a link sent before stops working). */
export async function markSent(
  tx: Transaction,
  id: string,
  link: { tokenHash: Buffer; expiresAt: Date; now: Date },
): Promise<ReferralRow> {
  const [row] = await tx
    .update(referrals)
    .set({ status: 'sent', sentAt: link.now, linkTokenHash: link.tokenHash, linkExpiresAt: link.expiresAt })
    .where(eq(referrals.id, id))
    .returning();
  return row!;
}

/** The receiving party confirmed receipt. */
export async function markConfirmed(tx: Transaction, id: string, now: Date): Promise<void> {
  await tx.update(referrals).set({ status: 'confirmed', confirmedAt: now }).where(eq(referrals.id, id));
}

/** The receiving party left feedback (which also confirms receipt, if that was not done yet). */
export async function markFeedback(tx: Transaction, id: string, feedback: Buffer, now: Date): Promise<void> {
  await tx
    .update(referrals)
    .set({
      status: 'feedback_received',
      feedback,
      feedbackAt: now,
      confirmedAt: sql`coalesce(${referrals.confirmedAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(eq(referrals.id, id));
}

/**
 * Which referral and municipality a link's token is for, while the link is valid. The link names no
 * municipality, so this goes through the SECURITY DEFINER function `referral_link_scope`.
 */
export async function linkScope(
  tx: Transaction,
  tokenHash: Buffer,
  now: Date,
): Promise<{ referralId: string; municipalityCode: string } | undefined> {
  const result = await tx.execute<{ referral_id: string; municipality_code: string }>(
    sql`SELECT referral_id, municipality_code FROM referral_link_scope(${tokenHash}, ${now.toISOString()}::timestamptz)`,
  );
  const row = result.rows[0];
  return row ? { referralId: row.referral_id, municipalityCode: row.municipality_code } : undefined;
}

/** A referral by id in the transaction's municipality, locked; undefined when absent. */
export async function findReferralByIdForUpdate(tx: Transaction, id: string): Promise<ReferralRow | undefined> {
  const [row] = await tx.select().from(referrals).where(eq(referrals.id, id)).for('update');
  return row;
}

/** The municipality's name ("Amsterdam"). */
export async function municipalityName(tx: Transaction, code: string): Promise<string> {
  const [row] = await tx
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.code, code));
  return row?.name ?? code;
}

/** Moves a case to 'referred'. */
export async function setCaseReferred(tx: Transaction, caseId: string): Promise<void> {
  await tx.update(cases).set({ status: 'referred' }).where(eq(cases.id, caseId));
}

/** The e-mail addresses of the case's active assignees. */
export async function assigneeEmails(tx: Transaction, caseId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: staffUsers.email })
    .from(caseAssignees)
    .innerJoin(staffUsers, eq(staffUsers.id, caseAssignees.userId))
    .where(and(eq(caseAssignees.caseId, caseId), eq(staffUsers.active, true)));
  return rows.map((row) => row.email);
}

/**
 * Whether the case of this child's conversation has a referral the receiving party confirmed (or
 * answered): then the child is told that someone is helping, and nothing more.
 */
export async function someoneHelpsInConversation(tx: Transaction, conversationId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .innerJoin(cases, and(eq(cases.id, referrals.caseId), eq(cases.municipalityCode, referrals.municipalityCode)))
    .where(and(eq(cases.conversationId, conversationId), inArray(referrals.status, ['confirmed', 'feedback_received'])))
    .limit(1);
  return row !== undefined;
}
