import type { Database } from '../../db/pool.ts';
import type { AlertDeps } from '../alerts/alerts.service.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { Mailer } from '../mail/mailer.ts';

/** Where a conversation stands for the team. */
export type ConversationStatus = 'new' | 'open' | 'waiting' | 'closed';
/** How the child said we may reach them; `code` (only here, with my code) is the default. */
export type ContactPreference = 'code' | 'phone' | 'email';
/** The optional age range a child may give. */
export type AgeRange = 'under_12' | '12_15' | '16_18' | 'over_18';

export const AGE_RANGES = ['under_12', '12_15', '16_18', 'over_18'] as const satisfies readonly AgeRange[];
export const CONTACT_PREFERENCES = ['code', 'phone', 'email'] as const satisfies readonly ContactPreference[];

/** Limits on what a child may send (the form, the service and the API all use these). */
export const MESSAGE_MAX_CHARS = 5000;
export const NAME_MAX_CHARS = 80;
export const CONTACT_MAX_CHARS = 200;

/** What the conversation services need besides the acting user. */
export interface ConversationDeps {
  db: Database;
  keyring: Keyring;
  mailer: Mailer;
  publicBaseUrl: string;
  /** A code stops working after this many days without a message on either side. */
  codeExpiryDays: number;
  /** The app's clock (tests control it); staff actions are stamped with it. */
  clock?: () => Date;
  /** How alerts go out (the job queue, SMS); without it they are sent from this process at once. */
  alerting?: Pick<AlertDeps, 'queue' | 'sms' | 'log'>;
}

/** The child's first message, already validated by the route (lengths, ranges, contact detail present). */
export interface NewConversationInput {
  message: string;
  name?: string;
  ageRange?: AgeRange;
  contact: { preference: 'code' } | { preference: 'phone' | 'email'; detail: string };
  /** The form's one-time token: the same form sent twice stores one conversation. */
  submissionToken: string;
}

/** A message as the child sees it: their own, and the municipality's replies (never notes, never staff names). */
export interface ChildMessageView {
  id: string;
  author: 'child' | 'staff';
  body: string;
  createdAt: Date;
}

/** The conversation as the child sees it after entering their code. */
export interface ChildConversationView {
  id: string;
  municipalityCode: string;
  status: ConversationStatus;
  messages: ChildMessageView[];
  /** A party the case was referred to confirmed it: the child sees "someone is helping you", nothing more. */
  someoneHelps?: boolean;
}

/** Outcomes of the child's actions that need a code. */
export type CodeLookupFailure = { kind: 'not_found' } | { kind: 'expired' };
