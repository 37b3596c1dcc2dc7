import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { StaffRole } from '../../src/modules/accounts/accounts.schema.ts';
import type { Actor } from '../../src/modules/accounts/actor.ts';
import type { NotificationDeps } from '../../src/modules/conversations/conversation-notifications.ts';
import type { NewConversationInput } from '../../src/modules/conversations/conversations.types.ts';
import { Keyring } from '../../src/modules/crypto/keyring.ts';
import type { MailMessage, Mailer } from '../../src/modules/mail/mailer.ts';
import type { DatabaseTarget } from './databases.ts';
import { AMSTERDAM, createTenantDatabase, ROTTERDAM, type TenantDatabase } from './tenant-database.ts';

/** A mailer that keeps what it was given, for tests that check what the team is told. */
export class CapturingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  readonly #waiters: Array<() => void> = [];

  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    for (const wake of this.#waiters.splice(0)) wake();
  }

  close(): void {}

  /** Resolves once at least `count` e-mails were sent (fails after 5 s). */
  async waitFor(count: number): Promise<MailMessage[]> {
    const deadline = Date.now() + 5000;
    while (this.sent.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} e-mails, got ${this.sent.length}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.sent;
  }
}

/** A database with both municipalities, a keyring, a capturing mailer and a way to add staff. */
export interface ConversationServiceWorld {
  database: TenantDatabase;
  keyring: Keyring;
  mailer: CapturingMailer;
  deps: NotificationDeps & { logged: string[] };
  /** Adds a staff member (as the owner) and answers them as an actor. */
  addStaff(options: {
    municipalityCode: string | null;
    roles: StaffRole[];
    name: string;
    locale?: 'nl' | 'en';
    active?: boolean;
  }): Promise<Actor>;
  close(): Promise<void>;
}

/** Builds the world on `target`; `close` drops the database and removes the key file. */
export async function createConversationServiceWorld(target: DatabaseTarget): Promise<ConversationServiceWorld> {
  const database = await createTenantDatabase(target);
  const directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-conversations-'));
  const keyring = await Keyring.open(path.join(directory, 'master.key'), database.owner.db);
  const mailer = new CapturingMailer();
  const logged: string[] = [];
  let counter = 0;
  return {
    database,
    keyring,
    mailer,
    deps: {
      db: database.app.db,
      keyring,
      mailer,
      publicBaseUrl: 'https://opendeur.example',
      codeExpiryDays: 90,
      log: (message) => logged.push(message),
      logged,
    },
    async addStaff({ municipalityCode, roles, name, locale = 'nl', active = true }) {
      counter += 1;
      const email = `staff${counter}.${(municipalityCode ?? 'national').toLowerCase()}@example.org`;
      const [user] = await database.asOwner<{ id: string }>(
        `INSERT INTO staff_users (municipality_code, email, display_name, password_hash, locale, active)
         VALUES ($1, $2, $3, 'argon2id-hash', $4, $5) RETURNING id`,
        [municipalityCode, email, name, locale, active],
      );
      for (const role of roles) {
        await database.asOwner('INSERT INTO staff_roles (user_id, municipality_code, role) VALUES ($1, $2, $3)', [
          user!.id,
          role === 'national_coordinator' ? null : municipalityCode,
          role,
        ]);
      }
      return {
        userId: user!.id,
        email,
        displayName: name,
        municipalityCode,
        roles,
        locale,
        session: { tokenHash: 'x', stage: 'full', csrfToken: 'x', expiresAt: new Date(Date.now() + 3_600_000) },
      };
    },
    async close() {
      await database.drop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** A child's first message with everything filled in, and a fresh token. */
export function childMessage(overrides: Partial<NewConversationInput> = {}): NewConversationInput {
  return {
    message: 'Er staat al weken een kapotte lantaarnpaal bij de speeltuin',
    name: 'Noor',
    ageRange: '12_15',
    contact: { preference: 'email', detail: 'noor.geheim@example.org' },
    submissionToken: `token-${Math.random().toString(36).slice(2)}`,
    ...overrides,
  };
}

export { AMSTERDAM, ROTTERDAM };
