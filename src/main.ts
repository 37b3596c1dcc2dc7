import { ConfigError, loadConfig } from './config.ts';
import { startServer } from './server.ts';

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

  const server = await startServer(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
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

  await server.app.listen({ port: config.port, host: config.host });
  server.app.log.info(
    { url: config.publicBaseUrl, startupMs: Math.round(performance.now() - launched), demo: config.demo },
    `opendeur is serving on ${config.publicBaseUrl}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
