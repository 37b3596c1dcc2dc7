import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlertEvents } from '../alerts/alert-events.ts';
import { ConversationEvents } from '../conversations/conversation-events.ts';
import { Keyring } from '../crypto/keyring.ts';
import { loadOrCreateMasterKeys } from '../crypto/master-key.ts';
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../test/helpers/databases.ts';
import { openDatabase } from '../../db/pool.ts';
import { buildApp } from '../../http/app.ts';
import { projectRoot } from '../../paths.ts';
import { loadHelpLines } from '../../web/help-lines.ts';
import { PageCache } from '../public-site/page-cache.ts';
import { createPublicSite } from '../public-site/public-site.ts';

/** A loopback port nothing listens on (taken and released again). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('health with a database that is not there', () => {
  it('/healthz is 200 and /readyz is 503 JSON when the pool cannot reach PostgreSQL', async () => {
    const database = openDatabase(`postgres://nobody@127.0.0.1:${await closedPort()}/none`);
    const site = createPublicSite({
      helpLines: loadHelpLines(`${projectRoot}/config/help-lines.json`),
      quickExitUrl: 'https://www.buienradar.nl/',
    });
    const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'opendeur-health-')), 'master.key');
    await loadOrCreateMasterKeys(keyFile, async () => false);
    const { app } = await buildApp({
      config: { logLevel: 'silent', env: 'test' },
      database,
      site,
      cache: new PageCache(() => false),
      api: {
        db: database.db,
        keyring: await Keyring.open(keyFile, database.db),
        conversationEvents: new ConversationEvents(),
        alertEvents: new AlertEvents(),
        codeExpiryDays: 90,
        clock: () => new Date(),
        mailer: { send: async () => {}, close: () => {} },
        publicBaseUrl: 'http://127.0.0.1',
      },
    });
    try {
      const healthz = await app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(healthz.statusCode, 200);
      assert.deepEqual(healthz.json(), { status: 'ok' });

      const readyz = await app.inject({ method: 'GET', url: '/readyz' });
      assert.equal(readyz.statusCode, 503);
      assert.match(String(readyz.headers['content-type']), /^application\/json/);
      assert.deepEqual(readyz.json(), { status: 'unavailable', database: { status: 'unreachable' } });
      assert.equal(readyz.headers['cache-control'], 'no-store');
    } finally {
      await app.close();
      await database.close();
    }
  });
});

for (const target of databaseTargets()) {
  describe(`health (${target.name})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(target);
    });
    after(async () => {
      await app?.stop();
    });

    it('/healthz answers 200 JSON, never cached', async () => {
      const response = await fetch(`${app.baseUrl}/healthz`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.deepEqual(await response.json(), { status: 'ok' });
    });

    it('/readyz answers 200 JSON with the database ok', async () => {
      const response = await fetch(`${app.baseUrl}/readyz`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      const body = (await response.json()) as { status: string; database: { status: string; latencyMs: number } };
      assert.equal(body.status, 'ok');
      assert.equal(body.database.status, 'ok');
      assert.equal(typeof body.database.latencyMs, 'number');
    });
  });

  describe(`readiness when the database goes away (${target.name})`, () => {
    let database: TestDatabase;
    let app: TestApp;
    before(async () => {
      database = await createTestDatabase(target);
      app = await startTestApp(target, { databaseUrl: database.url });
    });
    after(async () => {
      await app?.stop();
      await database?.drop();
    });

    it('/readyz turns 503 once the database is gone, while /healthz stays 200', async () => {
      assert.equal((await fetch(`${app.baseUrl}/readyz`)).status, 200);
      const admin = new pg.Client({ connectionString: target.adminUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE ${new URL(database.url).pathname.slice(1)} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
      const readyz = await fetch(`${app.baseUrl}/readyz`);
      assert.equal(readyz.status, 503);
      assert.deepEqual(await readyz.json(), { status: 'unavailable', database: { status: 'unreachable' } });
      assert.equal((await fetch(`${app.baseUrl}/healthz`)).status, 200);
    });
  });
}
