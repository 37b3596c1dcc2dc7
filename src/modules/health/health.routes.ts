import type { FastifyInstance } from 'fastify';
import type pg from 'pg';

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers). */
export function registerHealthRoutes(app: FastifyInstance, pool: pg.Pool) {
  app.get('/healthz', { config: { policy: 'public' } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', { config: { policy: 'public' } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const started = performance.now();
    try {
      // pg honours query_timeout per query, though its types only list it for the client.
      const ping: pg.QueryConfig & { query_timeout: number } = { text: 'SELECT 1', query_timeout: 2000 };
      await pool.query(ping);
      return { status: 'ok', database: { status: 'ok', latencyMs: Math.round(performance.now() - started) } };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: { status: 'unreachable' } });
    }
  });
}
