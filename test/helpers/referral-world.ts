import type { Actor } from '../../src/modules/accounts/actor.ts';
import type { CaseDeps } from '../../src/modules/cases/cases.types.ts';
import { createMailer } from '../../src/modules/mail/mailer.ts';
import { testClock, type TestClock } from './clock.ts';
import {
  AMSTERDAM,
  createConversationServiceWorld,
  ROTTERDAM,
  type ConversationServiceWorld,
} from './conversation-service-world.ts';
import type { DatabaseTarget } from './databases.ts';
import { insertTestCase } from './referral-case.ts';
import { startTestMailbox, type TestMailbox } from './smtp.ts';

/** The referral services' world: a database, case deps with a real SMTP server and a test clock, and staff. */
export interface ReferralWorld {
  world: ConversationServiceWorld;
  mailbox: TestMailbox;
  clock: TestClock;
  deps: CaseDeps;
  staff: Record<'coordinator' | 'responder' | 'colleague' | 'rotterdam', Actor>;
  /** A case of Amsterdam assigned to the responder. */
  newCase(options?: { childConsent?: 'not_asked' | 'given' | 'refused'; conversationId?: string }): Promise<string>;
  /** Rows as the owner sees them (past row-level security). */
  rows<Row extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Builds the world on `target`. */
export async function createReferralWorld(target: DatabaseTarget): Promise<ReferralWorld> {
  const world = await createConversationServiceWorld(target);
  const mailbox = await startTestMailbox();
  const clock = testClock(new Date('2026-03-02T09:00:00Z'));
  const mailer = createMailer({ smtpUrl: mailbox.url, from: 'opendeur@example.org', log: () => {} });
  const deps: CaseDeps = {
    db: world.deps.db,
    keyring: world.keyring,
    mailer,
    publicBaseUrl: 'https://opendeur.example',
    clock,
  };
  const staff = {
    coordinator: await world.addStaff({
      municipalityCode: AMSTERDAM,
      roles: ['municipal_coordinator'],
      name: 'Coördinator',
    }),
    responder: await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Hulpverlener' }),
    colleague: await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Collega' }),
    rotterdam: await world.addStaff({
      municipalityCode: ROTTERDAM,
      roles: ['municipal_coordinator'],
      name: 'Rotterdam',
    }),
  };
  return {
    world,
    mailbox,
    clock,
    deps,
    staff,
    newCase: (options = {}) =>
      insertTestCase(deps.db, world.keyring, {
        municipalityCode: AMSTERDAM,
        assigneeUserId: staff.responder.userId,
        now: clock(),
        ...options,
      }),
    rows: (text, values) => world.database.asOwner(text, values),
    async close() {
      mailer.close();
      await mailbox.stop();
      await world.close();
    },
  };
}
