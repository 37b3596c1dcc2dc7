/** Who may see which page, and which roles a coordinator may hand out. */
import type { SessionView, StaffRole } from '../api/contract-types.ts';

export const ALL_ROLES: readonly StaffRole[] = [
  'national_coordinator',
  'municipal_coordinator',
  'responder',
  'front_desk',
  'privacy_officer',
];

/** Roles held within a municipality (everything but national coordinator). */
export const MUNICIPAL_ROLES: readonly StaffRole[] = ALL_ROLES.filter((role) => role !== 'national_coordinator');

export const TEAM_MANAGERS: readonly StaffRole[] = ['national_coordinator', 'municipal_coordinator'];
export const AUDIT_READERS: readonly StaffRole[] = ['national_coordinator', 'privacy_officer'];
/** Who reads and answers the children's messages (the API's 'responder' policy; not national). */
export const RESPONDERS: readonly StaffRole[] = ['responder', 'municipal_coordinator'];
/** Who uses the front desk screen ("Kind aan de balie"). */
export const FRONT_DESK: readonly StaffRole[] = ['front_desk', 'responder', 'municipal_coordinator'];

/** Whether the user holds at least one of `roles`. */
export function hasAnyRole(session: SessionView | null, roles: readonly StaffRole[]): boolean {
  return session?.user.roles.some((role) => roles.includes(role)) ?? false;
}

export function isNationalCoordinator(session: SessionView | null): boolean {
  return hasAnyRole(session, ['national_coordinator']);
}

/** The roles one can give someone in this scope: a municipality's roles, or (no municipality) national. */
export function rolesForScope(municipalityCode: string | null): readonly StaffRole[] {
  return municipalityCode ? MUNICIPAL_ROLES : ['national_coordinator'];
}
