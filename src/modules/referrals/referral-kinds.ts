import { referralKind } from './referrals.tables.ts';

/** Where a case can be referred to; `directory` is a party from the municipality's own directory. */
export type ReferralKind = (typeof referralKind.enumValues)[number];
export const REFERRAL_KINDS = referralKind.enumValues;

/** What kind a directory party is: every referral kind except `directory` itself. */
export type PartyKind = Exclude<ReferralKind, 'directory'>;
export const PARTY_KINDS = REFERRAL_KINDS.filter((kind): kind is PartyKind => kind !== 'directory') as [
  PartyKind,
  ...PartyKind[],
];

/** The receiving party's name when the team gives none. */
export const DEFAULT_RECIPIENT: Record<PartyKind, string> = {
  veilig_thuis_advice: 'Veilig Thuis',
  veilig_thuis_report: 'Veilig Thuis',
  police: 'Politie',
  kindertelefoon: 'De Kindertelefoon',
  wijkteam: 'Wijkteam / jeugdhulp',
  zorg_veiligheidshuis: 'Zorg- en Veiligheidshuis',
  gp: 'Huisarts',
};

/** How the receiving party's page names the kind of referral (Dutch: the page is for Dutch professionals). */
export const KIND_LABEL_NL: Record<ReferralKind, string> = {
  veilig_thuis_advice: 'Advies bij Veilig Thuis',
  veilig_thuis_report: 'Melding bij Veilig Thuis',
  police: 'Politie',
  kindertelefoon: 'De Kindertelefoon',
  wijkteam: 'Wijkteam / jeugdhulp',
  zorg_veiligheidshuis: 'Zorg- en Veiligheidshuis',
  gp: 'Huisarts',
  directory: 'Doorverwijzing',
};

/**
 * Under the Meldcode Veilig Thuis may be consulted or told, and the police called, without the
 * child's consent (the professional's right to report, the meldrecht); every other party is told
 * only with it.
 */
const WITHOUT_CONSENT = new Set<ReferralKind>(['veilig_thuis_advice', 'veilig_thuis_report', 'police']);

/** Whether a referral of this kind needs the child's consent. */
export function needsConsent(kind: ReferralKind): boolean {
  return !WITHOUT_CONSENT.has(kind);
}

/** Feedback of the receiving party: short. */
export const FEEDBACK_MAX_CHARS = 1000;

/** How long the receiving party's link works. */
export const LINK_VALID_DAYS = 14;
