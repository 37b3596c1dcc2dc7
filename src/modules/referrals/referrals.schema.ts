import { z } from 'zod';
import { REFERRAL_KINDS } from './referral-kinds.ts';
import { referralStatus } from './referrals.tables.ts';

/** The API contract of a case's referrals (JSON under /api/v1/cases/:id/referrals). */

export const referralKindSchema = z.enum(REFERRAL_KINDS);

/** POST /api/v1/cases/:id/referrals — `partyId` is needed for `directory`, whose name is the party's. */
export const createReferralSchema = z.object({
  kind: referralKindSchema,
  partyId: z.string().uuid().optional(),
  recipientName: z.string().trim().min(1).max(200).optional(),
  summary: z.string().trim().max(10_000).optional(),
});
export type CreateReferralInput = z.infer<typeof createReferralSchema>;

/** POST /api/v1/cases/:id/referrals/:referralId/send — the address to e-mail the link to (else the party's). */
export const sendReferralSchema = z.object({ email: z.string().trim().max(254).optional() });

/** One referral as the team sees it (summary and feedback decrypted). */
export const referralSchema = z.object({
  id: z.string().uuid(),
  kind: referralKindSchema,
  recipientName: z.string(),
  partyId: z.string().uuid().nullable(),
  summary: z.string().nullable(),
  status: z.enum(referralStatus.enumValues),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  feedback: z.string().nullable(),
  feedbackAt: z.string().nullable(),
  linkExpiresAt: z.string().nullable(),
});
export type ReferralView = z.infer<typeof referralSchema>;

/** GET /api/v1/cases/:id/referrals — oldest first. */
export const referralListSchema = z.object({ referrals: z.array(referralSchema) });

/**
 * The answer to sending: the link, shown this once (only its hash is stored), and whether it was
 * e-mailed (false without an address, or when the mail server refused it: then pass it on by hand).
 */
export const sendResultSchema = z.object({ referral: referralSchema, link: z.string(), emailed: z.boolean() });
