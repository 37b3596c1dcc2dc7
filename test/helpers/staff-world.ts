import type { StaffRole } from '../../src/modules/accounts/accounts.schema.ts';
import { ApiClient } from './api-client.ts';
import type { AccountsApp } from './accounts-app.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from './staff.ts';

/** The people of the security tests, one per role and municipality, each with a full session. */
export const PERSONAS = {
  national: { municipalityCode: null, roles: ['national_coordinator'] },
  amsterdamCoordinator: { municipalityCode: 'GM0363', roles: ['municipal_coordinator'] },
  amsterdamResponder: { municipalityCode: 'GM0363', roles: ['responder'] },
  amsterdamFrontDesk: { municipalityCode: 'GM0363', roles: ['front_desk'] },
  amsterdamPrivacyOfficer: { municipalityCode: 'GM0363', roles: ['privacy_officer'] },
  rotterdamCoordinator: { municipalityCode: 'GM0599', roles: ['municipal_coordinator'] },
  rotterdamPrivacyOfficer: { municipalityCode: 'GM0599', roles: ['privacy_officer'] },
} as const satisfies Record<string, { municipalityCode: string | null; roles: readonly StaffRole[] }>;

export type PersonaName = keyof typeof PERSONAS;

/** Everyone, plus members who are only ever acted upon, and a session still at the password step. */
export interface StaffWorld {
  people: Record<PersonaName, StaffMember>;
  /** GM0363 members to change the roles of, and to deactivate. */
  amsterdamTarget: StaffMember;
  amsterdamToDeactivate: StaffMember;
  rotterdamTarget: StaffMember;
  /** A GM0363 responder who signed in with the password and not yet with the second factor. */
  halfMember: StaffMember;
  halfSignedIn: ApiClient;
}

/** Builds the world through the API: setup, invitations by e-mail, TOTP enrolment. */
export async function buildStaffWorld({ app, clock, mailbox }: AccountsApp): Promise<StaffWorld> {
  const national = await setUpFirstCoordinator(app, clock, 'national@example.org');
  const people = { national } as Record<PersonaName, StaffMember>;
  const add = (email: string, invitee: { municipalityCode: string | null; roles: readonly StaffRole[] }) =>
    addStaff(app, clock, mailbox, national, {
      email,
      municipalityCode: invitee.municipalityCode,
      roles: [...invitee.roles],
    });
  for (const [name, persona] of Object.entries(PERSONAS) as Array<[PersonaName, (typeof PERSONAS)[PersonaName]]>) {
    if (name !== 'national') people[name] = await add(`${name.toLowerCase()}@example.org`, persona);
  }
  const amsterdamTarget = await add('target.amsterdam@example.org', {
    municipalityCode: 'GM0363',
    roles: ['responder'],
  });
  const amsterdamToDeactivate = await add('weg.amsterdam@example.org', {
    municipalityCode: 'GM0363',
    roles: ['front_desk'],
  });
  const rotterdamTarget = await add('target.rotterdam@example.org', {
    municipalityCode: 'GM0599',
    roles: ['responder'],
  });
  const halfMember = await add('half.amsterdam@example.org', { municipalityCode: 'GM0363', roles: ['responder'] });
  const halfSignedIn = new ApiClient(app.baseUrl);
  const password = await halfSignedIn.post('/api/v1/session', {
    email: halfMember.email,
    password: halfMember.password,
  });
  if (password.status !== 200) throw new Error(`password step: ${password.text}`);
  return { people, amsterdamTarget, amsterdamToDeactivate, rotterdamTarget, halfMember, halfSignedIn };
}
