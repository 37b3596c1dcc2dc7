import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { inTenant } from '../../db/tenant.ts';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import {
  changePasswordRequestSchema,
  recoveryCodesViewSchema,
  sessionListSchema,
  totpConfirmRequestSchema,
  totpEnrolmentSchema,
} from './accounts.schema.ts';
import { ownAccountAuditEntry } from './actor.ts';
import {
  assertMayEnrol,
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from './enrolment.service.ts';
import { checkNewPasswordOrThrow } from './passwords.ts';
import { hashPassword, verifyPassword } from './password-policy.ts';
import { finishEnrolmentSignIn } from './session.routes.ts';
import { listActiveSessions, revokeSession, revokeUserSessions } from './sessions.repository.ts';
import { ownScope } from './sessions.service.ts';
import { findSecondFactors, updateUser } from './users.repository.ts';

/** The account page: second factors, recovery codes, password, sessions. */
export function registerAccountRoutes(app: FastifyInstance, context: ApiContext) {
  const { db, clock, registry } = context;

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/account/totp',
      policy: 'second-factor',
      summary: 'Start setting up an authenticator app',
      response: totpEnrolmentSchema,
    },
    async (request) => {
      const actor = actorOf(request);
      await assertMayEnrol(db, actor);
      return startTotpEnrolment(db, actor);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/account/totp/confirm',
      policy: 'second-factor',
      summary: 'Confirm the authenticator app with a code; answers new recovery codes if none are left',
      body: totpConfirmRequestSchema,
      response: recoveryCodesViewSchema,
    },
    async (request, reply, { body }) => {
      const actor = actorOf(request);
      await assertMayEnrol(db, actor);
      const recoveryCodes = await confirmTotpEnrolment(db, actor, body.code, clock());
      await finishEnrolmentSignIn(context, request, reply, actor, 'totp_enrolment');
      return { recoveryCodes };
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/account/recovery-codes',
      policy: 'staff',
      summary: 'Replace the recovery codes with ten new ones',
      response: recoveryCodesViewSchema,
    },
    async (request) => ({
      recoveryCodes: await regenerateRecoveryCodes(db, actorOf(request)),
    }),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/account/password',
      policy: 'staff',
      summary: 'Change the password; ends every other session',
      body: changePasswordRequestSchema,
    },
    async (request, _reply, { body }) => {
      const actor = actorOf(request);
      await checkNewPasswordOrThrow(body.newPassword, actor.email, 'newPassword');
      await inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
        const factors = await findSecondFactors(tx, actor.userId);
        if (!(await verifyPassword(factors?.passwordHash, body.currentPassword)))
          throw apiError('password.wrong_current', {}, 'currentPassword');
        await updateUser(tx, actor.userId, { passwordHash: await hashPassword(body.newPassword) });
        await revokeUserSessions(tx, actor.userId, clock(), actor.session.tokenHash);
        await appendAudit(tx, ownAccountAuditEntry(actor, 'account.password_changed'));
      });
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/account/sessions',
      policy: 'staff',
      summary: 'My active sessions',
      response: sessionListSchema,
    },
    async (request) => {
      const actor = actorOf(request);
      const sessions = await inTenant(db, ownScope(actor.municipalityCode), (tx) =>
        listActiveSessions(tx, actor.userId, clock()),
      );
      return {
        sessions: sessions.map((session) => ({
          // The list shows a short prefix of the token's hash: enough to tell sessions apart, useless to steal one.
          id: session.tokenHash.slice(0, 16),
          current: session.tokenHash === actor.session.tokenHash,
          userAgent: session.userAgent,
          createdAt: session.createdAt.toISOString(),
          lastSeenAt: session.lastSeenAt.toISOString(),
        })),
      };
    },
  );

  apiRoute(
    app,
    registry,
    { method: 'DELETE', url: '/api/v1/account/sessions/:id', policy: 'staff', summary: 'Sign out one of my sessions' },
    async (request) => {
      const actor = actorOf(request);
      const { id } = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) }).parse(request.params);
      await inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
        const sessions = await listActiveSessions(tx, actor.userId, clock());
        const session = sessions.find((candidate) => candidate.tokenHash.startsWith(id));
        if (!session) throw apiError('not_found');
        await revokeSession(tx, session.tokenHash, clock());
        await appendAudit(tx, ownAccountAuditEntry(actor, 'account.session_revoked'));
      });
    },
  );

  apiRoute(
    app,
    registry,
    { method: 'DELETE', url: '/api/v1/account/sessions', policy: 'staff', summary: 'Sign out everywhere else' },
    async (request) => {
      const actor = actorOf(request);
      await inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
        const count = await revokeUserSessions(tx, actor.userId, clock(), actor.session.tokenHash);
        await appendAudit(tx, {
          ...ownAccountAuditEntry(actor, 'account.signed_out_everywhere'),
          details: { sessions: count },
        });
      });
    },
  );
}
