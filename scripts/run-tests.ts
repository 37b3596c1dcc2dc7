/**
 * `npm test`: starts one embedded PostgreSQL for the whole run (each test file makes its own
 * database in it, and in TEST_DATABASE_URL's server when that is set), then runs every *.test.ts
 * and *.test.tsx with node:test. Arguments narrow the run: `npm test -- finder`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedServer } from '../src/db/embedded-server.ts';
import { projectRoot } from '../src/paths.ts';

const filters = process.argv.slice(2);
const files = (await findTestFiles(['src', 'test'])).filter(
  (file) => filters.length === 0 || filters.some((filter) => file.includes(filter)),
);
if (files.length === 0) {
  console.error(`No test files match ${filters.join(' ')}`);
  process.exit(1);
}

const directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-test-'));
const embedded = await startEmbeddedServer({ directory: path.join(directory, 'postgres') });
console.log(`# embedded PostgreSQL for tests: ${new URL(embedded.url).host}`);
if (process.env.TEST_DATABASE_URL)
  console.log(`# also testing against TEST_DATABASE_URL (${new URL(process.env.TEST_DATABASE_URL).host})`);
else console.log('# TEST_DATABASE_URL is not set: database tests run on the embedded PostgreSQL only');

const exitCode = await new Promise<number>((resolve) => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
    {
      cwd: projectRoot,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'test', OPENDEUR_TEST_EMBEDDED_URL: embedded.url },
    },
  );
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
});

await embedded.stop();
await rm(directory, { recursive: true, force: true });
process.exit(exitCode);

async function findTestFiles(roots: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const root of roots) {
    const entries = await readdir(path.join(projectRoot, root), { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && /\.test\.tsx?$/.test(entry.name)) {
        found.push(path.relative(projectRoot, path.join(entry.parentPath, entry.name)));
      }
    }
  }
  return found.sort();
}
