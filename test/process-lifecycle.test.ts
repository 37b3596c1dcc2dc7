/**
 * The process lifecycle of `npm start` (issue 2, item 3), on the real app as a child process:
 * first start, restarts that keep data, clean SIGINT/SIGTERM, recovery after SIGKILL (also during
 * start-up), an external DATABASE_URL, invalid configuration, and two instances on one database.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  describeOutput,
  eventually,
  isRunning,
  killLeftovers,
  processesNaming,
  readPostmaster,
  spawnApp,
  stopApp,
  waitUntilReady,
  withAppDatabase,
  type AppProcess,
} from './helpers/app-process.ts';
import { createTestDatabase, databaseTargets } from './helpers/databases.ts';

/** Generous: on a busy 2-core machine one start can take several seconds. */
const TIMEOUT = { timeout: 180_000 };
/** Amsterdam; its printed short URL /g/GM0363 leads to its page. */
const MUNICIPALITY = 'GM0363';

function temporaryDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'opendeur-lifecycle-'));
}

function diagnostic(message: string): void {
  console.log(`# diagnostic: ${message}`);
}

/** Makes Amsterdam active with a contact route whose visiting address carries `marker`, in one transaction. */
async function commitMarker(dataDir: string, marker: string): Promise<void> {
  await withAppDatabase(dataDir, async (client) => {
    await client.query('BEGIN');
    await client.query(`UPDATE municipalities SET participation = 'active' WHERE code = $1`, [MUNICIPALITY]);
    await client.query(
      `INSERT INTO municipality_contact_routes (municipality_code, phone, visit_address, visit_hours) VALUES ($1, '020 555 0101', $2, $2)
       ON CONFLICT (municipality_code) DO UPDATE SET visit_address = excluded.visit_address, visit_hours = excluded.visit_hours`,
      [MUNICIPALITY, marker],
    );
    await client.query('COMMIT');
  });
}

async function municipalityPage(app: AppProcess): Promise<string> {
  const response = await fetch(`${app.baseUrl}/g/${MUNICIPALITY}`);
  assert.equal(response.status, 200);
  return response.text();
}

/** Stops `app` with `signal` and proves it left nothing running: exit 0, no pid file, postmaster gone. */
async function stopCleanly(app: AppProcess, signal: NodeJS.Signals, dataDir: string): Promise<void> {
  const postmaster = readPostmaster(dataDir);
  assert.ok(postmaster && isRunning(postmaster.pid), 'PostgreSQL runs before the stop');
  const signalled = performance.now();
  const exit = await stopApp(app, signal, 10_000);
  assert.deepEqual(exit, { code: 0, signal: null }, describeOutput(app));
  diagnostic(`${signal}: exit 0 ${((performance.now() - signalled) / 1000).toFixed(2)} s after the signal`);
  assert.equal(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')), false, 'postmaster.pid is removed');
  assert.equal(isRunning(postmaster.pid), false, `postmaster ${postmaster.pid} has stopped`);
  assert.deepEqual(processesNaming(path.join(dataDir, 'postgres')), [], 'no process names the data directory');
}

describe('npm start with the embedded PostgreSQL', () => {
  const dataDir = temporaryDataDir();
  const environment = { OPENDEUR_DATA_DIR: dataDir };
  after(async () => {
    await killLeftovers(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a first start initialises the cluster and serves /; SIGTERM stops both cleanly', TIMEOUT, async () => {
    const app = await spawnApp(environment);
    const seconds = await waitUntilReady(app);
    diagnostic(`fresh data directory: first 200 on /readyz ${seconds.toFixed(2)} s after spawn`);
    assert.ok(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION')), 'the cluster was initialised');
    assert.equal((await fetch(`${app.baseUrl}/`)).status, 200);
    await stopCleanly(app, 'SIGTERM', dataDir);
  });

  test(
    'a change committed through the database survives a restart; a second start alongside refuses; SIGINT stops cleanly',
    TIMEOUT,
    async () => {
      const first = await spawnApp(environment);
      const seconds = await waitUntilReady(first);
      diagnostic(`second start: first 200 on /readyz ${seconds.toFixed(2)} s after spawn`);
      assert.doesNotMatch(await municipalityPage(first), /restart marker/);
      await commitMarker(dataDir, 'restart marker');

      // A second start on the data directory in use must refuse, not take the running one's database down.
      const intruder = await spawnApp(environment);
      assert.equal((await intruder.exited).code, 1, describeOutput(intruder));
      assert.match(intruder.stderr(), new RegExp(`Another opendeur \\(pid ${first.pid}\\) is running on`));
      assert.equal((await fetch(`${first.baseUrl}/readyz`)).status, 200, 'the first one still reaches its database');
      await stopCleanly(first, 'SIGINT', dataDir);

      const second = await spawnApp(environment);
      await waitUntilReady(second);
      assert.match(await municipalityPage(second), /restart marker/);
      await stopCleanly(second, 'SIGTERM', dataDir);
    },
  );

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`${signal} while PostgreSQL is starting still stops it cleanly`, TIMEOUT, async () => {
      const app = await spawnApp(environment);
      assert.ok(await eventually(() => readPostmaster(dataDir) !== undefined || app.hasExited, 60_000));
      await stopCleanly(app, signal, dataDir);
    });
  }

  test('a port already in use stops the start with the reason, and PostgreSQL with it', TIMEOUT, async () => {
    const taken = net.createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    try {
      const port = String((taken.address() as net.AddressInfo).port);
      const app = await spawnApp({ ...environment, PORT: port });
      const exit = await app.exited;
      assert.equal(exit.code, 1, describeOutput(app));
      assert.match(app.stderr(), new RegExp(`EADDRINUSE.*:${port}`));
      assert.equal(readPostmaster(dataDir), undefined, 'postmaster.pid is removed');
      assert.deepEqual(processesNaming(path.join(dataDir, 'postgres')), [], 'no process names the data directory');
    } finally {
      taken.close();
    }
  });

  test(
    'after SIGKILL the orphaned postmaster does not block the next start, also when killed during start-up',
    TIMEOUT,
    async () => {
      let app = await spawnApp(environment);
      await waitUntilReady(app);
      for (let round = 1; round <= 3; round++) {
        await commitMarker(dataDir, `kill round ${round}`);
        const orphan = readPostmaster(dataDir)!;
        process.kill(app.pid, 'SIGKILL');
        await app.exited;
        assert.ok(isRunning(orphan.pid), `round ${round}: the postmaster outlives the killed app (the real scenario)`);

        // Rounds 1 and 2 kill a start-up at a random moment in its first 1.5 s (each in one half);
        // round 3 right after it started its own PostgreSQL, so that one is orphaned too.
        const early = await spawnApp(environment);
        let moment: string;
        if (round < 3) {
          const delay = Math.round((round - 1 + Math.random()) * 750);
          await sleep(delay);
          moment = `${delay} ms after spawn`;
        } else {
          const ownPostmaster = () =>
            readPostmaster(dataDir)?.pid !== orphan.pid && readPostmaster(dataDir) !== undefined;
          assert.ok(await eventually(() => ownPostmaster() || early.hasExited, 60_000), describeOutput(early));
          moment = 'once it had started its own PostgreSQL';
        }
        const postgresDirectory = path.join(dataDir, 'postgres');
        assert.equal(early.hasExited, false, describeOutput(early));
        process.kill(early.pid, 'SIGKILL');
        await early.exited;
        diagnostic(`round ${round}: SIGKILL ${moment}; postmaster then: ${describePostmaster(dataDir, orphan.pid)}`);
        if (round === 3) assert.equal(describePostmaster(dataDir, orphan.pid), 'a new orphan runs');

        app = await spawnApp(environment);
        const seconds = await waitUntilReady(app);
        diagnostic(`round ${round}: start after SIGKILL: first 200 on /readyz ${seconds.toFixed(2)} s after spawn`);
        assert.equal(isRunning(orphan.pid), false, `round ${round}: the orphaned postmaster was stopped`);
        const current = readPostmaster(dataDir)!.pid;
        assert.deepEqual(processesNaming(postgresDirectory), [current], `round ${round}: only the new postmaster runs`);
        assert.match(await municipalityPage(app), new RegExp(`kill round ${round}`));
      }
      await stopCleanly(app, 'SIGTERM', dataDir);
    },
  );
});

function describePostmaster(dataDir: string, orphanPid: number): string {
  const postmaster = readPostmaster(dataDir);
  if (!postmaster) return 'none';
  if (!isRunning(postmaster.pid)) return 'stale pid file';
  return postmaster.pid === orphanPid ? 'the earlier orphan still runs' : 'a new orphan runs';
}

describe('npm start killed during its first initialisation', () => {
  const dataDir = temporaryDataDir();
  after(async () => {
    await killLeftovers(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('SIGKILL while initdb runs: the next start waits for the orphaned initdb and serves /', TIMEOUT, async () => {
    const first = await spawnApp({ OPENDEUR_DATA_DIR: dataDir });
    assert.ok(
      await eventually(() => existsSync(path.join(dataDir, 'postgres', 'PG_VERSION')), 60_000),
      describeOutput(first),
    );
    const passwordFile = initdbPasswordFile(dataDir);
    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    diagnostic(
      `initdb processes left running after the kill: ${processesNaming(path.join(dataDir, 'postgres')).length}`,
    );

    const app = await spawnApp({ OPENDEUR_DATA_DIR: dataDir });
    await waitUntilReady(app);
    assert.equal((await fetch(`${app.baseUrl}/`)).status, 200);
    if (passwordFile)
      assert.equal(existsSync(passwordFile), false, `initdb's password file ${passwordFile} is removed`);
    await stopCleanly(app, 'SIGTERM', dataDir);
  });
});

/** The `--pwfile` of the initdb running on `dataDir`, if one runs now. */
function initdbPasswordFile(dataDir: string): string | undefined {
  const argument = `--pgdata=${path.join(dataDir, 'postgres')}`;
  for (const pid of processesNaming(path.join(dataDir, 'postgres'))) {
    const parts = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (parts.includes(argument)) return parts.find((part) => part.startsWith('--pwfile='))?.slice('--pwfile='.length);
  }
  return undefined;
}

describe('npm start as root with a data directory the postgres user cannot reach', () => {
  const closed = temporaryDataDir(); // mkdtemp makes it 0700: closed to every other user
  after(() => rmSync(closed, { recursive: true, force: true }));

  test(
    'stops with one line naming the closed directory',
    { ...TIMEOUT, skip: process.getuid?.() !== 0 && 'not running as root' },
    async () => {
      const app = await spawnApp({ OPENDEUR_DATA_DIR: path.join(closed, 'data') });
      const exit = await app.exited;
      assert.equal(exit.code, 1, describeOutput(app));
      const lines = app
        .stderr()
        .split('\n')
        .filter((line) => line.trim() !== '');
      assert.equal(lines.length, 1, describeOutput(app));
      assert.ok(lines[0]!.includes(`cannot enter ${closed},`), lines[0]);
    },
  );
});

describe('npm start with DATABASE_URL', () => {
  // The machine's PostgreSQL when TEST_DATABASE_URL is set, else the embedded one of `npm test`.
  const target = databaseTargets().at(-1)!;
  const dataDir = temporaryDataDir();
  after(async () => {
    await killLeftovers(dataDir);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`uses that server (${target.name}) and starts no embedded PostgreSQL`, TIMEOUT, async () => {
    const database = await createTestDatabase(target);
    try {
      const app = await spawnApp({ OPENDEUR_DATA_DIR: dataDir, DATABASE_URL: database.url });
      await waitUntilReady(app);
      assert.equal((await fetch(`${app.baseUrl}/`)).status, 200);
      // The master key file is the app's own (encryption at rest); no embedded PostgreSQL data.
      assert.deepEqual(readdirSync(dataDir), ['master.key'], 'only the master key was written to the data directory');
      const exit = await stopApp(app, 'SIGTERM');
      assert.deepEqual(exit, { code: 0, signal: null }, describeOutput(app));
    } finally {
      await database.drop();
    }
  });

  test('two instances starting together on one empty database both come up', TIMEOUT, async () => {
    const database = await createTestDatabase(target);
    try {
      const apps = await Promise.all(
        [1, 2].map(() => spawnApp({ OPENDEUR_DATA_DIR: dataDir, DATABASE_URL: database.url })),
      );
      await Promise.all(apps.map((app) => waitUntilReady(app)));
      for (const app of apps) assert.equal((await fetch(`${app.baseUrl}/g/${MUNICIPALITY}`)).status, 200);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM municipalities');
        assert.equal(rows[0]!.count, '342');
      } finally {
        await client.end();
      }
      for (const app of apps)
        assert.deepEqual(await stopApp(app, 'SIGTERM'), { code: 0, signal: null }, describeOutput(app));
    } finally {
      await database.drop();
    }
  });
});

describe('npm start with an invalid configuration', () => {
  const dataDir = temporaryDataDir();
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  for (const [variable, value] of [
    ['PORT', 'abc'],
    ['DATABASE_URL', 'nonsense'],
  ] as const) {
    test(`${variable}=${value} stops with one line on stderr naming ${variable}`, TIMEOUT, async () => {
      const app = await spawnApp({ OPENDEUR_DATA_DIR: dataDir, [variable]: value });
      const exit = await app.exited;
      assert.notEqual(exit.code, 0);
      assert.notEqual(exit.code, null);
      const lines = app
        .stderr()
        .split('\n')
        .filter((line) => line.trim() !== '');
      assert.equal(lines.length, 1, describeOutput(app));
      assert.match(lines[0]!, new RegExp(`\\b${variable}\\b`));
      assert.deepEqual(readdirSync(dataDir), [], 'nothing was started');
    });
  }
});
