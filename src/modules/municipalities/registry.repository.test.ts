import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { findMunicipalities } from './municipalities.service.ts';
import { readRegistryFiles } from './registry-files.ts';
import { importRegistry } from './registry-import.ts';
import { endMunicipality } from './registry.repository.ts';

// A merger that has not happened: Het Hogeland (GM1966) ends and Groningen (GM0014) takes over.
const ENDED = { code: 'GM1966', name: 'Het Hogeland', slug: 'het-hogeland', pc4: '9999' };
const SUCCESSOR = { code: 'GM0014', slug: 'groningen' };

for (const target of databaseTargets()) {
  describe(`a municipality that ends (${target.name})`, () => {
    let app: TestApp;
    const get = (url: string) => app.server.app.inject({ method: 'GET', url });
    const db = () => app.owner.db;
    const query = async (text: string, values: unknown[] = []) =>
      (await app.owner.pool.query<Record<string, unknown>>(text, values)).rows;

    before(async () => {
      app = await startTestApp(target);
      await query(`UPDATE municipalities SET participation = 'active' WHERE code = $1`, [ENDED.code]);
      assert.equal(
        (await get(`/gemeente/${ENDED.slug}`)).statusCode,
        200,
        'its page is served (and cached) before it ends',
      );
      await endMunicipality(db(), ENDED.code, '2027-01-01', SUCCESSOR.code);
      // The cached page is dropped when the change is announced (NOTIFY), which may take a moment.
      for (const deadline = Date.now() + 2000; Date.now() < deadline; await sleep(25)) {
        if ((await get(`/gemeente/${ENDED.slug}`)).statusCode === 301) break;
      }
    });
    after(async () => {
      await app?.stop();
    });

    it('is recorded as ended, no longer taking part, with its successor', async () => {
      assert.deepEqual(
        await query('SELECT ended_on::text, successor_code, participation FROM municipalities WHERE code = $1', [
          ENDED.code,
        ]),
        [{ ended_on: '2027-01-01', successor_code: SUCCESSOR.code, participation: 'not_participating' }],
      );
    });

    it('moves its page to the successor, in every language and for the write page', async () => {
      for (const [url, location] of [
        [`/gemeente/${ENDED.slug}`, `/gemeente/${SUCCESSOR.slug}`],
        [`/en/gemeente/${ENDED.slug}`, `/en/gemeente/${SUCCESSOR.slug}`],
        [`/gemeente/${ENDED.slug}/schrijf`, `/gemeente/${SUCCESSOR.slug}/schrijf`],
      ]) {
        const response = await get(url!);
        assert.equal(response.statusCode, 301, url);
        assert.equal(response.headers.location, location, url);
      }
    });

    it('keeps its printed short URL working: /g/{old code} leads to the successor', async () => {
      for (const code of [ENDED.code, ENDED.code.toLowerCase()]) {
        const response = await get(`/g/${code}`);
        assert.equal(response.statusCode, 302, code);
        assert.equal(response.headers.location, `/gemeente/${SUCCESSOR.slug}`, code);
      }
    });

    it('lets the finder find the successor by the old name', async () => {
      for (const name of [ENDED.name, 'het hogeland', 'HOGELAND']) {
        const result = await findMunicipalities(db(), name);
        assert.equal(result.kind === 'one' && result.municipality.code, SUCCESSOR.code, name);
      }
      const response = await get(`/zoek?q=${encodeURIComponent(ENDED.name)}`);
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, `/gemeente/${SUCCESSOR.slug}`);
    });

    it('hands its postcodes to the successor', async () => {
      const result = await findMunicipalities(db(), ENDED.pc4);
      assert.equal(result.kind === 'one' && result.municipality.code, SUCCESSOR.code);
      assert.deepEqual(
        await query('SELECT count(*)::int AS n FROM postcode_areas WHERE municipality_code = $1', [ENDED.code]),
        [{ n: 0 }],
      );
    });

    it('is no longer listed among several matches', async () => {
      const result = await findMunicipalities(db(), 'e');
      assert.equal(result.kind, 'many');
      assert.ok(result.kind === 'many' && !result.municipalities.some((m) => m.code === ENDED.code));
    });

    it('stays ended, and its postcodes lead to the successor, after a changed registry import', async () => {
      const files = await readRegistryFiles();
      assert.equal((await importRegistry(db(), { ...files, sha256: 'e'.repeat(64) })).skipped, false);
      assert.deepEqual(await query('SELECT successor_code FROM municipalities WHERE code = $1', [ENDED.code]), [
        { successor_code: SUCCESSOR.code },
      ]);
      const result = await findMunicipalities(db(), ENDED.pc4);
      assert.equal(result.kind === 'one' && result.municipality.code, SUCCESSOR.code);
      const response = await get(`/zoek?q=${ENDED.pc4}`);
      assert.equal(response.headers.location, `/gemeente/${SUCCESSOR.slug}`);
    });

    it('follows a chain of mergers from the oldest code', async () => {
      await endMunicipality(db(), SUCCESSOR.code, '2028-01-01', 'GM0344');
      const response = await get(`/g/${ENDED.code}`);
      assert.equal(response.headers.location, '/gemeente/utrecht');
      const page = await get(`/gemeente/${ENDED.slug}`);
      assert.equal(page.headers.location, '/gemeente/utrecht');
      const found = await findMunicipalities(db(), ENDED.name);
      assert.equal(found.kind === 'one' && found.municipality.code, 'GM0344');
    });
  });
}
