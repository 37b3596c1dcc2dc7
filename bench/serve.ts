/**
 * The app under load, in a process of its own so that autocannon never shares its event loop.
 * Started by bench/run.ts over IPC: it answers `{ port }` when listening and stops (app, database,
 * temp dir) on "stop" or when the parent goes away.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database.ts';
import { BARE_ROUTE } from './settings.ts';

// As `npm start` does (src/main.ts): the libraries' production builds, whatever opendeur's NODE_ENV.
process.env.NODE_ENV ??= 'production';
const { startServer } = await import('../src/server.ts');

const directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-bench-'));
let scratch: ScratchDatabase | undefined;
try {
  // With DATABASE_URL the bench works in a database of its own there, never in the app's data.
  scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : undefined;
  const config = loadConfig({
    // NODE_ENV as `npm start` has it (production would also ask for SMTP_URL, which no page uses).
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    PORT: '0',
    OPENDEUR_DATA_DIR: directory,
    // Demo data makes Amsterdam active: the fuller page, with its contact routes query.
    OPENDEUR_DEMO: '1',
    // The message bench's load generator stands where a reverse proxy would (see bench/message.ts).
    TRUST_PROXY: '127.0.0.1',
    ...(scratch ? { DATABASE_URL: scratch.url } : {}),
  });
  const server = await startServer(config, {
    extraRoutes: (app) => {
      app.get(BARE_ROUTE, { config: { policy: 'public' } }, async () => 'ok');
    },
  });
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    try {
      await server.stop();
    } finally {
      await cleanUp();
    }
    process.exit(0);
  };
  process.on('message', (message) => message === 'stop' && void stop());
  process.on('disconnect', () => void stop());
  process.send?.({
    port,
    database: scratch ? 'DATABASE_URL (scratch database)' : 'embedded PostgreSQL',
    // The owner's URL, for the bare INSERTs the message bench compares the write form with.
    ownerUrl: server.databaseUrl,
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await cleanUp();
  process.exit(1);
}

async function cleanUp() {
  await scratch?.drop().catch(() => {});
  await rm(directory, { recursive: true, force: true });
}
