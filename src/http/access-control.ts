import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/pool.ts';
import type { StaffRole } from '../modules/accounts/accounts.schema.ts';
import type { Actor } from '../modules/accounts/actor.ts';
import { randomToken, sameSecret } from '../modules/accounts/secrets.ts';
import { resolveSession, type Clock } from '../modules/accounts/sessions.service.ts';
import { apiError } from './api-errors.ts';
import type { RoutePolicy } from './route-policy.ts';

export const SESSION_COOKIE = '__Host-od-session';
export const CSRF_COOKIE = '__Host-od-csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The roles each staff policy admits; undefined: any signed-in staff member. */
const ROLES_BY_POLICY: Record<Exclude<RoutePolicy, 'public' | 'anonymous-api'>, readonly StaffRole[] | undefined> = {
  'second-factor': undefined,
  staff: undefined,
  coordinator: ['national_coordinator', 'municipal_coordinator'],
  'audit-reader': ['national_coordinator', 'privacy_officer'],
  national: ['national_coordinator'],
  responder: ['responder', 'municipal_coordinator'],
};

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member, set by the access check for staff policies. */
    actor?: Actor;
  }
}

/**
 * Enforces a route's policy before its handler runs. Public pages are left alone (they never read
 * cookies). Every API state change must carry the CSRF token: the session's once signed in, the
 * CSRF cookie's before. Staff policies need a full session (second factor done) and the right role;
 * 'second-factor' admits a session that still has to do its second step.
 */
export async function checkAccess(request: FastifyRequest, db: Database, clock: Clock): Promise<void> {
  const policy = request.routeOptions.config.policy;
  if (policy === 'public' || policy === undefined) return;

  const sessionToken = request.cookies[SESSION_COOKIE];
  const resolved = sessionToken ? await resolveSession(db, sessionToken, clock()) : undefined;
  const actor = resolved && 'actor' in resolved ? resolved.actor : undefined;

  // A route that needs a session says so first: a request without one changes nothing anyway, and
  // "your session expired" is what the user must hear, not "reload the page" (the CSRF token they
  // send belonged to the session that ended).
  if (policy !== 'anonymous-api' && !actor) {
    throw apiError(
      resolved && 'problem' in resolved && resolved.problem !== 'missing' ? 'auth.session_expired' : 'auth.required',
    );
  }
  if (!SAFE_METHODS.has(request.method)) {
    const expected = actor?.session.csrfToken ?? request.cookies[CSRF_COOKIE];
    const sent = request.headers['x-csrf-token'];
    if (!expected || typeof sent !== 'string' || !sameSecret(sent, expected)) throw apiError('csrf.invalid');
  }
  if (policy === 'anonymous-api' || !actor) {
    if (actor) request.actor = actor;
    return;
  }
  if (policy !== 'second-factor' && actor.session.stage !== 'full') throw apiError('auth.second_factor_required');
  const roles = ROLES_BY_POLICY[policy];
  if (roles && !roles.some((role) => actor.roles.includes(role))) throw apiError('auth.forbidden');
  request.actor = actor;
}

/** The actor of a request behind a staff policy (the access check guarantees it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw apiError('auth.required');
  return request.actor;
}

const cookieOptions = { path: '/', httpOnly: true, secure: true, sameSite: 'strict' as const };

/** Sets the session cookie (no Max-Age: it ends with the browser, and the server ends it sooner). */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions);
}

/** Removes the session cookie. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions);
}

/** The CSRF token for requests before signing in: the cookie's value, created when missing. */
export function anonymousCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  const token = randomToken();
  reply.setCookie(CSRF_COOKIE, token, cookieOptions);
  return token;
}
