import type { FastifyServerOptions } from 'fastify';

/**
 * Logs carry the route pattern (`/gemeente/:slug`), status and time. Never an IP address, a query
 * string or a body: what a child searches for or writes must not end up in a log.
 */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: ['req.headers', 'req.remoteAddress', 'req.query', 'req.body'], remove: true },
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string } }) => ({
        method: request.method,
        route: request.routeOptions?.url ?? 'unmatched',
      }),
      res: (reply: { statusCode: number }) => ({ status: reply.statusCode }),
    },
  };
}
