import { z } from 'zod';
import { PARTY_KINDS } from './referral-kinds.ts';

/**
 * The API contract of the municipality's directory of parties it refers to (JSON under
 * /api/v1/referral-parties). Phone and e-mail are checked by the service, which answers with a
 * specific message.
 */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/** POST /api/v1/referral-parties */
export const partyInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PARTY_KINDS),
  phone: optionalText(40),
  email: optionalText(254),
  hours: optionalText(200),
});
export type PartyInput = z.infer<typeof partyInputSchema>;

/** PUT /api/v1/referral-parties/:id (also switches a party on or off). */
export const partyUpdateSchema = partyInputSchema.extend({ active: z.boolean() });
export type PartyUpdate = z.infer<typeof partyUpdateSchema>;

/** One party of the directory. */
export const partySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: z.enum(PARTY_KINDS),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  hours: z.string().nullable(),
  active: z.boolean(),
});
export type PartyView = z.infer<typeof partySchema>;

/** GET /api/v1/referral-parties — active parties first, then by name. */
export const partyListSchema = z.object({ parties: z.array(partySchema) });
