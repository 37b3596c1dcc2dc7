import { ConfigError, loadConfig } from './config.ts';
import { leaveShutdownSignalsToCaller } from './db/embedded-server.ts';
import type { RunningServer } from './server.ts';

async function main() {
  const launched = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }

  // Libraries pick their production or development build from NODE_ENV when first loaded (React's
  // development build renders several times slower). opendeur's own setting is read above: a plain
  // `npm start` runs opendeur as 'development' (e-mail to the log), with the libraries' production
  // builds; `npm run dev` asks for their development builds.
  process.env.NODE_ENV ??= 'production';
  const { startServer } = await import('./server.ts');

  // From here on SIGINT and SIGTERM are ours, also during start-up: the signal waits for the start
  // to finish, then stops what was started, in order. (A failed start is reported below.)
  leaveShutdownSignalsToCaller();
  const starting = startServer(config);
  let listening: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const server: RunningServer | undefined = await starting.catch(() => undefined);
    if (!server) return;
    await listening.catch(() => {});
    server.app.log.info({ signal }, 'stopping');
    try {
      await server.stop();
      process.exit(0);
    } catch (error) {
      server.app.log.error({ err: error }, 'stop failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const server = await starting;
  if (stopping) return;
  listening = server.app.listen({ port: config.port, host: config.host });
  try {
    await listening;
  } catch (error) {
    // E.g. the port is taken: stop the database too before saying why.
    await server.stop().catch(() => {});
    throw error;
  }
  server.app.log.info(
    { url: config.publicBaseUrl, startupMs: Math.round(performance.now() - launched), demo: config.demo },
    `opendeur is serving on ${config.publicBaseUrl}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
