import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Who may call a route. Every route declares one in `config.policy`; a route without one stops
 * start-up (deny by default). Staff policies arrive with staff accounts.
 */
export type RoutePolicy =
  /** Anyone; the public site and health checks. Never reads cookies. */
  | 'public'
  /** API calls before signing in (sign-in, setup, invitations): CSRF-checked, no session needed. */
  | 'anonymous-api'
  /** A session that may still have to do its second step (the second step and enrolment). */
  | 'second-factor'
  /** Any signed-in staff member with a full session. */
  | 'staff'
  /** National or municipal coordinators. */
  | 'coordinator'
  /** Privacy officers and national coordinators (the audit log). */
  | 'audit-reader'
  /** National coordinators only. */
  | 'national'
  /** A municipality's responders and its coordinator: children's conversations (never national staff). */
  | 'responder';

/** Every policy the app knows; a misspelt policy must stop start-up like a missing one. */
export const ROUTE_POLICIES = [
  'public',
  'anonymous-api',
  'second-factor',
  'staff',
  'coordinator',
  'audit-reader',
  'national',
  'responder',
] as const satisfies readonly RoutePolicy[];
const KNOWN_POLICIES: ReadonlySet<string> = new Set<string>(ROUTE_POLICIES);

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
  }
}

/** One registered route and its policy, for the route listing test. */
export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy;
}

/** Raised at start-up when a route declares no policy. */
export class MissingPolicyError extends Error {
  override name = 'MissingPolicyError';
}

/**
 * Checks every route as it is added and collects the table of routes and policies. Fastify's own
 * HEAD twins of GET routes inherit the GET route's policy.
 */
export function enforceRoutePolicies(app: FastifyInstance): RouteEntry[] {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const policy = route.config?.policy;
    if (!policy || !KNOWN_POLICIES.has(policy)) {
      throw new MissingPolicyError(
        `Route ${String(route.method)} ${route.url} declares ${policy ? `an unknown policy "${String(policy)}"` : 'no policy'} (config.policy).`,
      );
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, policy });
  });
  return routes;
}
