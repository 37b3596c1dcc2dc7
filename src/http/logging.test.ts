import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { describeOutput, spawnApp, stopApp, waitUntilReady, type AppProcess } from '../../test/helpers/app-process.ts';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../test/helpers/databases.ts';
import { loggerOptions } from './logging.ts';

/** What a child might type, and addresses that would identify them: none may reach a log. */
const SECRET = 'geheim';
const CLIENT_IP = '203.0.113.7';
const FORWARDED_IP = '198.51.100.23';

describe('loggerOptions', () => {
  it('logs method, route pattern and status, but no IP address, query string, header or body', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    // Fastify's own request logging on (the app turns it off), so the req/res serializers are used.
    const app = Fastify({ logger: { ...(loggerOptions('info') as object), stream } });
    app.get('/zoek', async (request) => {
      request.log.info({ req: request }, 'handler');
      return 'ok';
    });
    app.post('/schrijf', async () => 'ok');
    // Fastify's default 404 handler logs the whole URL; the app has its own (checked below, end to end).
    app.setNotFoundHandler((_request, reply) => reply.code(404).send());
    await app.ready();
    try {
      await app.inject({
        method: 'GET',
        url: `/zoek?q=${SECRET}`,
        remoteAddress: CLIENT_IP,
        headers: { 'x-forwarded-for': FORWARDED_IP, referer: `https://example.org/?q=${SECRET}` },
      });
      await app.inject({ method: 'GET', url: `/onbekend/${SECRET}?q=${SECRET}`, remoteAddress: CLIENT_IP });
      await app.inject({ method: 'POST', url: '/schrijf', remoteAddress: CLIENT_IP, payload: { message: SECRET } });
    } finally {
      await app.close();
    }

    const requestLines = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.reqId !== undefined);
    assert.ok(
      requestLines.some((entry) => JSON.stringify(entry.req) === JSON.stringify({ method: 'GET', route: '/zoek' })),
      lines.join('\n'),
    );
    assert.ok(
      requestLines.some((entry) => JSON.stringify(entry.res) === JSON.stringify({ status: 200 })),
      lines.join('\n'),
    );
    for (const line of lines) {
      for (const forbidden of [SECRET, CLIENT_IP, FORWARDED_IP, '127.0.0.1', 'remoteAddress', 'x-forwarded-for']) {
        assert.ok(!line.includes(forbidden), `${forbidden} in log line ${line}`);
      }
    }
  });
});

for (const target of databaseTargets().slice(0, 1)) {
  describe(`the running app's logs (${target.name})`, () => {
    let database: TestDatabase;
    let app: AppProcess | undefined;
    before(async () => {
      database = await createTestDatabase(target);
    });
    after(async () => {
      if (app && !app.hasExited) await stopApp(app, 'SIGKILL');
      await database?.drop();
    });

    it(
      'carry no IP address and no query string, for pages, searches, redirects and 404s',
      { timeout: 60_000 },
      async () => {
        app = await spawnApp({
          DATABASE_URL: database.url,
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          SMTP_URL: 'smtp://127.0.0.1:9',
        });
        await waitUntilReady(app);
        const headers = { 'x-forwarded-for': FORWARDED_IP, 'x-real-ip': FORWARDED_IP };
        for (const url of [
          `/zoek?q=${SECRET}`,
          `/zoek?q=5401&${SECRET}=1`,
          `/en/zoek?q=${SECRET}`,
          `/gemeente/utrecht?${SECRET}`,
          `/gemeente/${SECRET}`,
          `/g/GM0363?q=${SECRET}`,
          `/${SECRET}?q=${SECRET}`,
        ]) {
          const response = await fetch(`${app.baseUrl}${url}`, { headers, redirect: 'manual' });
          assert.ok(response.status < 500, `${url}: ${response.status}`);
          await response.arrayBuffer();
        }
        const exit = await stopApp(app, 'SIGTERM');
        assert.equal(exit.code, 0, describeOutput(app));

        const lines = app.stdout().split('\n').filter(Boolean);
        const entries = lines.map((line) => JSON.parse(line) as { reqId?: string; msg?: string; path?: string });
        const requests = entries.filter((entry) => entry.msg === 'request');
        assert.ok(requests.length >= 7, `one line per request:\n${describeOutput(app)}`);
        assert.ok(
          requests.some((entry) => entry.path === '/zoek'),
          'the route pattern is logged',
        );
        assert.ok(
          requests.some((entry) => entry.path === 'unmatched'),
          'a 404 is logged without its path',
        );
        for (const line of lines) assert.ok(!line.includes(SECRET), `what a child typed is in the log: ${line}`);
        for (const line of lines.filter((_, index) => entries[index]!.reqId !== undefined)) {
          for (const address of ['127.0.0.1', FORWARDED_IP, 'remoteAddress'])
            assert.ok(!line.includes(address), `${address} in ${line}`);
        }
        assert.ok(!app.stderr().includes(SECRET), 'nor on stderr');
      },
    );
  });
}
