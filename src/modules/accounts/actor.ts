import type { TenantScope } from '../../db/tenant.ts';
import type { StaffRole } from './accounts.schema.ts';

/** The signed-in staff member behind a request, as the policies and services see them. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  municipalityCode: string | null;
  roles: StaffRole[];
  locale: 'nl' | 'en';
  session: { tokenHash: string; stage: 'password' | 'full'; csrfToken: string; expiresAt: Date };
}

/** The rows an actor may see: national coordinators all municipalities, everyone else their own. */
export function scopeOf(actor: Pick<Actor, 'roles' | 'municipalityCode'>): TenantScope {
  if (actor.roles.includes('national_coordinator')) return { kind: 'national' };
  return actor.municipalityCode ? { kind: 'municipality', code: actor.municipalityCode } : { kind: 'none' };
}

/** The role an audit entry names: the most privileged one the actor holds. */
export function auditRoleOf(actor: Pick<Actor, 'roles'>): string | null {
  const order: StaffRole[] = [
    'national_coordinator',
    'municipal_coordinator',
    'privacy_officer',
    'responder',
    'front_desk',
  ];
  return order.find((role) => actor.roles.includes(role)) ?? null;
}

/** An audit entry about something the actor did to their own account (sign-in, second factors, sessions). */
export function ownAccountAuditEntry(actor: Actor, action: string, details?: Record<string, string | number>) {
  return {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode: actor.municipalityCode,
    action,
    objectType: 'staff_user',
    objectId: actor.userId,
    ...(details ? { details } : {}),
  };
}
