import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';
import { registerHealthRoutes } from '../modules/health/health.routes.ts';
import type { PageCache } from '../modules/public-site/page-cache.ts';
import { sendErrorPage, type PublicSite } from '../modules/public-site/public-site.ts';
import { registerPublicSiteRoutes } from '../modules/public-site/public-site.routes.ts';
import { loggerOptions } from './logging.ts';
import { enforceRoutePolicies, type RouteEntry } from './route-policy.ts';
import { PUBLIC_PAGE_HEADERS } from './security-headers.ts';

/** What the HTTP app is built from; main.ts and the tests both assemble it. */
export interface AppDependencies {
  config: Pick<Config, 'logLevel' | 'env'>;
  database: DatabaseHandle;
  site: PublicSite;
  cache: PageCache;
  /** Extra routes (the benchmark's bare route); they must declare a policy too. */
  extraRoutes?: (app: FastifyInstance) => void;
}

/** The Fastify app with every route, its policies and the public security headers. */
export async function buildApp(dependencies: AppDependencies): Promise<{ app: FastifyInstance; routes: RouteEntry[] }> {
  const app = Fastify({
    logger: loggerOptions(dependencies.config.logLevel),
    disableRequestLogging: true,
    trustProxy: false,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 100 },
  });
  const routes = enforceRoutePolicies(app);

  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(PUBLIC_PAGE_HEADERS);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ method: request.method, path: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  const { site, database, cache } = dependencies;
  app.setNotFoundHandler((request, reply) => sendErrorPage(site, request, reply, 404));
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error.statusCode && error.statusCode < 500) {
      request.log.info({ err: { type: error.name, message: error.message } }, 'client error');
      if (error.statusCode === 404) return sendErrorPage(site, request, reply, 404);
      return reply.code(error.statusCode).header('content-type', 'text/plain; charset=utf-8').send(error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendErrorPage(site, request, reply, 500);
  });

  registerHealthRoutes(app, database.pool);
  registerPublicSiteRoutes(app, database.db, site, cache);
  dependencies.extraRoutes?.(app);
  await app.ready();
  return { app, routes };
}
