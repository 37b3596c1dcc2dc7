import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/pool.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.ts';
import { createTestDatabase, type DatabaseTarget } from './databases.ts';

/** An opendeur app on its own fresh database, listening on a free loopback port. */
export interface TestApp {
  server: RunningServer;
  baseUrl: string;
  /** A pool as the tables' owner, for setting up data the app itself may not write (tests only). */
  owner: DatabaseHandle;
  stop(): Promise<void>;
}

interface TestAppOptions {
  demo?: boolean;
  environment?: Record<string, string>;
  extraRoutes?: (app: FastifyInstance) => void;
  /** Reuse an existing database instead of creating a fresh one. */
  databaseUrl?: string;
  /** The app's clock (sessions, throttle, expiry, TOTP); see test/helpers/clock.ts. */
  clock?: ServerOptions['clock'];
  /** A mailer instead of SMTP_URL's (or the log). */
  mailer?: ServerOptions['mailer'];
  /** Alert job tuning (short retries, sweep interval). */
  alertJobs?: ServerOptions['alertJobs'];
  /** How often the coverage watch runs. */
  coverageWatchIntervalMs?: number;
}

/** Starts the real app (migrations, registry import, routes) on a fresh database of `target`. */
export async function startTestApp(target: DatabaseTarget, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? undefined : await createTestDatabase(target);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: options.databaseUrl ?? database!.url,
    LOG_LEVEL: 'silent',
    PORT: '0',
    OPENDEUR_DEMO: options.demo ? '1' : '0',
    // Each test app its own key file, so no test writes into the project's data directory.
    OPENDEUR_MASTER_KEY_FILE: path.join(os.tmpdir(), `opendeur-test-${randomUUID()}`, 'master.key'),
    ...options.environment,
  });
  const server = await startServer(config, {
    extraRoutes: options.extraRoutes,
    clock: options.clock,
    mailer: options.mailer,
    alertJobs: options.alertJobs,
    coverageWatchIntervalMs: options.coverageWatchIntervalMs,
  });
  // PORT 0 unless the test chose one (e.g. to know its public base URL before listening).
  await server.app.listen({ port: config.port, host: '127.0.0.1' });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const owner = openDatabase(server.databaseUrl);
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    owner,
    async stop() {
      await owner.close();
      await server.stop();
      await database?.drop();
    },
  };
}
