/**
 * Public pages are cached in each app instance and emptied by NOTIFY (migration 0001): a change made
 * anywhere in the database shows on every instance's next request.
 */
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { databaseTargets } from './helpers/databases.ts';
import { message } from './helpers/html.ts';

const ACTIVE = message('nl', 'municipality.activeIntro', { name: 'Utrecht' });
const NOT_PARTICIPATING = message('nl', 'municipality.notParticipating', { name: 'Utrecht' });
const PAUSED = message('nl', 'municipality.paused', { name: 'Utrecht' });

/** GETs `url` until its body contains `text`, for up to 2 s (the time a NOTIFY may take). */
async function eventually(app: TestApp, url: string, text: string): Promise<void> {
  const deadline = Date.now() + 2000;
  do {
    const response = await fetch(`${app.baseUrl}${url}`);
    if (response.status === 200 && (await response.text()).includes(text)) return;
    await sleep(25);
  } while (Date.now() < deadline);
  assert.fail(`${url} on ${app.baseUrl} did not show ${JSON.stringify(text)} within 2 s`);
}

/** Waits until `count` app instances LISTEN on this database; until then their caches are bypassed. */
async function listenersReady(client: pg.Client, count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  do {
    const { rows } = await client.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'opendeur-listener' AND query ILIKE 'LISTEN%'`);
    if (rows[0]!.n >= count) return void (await sleep(50));
    await sleep(25);
  } while (Date.now() < deadline);
  assert.fail(`${count} change listeners did not connect within 5 s`);
}

async function pageOf(app: TestApp, url: string): Promise<string> {
  const response = await fetch(`${app.baseUrl}${url}`);
  assert.equal(response.status, 200, url);
  return response.text();
}

for (const target of databaseTargets()) {
  describe(`page cache invalidation (${target.name})`, () => {
    let first: TestApp;
    let second: TestApp;
    let client: pg.Client;
    const sql = (text: string) => client.query(text);

    before(async () => {
      first = await startTestApp(target);
      second = await startTestApp(target, { databaseUrl: first.server.databaseUrl });
      client = new pg.Client({ connectionString: first.server.databaseUrl });
      await client.connect();
      await listenersReady(client, 2);
    });
    after(async () => {
      await client?.end();
      await second?.stop();
      await first?.stop();
    });

    it('keeps a rendered page: a change no one announces is not seen (so the next tests mean something)', async () => {
      await eventually(first, '/gemeente/utrecht', NOT_PARTICIPATING);
      await sql('ALTER TABLE municipalities DISABLE TRIGGER municipalities_public_content_changed');
      try {
        await sql(`UPDATE municipalities SET participation = 'paused' WHERE code = 'GM0344'`);
        await sleep(300);
        assert.ok((await pageOf(first, '/gemeente/utrecht')).includes(NOT_PARTICIPATING), 'served from the cache');
      } finally {
        await sql(`UPDATE municipalities SET participation = 'not_participating' WHERE code = 'GM0344'`);
        await sql('ALTER TABLE municipalities ENABLE TRIGGER municipalities_public_content_changed');
      }
    });

    it('shows a participation change made in another connection on the next request', async () => {
      await eventually(first, '/gemeente/utrecht', NOT_PARTICIPATING);
      await eventually(
        first,
        '/en/gemeente/utrecht',
        message('en', 'municipality.notParticipating', { name: 'Utrecht' }),
      );
      await sql(`UPDATE municipalities SET participation = 'paused' WHERE code = 'GM0344'`);
      await eventually(first, '/gemeente/utrecht', PAUSED);
      await eventually(first, '/en/gemeente/utrecht', message('en', 'municipality.paused', { name: 'Utrecht' }));
    });

    it('shows new contact routes on both app instances sharing the database', async () => {
      for (const app of [first, second]) await eventually(app, '/gemeente/utrecht', PAUSED);
      await sql(`
        BEGIN;
        INSERT INTO municipality_contact_routes (municipality_code, phone) VALUES ('GM0344', '030 286 0000');
        UPDATE municipalities SET participation = 'active' WHERE code = 'GM0344';
        COMMIT;`);
      for (const app of [first, second]) {
        await eventually(app, '/gemeente/utrecht', ACTIVE);
        await eventually(app, '/gemeente/utrecht', 'href="tel:0302860000"');
      }
      await sql(`UPDATE municipality_contact_routes SET phone = '030 111 1111' WHERE municipality_code = 'GM0344'`);
      for (const app of [first, second]) await eventually(app, '/gemeente/utrecht', 'href="tel:0301111111"');
    });

    it('empties the cache when the listener reconnects, so a change missed meanwhile is seen', async () => {
      for (const app of [first, second]) await eventually(app, '/gemeente/utrecht', ACTIVE);
      await sql('ALTER TABLE municipalities DISABLE TRIGGER municipalities_public_content_changed');
      try {
        await sql(`UPDATE municipalities SET participation = 'paused' WHERE code = 'GM0344'`);
        await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                   WHERE datname = current_database() AND application_name = 'opendeur-listener'`);
      } finally {
        await sql('ALTER TABLE municipalities ENABLE TRIGGER municipalities_public_content_changed');
      }
      for (const app of [first, second]) await eventually(app, '/gemeente/utrecht', PAUSED);
    });
  });
}
