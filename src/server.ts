import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Config } from './config.ts';
import { listenForChanges, type ChangeListener } from './db/change-listener.ts';
import { startEmbeddedServer, type EmbeddedServer } from './db/embedded-server.ts';
import { migrateDatabase } from './db/migrate.ts';
import { openDatabase, type DatabaseHandle } from './db/pool.ts';
import { buildApp } from './http/app.ts';
import type { RouteEntry } from './http/route-policy.ts';
import { loadDemoData, removeDemoData } from './modules/municipalities/demo-data.ts';
import { importRegistry } from './modules/municipalities/registry-import.ts';
import { PageCache } from './modules/public-site/page-cache.ts';
import { createPublicSite } from './modules/public-site/public-site.ts';
import { loadHelpLines } from './web/help-lines.ts';

/** A running opendeur: the app, its database, and how to stop both in order. */
export interface RunningServer {
  app: FastifyInstance;
  routes: RouteEntry[];
  database: DatabaseHandle;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The public-content channel that empties page caches; see migration 0001. */
export const PUBLIC_CONTENT_CHANNEL = 'opendeur_public_content';

/**
 * Composition root: database (embedded or external) → migrations and registry import → app.
 * Does not listen; main.ts and the tests decide where.
 */
export async function startServer(
  config: Config,
  options: { extraRoutes?: (app: FastifyInstance) => void } = {},
): Promise<RunningServer> {
  const log = pino({ level: config.logLevel });
  const helpLines = loadHelpLines(config.helpLinesFile);
  let embedded: EmbeddedServer | undefined;
  if (config.database.kind === 'embedded') {
    const started = performance.now();
    embedded = await startEmbeddedServer({ directory: config.database.directory, log: (line) => log.debug({ postgres: line }) });
    log.info({ ms: Math.round(performance.now() - started), directory: config.database.directory }, 'embedded PostgreSQL started');
  }
  const databaseUrl = embedded?.url ?? (config.database as { url: string }).url;
  const database = openDatabase(databaseUrl, (error) => log.warn({ err: error.message }, 'idle database connection failed'));
  let listener: ChangeListener | undefined;
  try {
    await migrateDatabase(database, async () => {
      const imported = await importRegistry(database.db);
      log.info(imported, imported.skipped ? 'registry unchanged' : 'registry imported');
      await (config.demo ? loadDemoData(database.db) : removeDemoData(database.db));
    });
    const cache = new PageCache(() => listener?.connected ?? false);
    listener = listenForChanges(databaseUrl, PUBLIC_CONTENT_CHANNEL, () => cache.clear(), (message) => log.warn(message));
    const site = createPublicSite({ helpLines, quickExitUrl: config.quickExitUrl });
    const { app, routes } = await buildApp({ config, database, site, cache, ...options });
    return {
      app,
      routes,
      database,
      databaseUrl,
      async stop() {
        await app.close();
        await listener?.close();
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await listener?.close();
    await database.close().catch(() => {});
    await embedded?.stop();
    throw error;
  }
}
