import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { startServer, type RunningServer } from '../../src/server.ts';
import { createTestDatabase, type DatabaseTarget } from './databases.ts';

/** An opendeur app on its own fresh database, listening on a free loopback port. */
export interface TestApp {
  server: RunningServer;
  baseUrl: string;
  stop(): Promise<void>;
}

interface TestAppOptions {
  demo?: boolean;
  environment?: Record<string, string>;
  extraRoutes?: (app: FastifyInstance) => void;
  /** Reuse an existing database instead of creating a fresh one. */
  databaseUrl?: string;
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
    ...options.environment,
  });
  const server = await startServer(config, { extraRoutes: options.extraRoutes });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await server.stop();
      await database?.drop();
    },
  };
}
