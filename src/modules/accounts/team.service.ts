import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant, type TenantScope } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { StaffRole } from './accounts.schema.ts';
import { staffInvitations, staffRoles, staffUsers } from './accounts.tables.ts';
import { auditRoleOf, scopeOf, type Actor } from './actor.ts';
import { revokeUserSessions } from './sessions.repository.ts';
import { replaceRoles, updateUser } from './users.repository.ts';

/**
 * The scope a coordinator works in: a municipal coordinator always their own municipality; a
 * national coordinator the municipality they ask for, or the national team when they ask for none.
 */
function teamScope(actor: Actor, municipalityCode: string | undefined): TenantScope {
  if (actor.roles.includes('national_coordinator')) {
    return municipalityCode ? { kind: 'municipality', code: municipalityCode } : { kind: 'national' };
  }
  // Asking for another municipality's team is refused, not quietly answered with one's own.
  if (municipalityCode && municipalityCode !== actor.municipalityCode) throw apiError('auth.forbidden');
  return scopeOf(actor);
}

/** Members and open invitations of one municipality (or the national coordinators). */
export async function listTeam(db: Database, actor: Actor, municipalityCode: string | undefined) {
  const scope = teamScope(actor, municipalityCode);
  const wanted = scope.kind === 'municipality' ? scope.code : null;
  return inTenant(db, scope, async (tx) => {
    const members = await tx
      .select({
        id: staffUsers.id,
        email: staffUsers.email,
        displayName: staffUsers.displayName,
        municipalityCode: staffUsers.municipalityCode,
        active: staffUsers.active,
        secondFactor: sql<boolean>`${staffUsers.totpConfirmedAt} IS NOT NULL OR EXISTS (SELECT 1 FROM staff_passkeys p WHERE p.user_id = ${staffUsers.id})`,
        roles: sql<
          StaffRole[]
        >`coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM staff_roles r WHERE r.user_id = ${staffUsers.id}), '{}')`,
      })
      .from(staffUsers)
      .where(wanted ? eq(staffUsers.municipalityCode, wanted) : sql`${staffUsers.municipalityCode} IS NULL`)
      .orderBy(asc(staffUsers.displayName));
    const invitations = await tx
      .select({
        id: staffInvitations.id,
        email: staffInvitations.email,
        displayName: staffInvitations.displayName,
        roles: staffInvitations.roles,
        expiresAt: staffInvitations.expiresAt,
        acceptedAt: staffInvitations.acceptedAt,
      })
      .from(staffInvitations)
      .where(wanted ? eq(staffInvitations.municipalityCode, wanted) : sql`${staffInvitations.municipalityCode} IS NULL`)
      .orderBy(asc(staffInvitations.createdAt));
    await appendAudit(tx, auditEntry(actor, wanted, 'team.viewed', 'municipality', wanted ?? 'national'));
    return {
      members: members.map((member) => ({ ...member, roles: parseRoles(member.roles) })),
      invitations: invitations.map((invitation) => ({
        id: invitation.id,
        email: invitation.email,
        displayName: invitation.displayName,
        roles: invitation.roles,
        expiresAt: invitation.expiresAt.toISOString(),
        accepted: invitation.acceptedAt !== null,
      })),
    };
  });
}

/** Gives a member exactly `roles`. Only a national coordinator gives or takes the national role. */
export async function changeRoles(db: Database, actor: Actor, userId: string, roles: StaffRole[]) {
  const national = actor.roles.includes('national_coordinator');
  await inTenant(db, scopeOf(actor), async (tx) => {
    const member = await findMember(tx, userId);
    const touchesNational = roles.includes('national_coordinator') || member.roles.includes('national_coordinator');
    if (touchesNational && !national) throw apiError('invitation.role_not_allowed', {}, 'roles');
    if (roles.includes('national_coordinator') !== (member.municipalityCode === null)) {
      throw apiError('invitation.role_not_allowed', {}, 'roles');
    }
    await replaceRoles(tx, userId, member.municipalityCode, roles);
    await appendAudit(tx, {
      ...auditEntry(actor, member.municipalityCode, 'team.roles_changed', 'staff_user', userId),
      details: { from: member.roles.join(','), to: roles.join(',') },
    });
  });
}

/** Deactivates a member: they cannot sign in, and every session of theirs ends now. */
export async function deactivateMember(db: Database, actor: Actor, userId: string, now: Date) {
  // Nobody locks themselves out (the last national coordinator could not be brought back).
  if (userId === actor.userId) throw apiError('team.cannot_deactivate_self');
  await inTenant(db, scopeOf(actor), async (tx) => {
    const member = await findMember(tx, userId);
    if (member.roles.includes('national_coordinator') && !actor.roles.includes('national_coordinator')) {
      throw apiError('auth.forbidden');
    }
    await updateUser(tx, userId, { active: false });
    await revokeUserSessions(tx, userId, now);
    await appendAudit(tx, auditEntry(actor, member.municipalityCode, 'team.member_deactivated', 'staff_user', userId));
  });
}

async function findMember(tx: Parameters<Parameters<typeof inTenant>[2]>[0], userId: string) {
  const [member] = await tx
    .select({ municipalityCode: staffUsers.municipalityCode })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  // Row-level security hides other municipalities' members: for this actor they do not exist.
  if (!member) throw apiError('team.not_found');
  const roles = await tx.select({ role: staffRoles.role }).from(staffRoles).where(eq(staffRoles.userId, userId));
  return { municipalityCode: member.municipalityCode, roles: roles.map((row) => row.role) };
}

function parseRoles(value: StaffRole[] | string): StaffRole[] {
  return Array.isArray(value) ? value : (value.replace(/[{}]/g, '').split(',').filter(Boolean) as StaffRole[]);
}

function auditEntry(
  actor: Actor,
  municipalityCode: string | null,
  action: string,
  objectType: string,
  objectId: string,
) {
  return { actorUserId: actor.userId, actorRole: auditRoleOf(actor), municipalityCode, action, objectType, objectId };
}
