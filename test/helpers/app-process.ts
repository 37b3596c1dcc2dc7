import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { findFreePort } from '../../src/db/embedded-server.ts';
import { projectRoot } from '../../src/paths.ts';

/** How a child process ended. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** The real app (`node --import tsx src/main.ts`) running as a child process. */
export interface AppProcess {
  readonly pid: number;
  readonly baseUrl: string;
  /** `performance.now()` at spawn. */
  readonly spawnedAt: number;
  readonly exited: Promise<ProcessExit>;
  /** True once the process has exited. */
  readonly hasExited: boolean;
  stdout(): string;
  stderr(): string;
}

/** The apps spawned and still running, with their data directory. */
const spawned = new Map<ChildProcess, string | undefined>();

/** Variables of the test run that must not leak into the app's configuration. */
const INHERITED_CONFIG = /^(DATABASE_URL|PORT|HOST|PUBLIC_BASE_URL|LOG_LEVEL|NODE_ENV|QUICK_EXIT_URL|OPENDEUR_.*)$/;

/**
 * Spawns the app as `npm start` does, with only `environment` as its configuration. PORT is a
 * free loopback port unless `environment` sets one.
 */
export async function spawnApp(environment: Record<string, string>): Promise<AppProcess> {
  const port = environment.PORT ?? String(await findFreePort());
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !INHERITED_CONFIG.test(key)));
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...inherited, LOG_LEVEL: 'info', ...environment, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.set(child, environment.OPENDEUR_DATA_DIR);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let hasExited = false;
  // 'close', not 'exit': by then all of its output has been read.
  const exited = new Promise<ProcessExit>((resolve) =>
    child.on('close', (code, signal) => {
      hasExited = true;
      spawned.delete(child);
      resolve({ code, signal });
    }),
  );
  return {
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    spawnedAt,
    exited,
    get hasExited() {
      return hasExited;
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/** Polls `/readyz` until it answers 200; returns the seconds from spawn to that answer. */
export async function waitUntilReady(app: AppProcess, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (app.hasExited) throw new Error(`The app exited before it was ready.\n${describeOutput(app)}`);
    const status = await fetch(`${app.baseUrl}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return (performance.now() - app.spawnedAt) / 1000;
    await sleep(25);
  }
  throw new Error(`The app was not ready within ${timeoutMs} ms.\n${describeOutput(app)}`);
}

/** Sends `signal` and waits for the exit; fails when the app is still running after `timeoutMs`. */
export async function stopApp(app: AppProcess, signal: NodeJS.Signals, timeoutMs = 10_000): Promise<ProcessExit> {
  process.kill(app.pid, signal);
  const timeout = sleep(timeoutMs).then(() => undefined);
  const exit = await Promise.race([app.exited, timeout]);
  if (!exit) throw new Error(`The app did not exit within ${timeoutMs} ms of ${signal}.\n${describeOutput(app)}`);
  return exit;
}

/** The app's output, for failure messages. */
export function describeOutput(app: AppProcess): string {
  return `--- stdout\n${app.stdout()}--- stderr\n${app.stderr()}`;
}

/** The postmaster recorded in `<dataDir>/postgres/postmaster.pid`: its pid (line 1) and port (line 4). */
export function readPostmaster(dataDir: string): { pid: number; port: number } | undefined {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  // PostgreSQL may be writing the file this very moment.
  return Number.isInteger(pid) && pid > 0 ? { pid, port: Number(lines[3]) } : undefined;
}

/** Whether `pid` is a live process (a zombie that only waits to be reaped counts as dead). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = readFileOrUndefined(`/proc/${pid}/stat`);
  return stat === undefined || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** Pids of the running processes whose command line names `directory`: its postmaster (`-D`) or initdb. */
export function processesNaming(directory: string): number[] {
  if (!existsSync('/proc')) return [];
  const pids: number[] = [];
  for (const entry of readdirOrEmpty('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = readFileOrUndefined(`/proc/${entry}/cmdline`);
    const parts = cmdline?.split('\0') ?? [];
    const names = parts.includes(directory) || parts.includes(`--pgdata=${directory}`);
    if (names && isRunning(Number(entry))) pids.push(Number(entry));
  }
  return pids;
}

/** Polls `condition` until it holds; false when `timeoutMs` passed first. */
export async function eventually(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(25);
  }
  return true;
}

/** Runs `work` on the app's own database in the embedded PostgreSQL of `dataDir`, as the app's user. */
export async function withAppDatabase<T>(dataDir: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const postmaster = readPostmaster(dataDir);
  if (!postmaster) throw new Error(`No PostgreSQL is running in ${dataDir}`);
  const client = new pg.Client({
    host: '127.0.0.1',
    port: postmaster.port,
    user: 'opendeur',
    password: readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim(),
    database: 'opendeur',
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Cleans up after a suite: SIGKILLs the apps it spawned on `dataDir` that still run, and stops the
 * PostgreSQL (or initdb) orphaned there. Touches no other process.
 */
export async function killLeftovers(dataDir: string): Promise<void> {
  for (const [child, directory] of spawned) if (directory === dataDir) child.kill('SIGKILL');
  const directory = path.join(dataDir, 'postgres');
  for (const pid of processesNaming(directory)) process.kill(pid, 'SIGINT');
  await eventually(() => processesNaming(directory).length === 0, 10_000);
}

function readFileOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readdirOrEmpty(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}
