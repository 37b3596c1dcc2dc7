/**
 * Referrals of a case (to Veilig Thuis, the police, the wijkteam, a party of the directory …) and the
 * municipality's directory of parties. Types come from the server's zod schemas (type-only).
 */
import type { z } from 'zod';
import type { partyInputSchema, partySchema } from '../../../src/modules/referrals/referral-parties.schema.ts';
import type {
  createReferralSchema,
  referralSchema,
  sendResultSchema,
} from '../../../src/modules/referrals/referrals.schema.ts';
import { apiRequest } from './api-client.ts';

export type Referral = z.infer<typeof referralSchema>;
export type ReferralKind = Referral['kind'];
export type ReferralStatus = Referral['status'];
export type Party = z.infer<typeof partySchema>;
/** What kind of party a directory entry is (never `directory` itself). */
export type PartyKind = Party['kind'];
export type PartyInput = z.input<typeof partyInputSchema>;
export type NewReferral = z.input<typeof createReferralSchema>;
export type SendResult = z.infer<typeof sendResultSchema>;

/** In the order the form offers them (the municipality's own directory last). */
export const REFERRAL_KINDS: readonly ReferralKind[] = [
  'veilig_thuis_advice',
  'veilig_thuis_report',
  'police',
  'kindertelefoon',
  'wijkteam',
  'zorg_veiligheidshuis',
  'gp',
  'directory',
];
export const PARTY_KINDS: readonly PartyKind[] = REFERRAL_KINDS.filter(
  (kind): kind is PartyKind => kind !== 'directory',
);

const referralsPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/referrals`;

export function fetchParties(): Promise<{ parties: Party[] }> {
  return apiRequest('GET', '/referral-parties');
}

/** POST /api/v1/referral-parties — coordinator only. */
export function addParty(party: PartyInput): Promise<Party> {
  return apiRequest('POST', '/referral-parties', { body: party });
}

/** PUT /api/v1/referral-parties/{id} — coordinator only; `active: false` takes it out of the choices. */
export function saveParty(id: string, party: PartyInput & { active: boolean }): Promise<Party> {
  return apiRequest('PUT', `/referral-parties/${encodeURIComponent(id)}`, { body: party });
}

export function fetchReferrals(caseId: string): Promise<{ referrals: Referral[] }> {
  return apiRequest('GET', referralsPath(caseId));
}

export function prepareReferral(
  caseId: string,
  referral: {
    kind: ReferralKind;
    partyId?: string | undefined;
    recipientName?: string | undefined;
    summary?: string | undefined;
  },
): Promise<Referral> {
  return apiRequest('POST', referralsPath(caseId), { body: referral });
}

/** POST …/send — answers the receiving party's link once; it is not shown again. */
export function sendReferral(caseId: string, referralId: string, email: string | undefined): Promise<SendResult> {
  return apiRequest('POST', `${referralsPath(caseId)}/${encodeURIComponent(referralId)}/send`, {
    body: email ? { email } : {},
  });
}
