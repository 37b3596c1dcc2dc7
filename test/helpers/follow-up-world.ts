import type { Database } from '../../src/db/pool.ts';
import { createMailer } from '../../src/modules/mail/mailer.ts';
import type { Mailer } from '../../src/modules/mail/mailer.ts';
import { startAccountsApp, type AccountsApp } from './accounts-app.ts';
import type { DatabaseTarget } from './databases.ts';
import { insertFollowUpCase, type FollowUpCaseOptions } from './follow-up-case.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from './staff.ts';

/** The real app with Amsterdam's coordinator, a responder (who gets the cases) and a colleague (who does not). */
export interface FollowUpWorld extends AccountsApp {
  coordinator: StaffMember;
  responder: StaffMember;
  colleague: StaffMember;
  /** What the sweeps need, with a mailer to the test SMTP server. */
  sweepDeps(): { db: Database; mailer: Mailer; publicBaseUrl: string };
  /** A case in GM0363 assigned to the responder, opened now (see insertFollowUpCase). */
  insertCase(options?: Partial<FollowUpCaseOptions>): Promise<string>;
  /** SQL as the owner (bypasses row-level security), for checking what was stored. */
  owner<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  /** The audit actions on a case, oldest first. */
  auditActions(caseId: string): Promise<string[]>;
}

/** Starts the app (real SMTP, test clock) and makes the three staff members through invitations. */
export async function startFollowUpWorld(target: DatabaseTarget): Promise<FollowUpWorld> {
  const world = await startAccountsApp(target);
  const national = await setUpFirstCoordinator(world.app, world.clock);
  const add = (email: string, roles: Array<'municipal_coordinator' | 'responder'>) =>
    addStaff(world.app, world.clock, world.mailbox, national, { email, municipalityCode: 'GM0363', roles });
  const coordinator = await add('coordinator.volg@example.org', ['municipal_coordinator']);
  const responder = await add('hulp.volg@example.org', ['responder']);
  const colleague = await add('collega.volg@example.org', ['responder']);
  const owner = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await world.app.owner.pool.query<T>(text, values)).rows;
  return {
    ...world,
    coordinator,
    responder,
    colleague,
    sweepDeps: () => ({
      db: world.app.server.database.db,
      mailer: createMailer({ smtpUrl: world.mailbox.url, from: 'opendeur@example.org', log: () => {} }),
      publicBaseUrl: 'https://opendeur.example',
    }),
    insertCase: (options = {}) =>
      insertFollowUpCase(world.app.server.database.db, world.app.server.keyring, {
        municipalityCode: 'GM0363',
        assigneeUserId: responder.userId,
        at: world.clock(),
        ...options,
      }),
    owner,
    auditActions: async (caseId) =>
      (await owner<{ action: string }>('SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id', [caseId])).map(
        (row) => row.action,
      ),
  };
}
