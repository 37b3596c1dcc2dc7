import type { Database } from '../db/pool.ts';
import type { Clock } from '../modules/accounts/sessions.service.ts';
import type { Mailer } from '../modules/mail/mailer.ts';
import type { ApiRegistry } from './api-route.ts';

/** What API route modules are given: the database, the clock, the mailer and the operation registry. */
export interface ApiContext {
  db: Database;
  clock: Clock;
  mailer: Mailer;
  publicBaseUrl: string;
  registry: ApiRegistry;
}
