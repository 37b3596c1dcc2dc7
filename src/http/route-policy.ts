import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Who may call a route. Every route declares one in `config.policy`; a route without one stops
 * start-up (deny by default). Staff policies arrive with staff accounts.
 */
export type RoutePolicy = 'public';

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
    if (!policy) {
      throw new MissingPolicyError(`Route ${String(route.method)} ${route.url} declares no policy (config.policy).`);
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, policy });
  });
  return routes;
}
