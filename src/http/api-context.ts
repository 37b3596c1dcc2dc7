import type { Database } from '../db/pool.ts';
import type { AlertEvents } from '../modules/alerts/alert-events.ts';
import type { AlertDeps } from '../modules/alerts/alerts.service.ts';
import type { Keyring } from '../modules/crypto/keyring.ts';
import type { ConversationEvents } from '../modules/conversations/conversation-events.ts';
import type { Clock } from '../modules/accounts/sessions.service.ts';
import type { Mailer } from '../modules/mail/mailer.ts';
import type { ApiRegistry } from './api-route.ts';

/** What API route modules are given: the database, keys, the clock, the mailer and the operation registry. */
export interface ApiContext {
  db: Database;
  /** Encryption at rest (conversations). */
  keyring: Keyring;
  /** Live conversation events from every instance (LISTEN opendeur_conversations). */
  conversationEvents: ConversationEvents;
  /** Live alert events from every instance (LISTEN opendeur_alerts). */
  alertEvents: AlertEvents;
  /** A child's code stops working after this many days without activity. */
  codeExpiryDays: number;
  clock: Clock;
  mailer: Mailer;
  publicBaseUrl: string;
  /** How on-call alerts go out (pg-boss queue, SMS gateway); without it, sent at once from this process. */
  alerting?: Pick<AlertDeps, 'queue' | 'sms' | 'log'>;
  registry: ApiRegistry;
}
