import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../src/db/embedded-server.ts';
import { projectRoot } from '../src/paths.ts';
import { readMemory, type MemoryFigures } from './process-memory.ts';
import { IDLE_SETTLE_MS } from './settings.ts';

/** What `npm start` runs: the compiled server (built by `npm ci`; the bench rebuilds it first). */
const ENTRY = path.join('dist', 'src', 'main.js');

/** One start of the compiled server: seconds to the first 200 on `/`, and memory once idle. */
export interface StartFigures {
  seconds: number;
  memory: MemoryFigures;
}

/** A fresh start (empty data directory) and a warm one (same directory again), as `npm start` does them. */
export async function measureStarts(): Promise<{ fresh: StartFigures; warm: StartFigures }> {
  await buildServer();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'opendeur-bench-start-'));
  try {
    const fresh = await startOnce(dataDir);
    const warm = await startOnce(dataDir);
    return { fresh, warm };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function startOnce(dataDir: string): Promise<StartFigures> {
  const port = await findFreePort();
  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    OPENDEUR_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  // The figure is for the embedded PostgreSQL and a normal (non-demo) start.
  delete environment.DATABASE_URL;
  delete environment.OPENDEUR_DEMO;
  const launched = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', ENTRY], {
    cwd: projectRoot,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    await waitForOk(`http://127.0.0.1:${port}/`, exited, () => output);
    const seconds = (performance.now() - launched) / 1000;
    await sleep(IDLE_SETTLE_MS);
    const memory = await readMemory(child.pid!, path.join(dataDir, 'postgres'));
    return { seconds, memory };
  } finally {
    await stopApp(child, exited, dataDir);
  }
}

async function waitForOk(url: string, exited: Promise<number | null>, output: () => string): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode} before serving:\n${output()}`);
    const status = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) return;
    await sleep(20);
  }
  throw new Error(`the server did not answer 200 on ${url} within 60 s:\n${output()}`);
}

/** SIGTERM, as a service manager would; if the app hangs, SIGKILL it and the PostgreSQL it started. */
async function stopApp(child: ChildProcess, exited: Promise<number | null>, dataDir: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
  if (stopped) return;
  child.kill('SIGKILL');
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGQUIT');
  }
  throw new Error('the server did not stop within 20 s of SIGTERM');
}

/** Compiles the server as `npm run build` does, so the figures are for the current sources. */
async function buildServer(): Promise<void> {
  const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: projectRoot, stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0 || !existsSync(path.join(projectRoot, ENTRY)))
    throw new Error(`building the server failed (exit ${code})`);
}
