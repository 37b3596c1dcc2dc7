import type { Database } from '../../db/pool.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Mailer } from '../mail/mailer.ts';

/** What the case services need besides the acting user. */
export interface CaseDeps {
  db: Database;
  keyring: Keyring;
  mailer: Mailer;
  publicBaseUrl: string;
  /** The app's clock (tests control it). */
  clock: () => Date;
}

export type CaseStatus = 'new' | 'in_progress' | 'referred' | 'follow_up' | 'closed';
export const CASE_STATUSES = [
  'new',
  'in_progress',
  'referred',
  'follow_up',
  'closed',
] as const satisfies readonly CaseStatus[];
export type CaseOrigin = 'conversation' | 'walk_in' | 'phone' | 'manual';
export type ChildConsent = 'not_asked' | 'given' | 'refused';

/** How the actor came to see a case. */
export type CaseAccessVia = 'coordinator' | 'assignee' | 'break_glass';

/** How long a break-the-glass grant lasts. */
export const BREAK_GLASS_HOURS = 8;
