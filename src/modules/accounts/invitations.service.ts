import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Mailer } from '../mail/mailer.ts';
import { findMunicipalityByCode } from '../municipalities/municipalities.repository.ts';
import type { StaffRole } from './accounts.schema.ts';
import { staffInvitations } from './accounts.tables.ts';
import { auditRoleOf, type Actor } from './actor.ts';
import { checkNewPasswordOrThrow } from './passwords.ts';
import { hashPassword } from './password-policy.ts';
import { randomToken, tokenHash } from './secrets.ts';
import { ownScope, startSession } from './sessions.service.ts';
import type { IssuedSession } from './sign-in.service.ts';
import { findUserForSignIn, insertUser } from './users.repository.ts';

export const INVITATION_TTL_MS = 72 * 60 * 60_000;

/** What an invitation is for. */
export interface InvitationRequest {
  email: string;
  displayName: string;
  municipalityCode: string | null;
  roles: StaffRole[];
}

/**
 * Invites a staff member by e-mail with a single-use link valid 72 hours. A municipal coordinator
 * invites only for their own municipality and never a national coordinator.
 */
export async function createInvitation(
  db: Database,
  actor: Actor,
  request: InvitationRequest,
  delivery: { mailer: Mailer; baseUrl: string },
  now: Date,
): Promise<{ id: string }> {
  const national = actor.roles.includes('national_coordinator');
  const invitesNational = request.roles.includes('national_coordinator');
  if (invitesNational && (!national || request.roles.length > 1))
    throw apiError('invitation.role_not_allowed', {}, 'roles');
  const municipalityCode = invitesNational ? null : request.municipalityCode;
  if (!invitesNational && !municipalityCode)
    throw apiError('request.invalid', { detail: 'municipalityCode' }, 'municipalityCode');
  if (!national && municipalityCode !== actor.municipalityCode) {
    throw apiError('invitation.wrong_municipality', {}, 'municipalityCode');
  }
  if (municipalityCode) {
    const municipality = await findMunicipalityByCode(db, municipalityCode);
    if (!municipality || municipality.endedOn)
      throw apiError('invitation.unknown_municipality', {}, 'municipalityCode');
  }
  if (await findUserForSignIn(db, request.email)) throw apiError('invitation.email_taken', {}, 'email');
  const roles = [...new Set(request.roles)];

  const token = randomToken();
  const id = await inTenant(
    db,
    municipalityCode ? { kind: 'municipality', code: municipalityCode } : { kind: 'national' },
    async (tx) => {
      const [created] = await tx
        .insert(staffInvitations)
        .values({
          tokenHash: tokenHash(token),
          email: request.email,
          displayName: request.displayName,
          municipalityCode,
          roles,
          invitedBy: actor.userId,
          createdAt: now,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        })
        .returning({ id: staffInvitations.id });
      await appendAudit(tx, {
        actorUserId: actor.userId,
        actorRole: auditRoleOf(actor),
        municipalityCode,
        action: 'invitation.created',
        objectType: 'staff_invitation',
        objectId: created!.id,
        details: { roles: roles.join(',') },
      });
      return created!.id;
    },
  );

  await delivery.mailer.send({
    to: request.email,
    subject: 'Uitnodiging voor opendeur / Invitation to opendeur',
    text: invitationText(
      request.displayName,
      actor.displayName,
      `${delivery.baseUrl}/beheer/uitnodiging#token=${token}`,
    ),
  });
  return { id };
}

function invitationText(name: string, inviter: string, link: string): string {
  return [
    `Beste ${name},`,
    '',
    `${inviter} nodigt je uit voor opendeur, het systeem waarmee jouw gemeente kinderen hoort die bij de burgemeester aankloppen.`,
    'Open deze link om je account te maken (de link werkt één keer en 72 uur lang):',
    link,
    '',
    `Dear ${name}, ${inviter} invites you to opendeur. Open the link above to create your account (it works once, for 72 hours).`,
  ].join('\n');
}

/** The invitation behind a link, or why it no longer works. */
export async function findInvitation(db: Database, token: string, now: Date) {
  const result = await db.execute<{
    id: string;
    email: string;
    display_name: string;
    municipality_code: string | null;
    roles: string;
    expires_at: string;
    accepted_at: string | null;
  }>(sql`SELECT * FROM auth_find_invitation(${tokenHash(token)})`);
  const row = result.rows[0];
  if (!row) throw apiError('invitation.invalid');
  if (row.accepted_at) throw apiError('invitation.used');
  if (new Date(row.expires_at) <= now) throw apiError('invitation.expired');
  const roles = (
    Array.isArray(row.roles) ? row.roles : String(row.roles).replace(/[{}]/g, '').split(',')
  ) as StaffRole[];
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    municipalityCode: row.municipality_code,
    roles,
    expiresAt: new Date(row.expires_at),
  };
}

/** Accepts an invitation: creates the account and a session that must set up a second factor. */
export async function acceptInvitation(
  db: Database,
  token: string,
  password: string,
  userAgent: string | null,
  now: Date,
): Promise<IssuedSession> {
  const invitation = await findInvitation(db, token, now);
  await checkNewPasswordOrThrow(password, invitation.email);
  const passwordHash = await hashPassword(password);
  const user = await inTenant(db, ownScope(invitation.municipalityCode), async (tx) => {
    const claimed = await tx
      .update(staffInvitations)
      .set({ acceptedAt: now })
      .where(and(eq(staffInvitations.id, invitation.id), isNull(staffInvitations.acceptedAt)))
      .returning({ id: staffInvitations.id });
    if (claimed.length === 0) throw apiError('invitation.used');
    // Another invitation for the same address may have been accepted meanwhile.
    if (await findUserForSignIn(tx, invitation.email)) throw apiError('invitation.email_taken');
    const id = await insertUser(tx, {
      email: invitation.email,
      displayName: invitation.displayName,
      municipalityCode: invitation.municipalityCode,
      passwordHash,
      roles: invitation.roles,
    });
    await appendAudit(tx, {
      actorUserId: id,
      actorRole: invitation.roles[0] ?? null,
      municipalityCode: invitation.municipalityCode,
      action: 'invitation.accepted',
      objectType: 'staff_invitation',
      objectId: invitation.id,
    });
    return { id, municipalityCode: invitation.municipalityCode };
  });
  return startSession(db, user, 'password', userAgent, now);
}
