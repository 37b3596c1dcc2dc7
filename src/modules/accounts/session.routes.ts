import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { inTenant } from '../../db/tenant.ts';
import { actorOf, anonymousCsrfToken, clearSessionCookie, setSessionCookie } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import {
  csrfViewSchema,
  recoveryCodeRequestSchema,
  sessionViewSchema,
  setupRequestSchema,
  signInRequestSchema,
  totpRequestSchema,
  type SessionView,
} from './accounts.schema.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findMunicipalityByCode } from '../municipalities/municipalities.repository.ts';
import { auditRoleOf, type Actor } from './actor.ts';
import { secondFactorSummary } from './enrolment.service.ts';
import { revokeSession } from './sessions.repository.ts';
import { ownScope, resolveSession } from './sessions.service.ts';
import { completeSetup } from './setup.service.ts';
import {
  completeWithRecoveryCode,
  completeWithTotp,
  signInWithPassword,
  type IssuedSession,
  finishSecondFactor,
} from './sign-in.service.ts';

/** Sign-in, the second step, sign-out and first-run setup. */
export function registerSessionRoutes(app: FastifyInstance, context: ApiContext) {
  const { db, clock, registry } = context;
  const source = attemptSource;

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/csrf',
      policy: 'anonymous-api',
      summary: 'A CSRF token for requests before signing in',
      response: csrfViewSchema,
    },
    async (request, reply) => ({
      csrfToken: request.actor?.session.csrfToken ?? anonymousCsrfToken(request, reply),
    }),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/session',
      policy: 'second-factor',
      summary: 'The signed-in user',
      response: sessionViewSchema,
    },
    async (request) => sessionView(context, actorOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/session',
      policy: 'anonymous-api',
      summary: 'Sign in with e-mail and password (step one)',
      body: signInRequestSchema,
      response: sessionViewSchema,
    },
    async (request, reply, { body }) => {
      const issued = await signInWithPassword(db, body, source(request), clock());
      return sendNewSession(context, request, reply, issued);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/session/totp',
      policy: 'second-factor',
      summary: 'Step two: authenticator code',
      body: totpRequestSchema,
      response: sessionViewSchema,
    },
    async (request, reply, { body }) => {
      const issued = await completeWithTotp(db, actorOf(request), body.code, source(request), clock());
      return sendNewSession(context, request, reply, issued);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/session/recovery-code',
      policy: 'second-factor',
      summary: 'Step two: a single-use recovery code',
      body: recoveryCodeRequestSchema,
      response: sessionViewSchema,
    },
    async (request, reply, { body }) => {
      const issued = await completeWithRecoveryCode(db, actorOf(request), body.code, source(request), clock());
      return sendNewSession(context, request, reply, issued);
    },
  );

  apiRoute(
    app,
    registry,
    { method: 'DELETE', url: '/api/v1/session', policy: 'second-factor', summary: 'Sign out' },
    async (request, reply) => {
      const actor = actorOf(request);
      await inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
        await revokeSession(tx, actor.session.tokenHash, clock());
        await appendAudit(tx, {
          actorUserId: actor.userId,
          actorRole: auditRoleOf(actor),
          municipalityCode: actor.municipalityCode,
          action: 'sign_out',
          objectType: 'staff_user',
          objectId: actor.userId,
        });
      });
      clearSessionCookie(reply);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/setup',
      policy: 'anonymous-api',
      summary: 'First run: create the first national coordinator',
      body: setupRequestSchema,
      response: sessionViewSchema,
    },
    async (request, reply, { body }) => {
      const issued = await completeSetup(db, body, request.headers['user-agent'] ?? null, clock());
      return sendNewSession(context, request, reply, issued);
    },
  );
}

/** Sets the cookie of a newly issued session and answers with its view. */
/** Where a sign-in attempt comes from (the address is only used as a keyed hash for throttling). */
export function attemptSource(request: FastifyRequest) {
  return { address: request.ip, userAgent: request.headers['user-agent'] ?? null };
}

/**
 * After a new second factor was proven during a half sign-in (first enrolment), that proof is the
 * second step: the half session becomes a full one with a new id. A full session stays as it is.
 */
export async function finishEnrolmentSignIn(
  context: ApiContext,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  method: 'totp_enrolment' | 'passkey_enrolment',
): Promise<void> {
  if (actor.session.stage !== 'password') return;
  const issued = await finishSecondFactor(
    context.db,
    actor,
    true,
    method,
    'second_factor.invalid_code',
    attemptSource(request),
    context.clock(),
  );
  await sendNewSession(context, request, reply, issued);
}

export async function sendNewSession(
  context: ApiContext,
  request: FastifyRequest,
  reply: FastifyReply,
  issued: IssuedSession,
): Promise<SessionView> {
  await revokePresentedSession(context, request.actor);
  setSessionCookie(reply, issued.token);
  const resolved = await resolveSession(context.db, issued.token, context.clock());
  if (!('actor' in resolved)) throw apiError('auth.session_expired');
  request.actor = resolved.actor;
  return sessionView(context, resolved.actor);
}

/**
 * The session the browser came with ends when it gets a new one (signing in again, perhaps as
 * someone else): otherwise the old one would stay valid on the server though no cookie names it.
 */
async function revokePresentedSession(context: ApiContext, previous: Actor | undefined) {
  if (!previous) return;
  await inTenant(context.db, ownScope(previous.municipalityCode), (tx) =>
    revokeSession(tx, previous.session.tokenHash, context.clock()),
  );
}

/** The session as the SPA sees it. */
export async function sessionView(context: ApiContext, actor: Actor): Promise<SessionView> {
  const municipality = actor.municipalityCode
    ? await findMunicipalityByCode(context.db, actor.municipalityCode)
    : undefined;
  return {
    user: {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      municipalityCode: actor.municipalityCode,
      municipalityName: municipality?.name ?? null,
      roles: actor.roles,
      locale: actor.locale,
    },
    stage: actor.session.stage,
    secondFactors: await secondFactorSummary(context.db, actor),
    csrfToken: actor.session.csrfToken,
    expiresAt: actor.session.expiresAt.toISOString(),
  };
}
