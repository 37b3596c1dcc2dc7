import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { assertHelpNumbers, htmlLanguage, message } from '../../../test/helpers/html.ts';

/** The registry's current division (data/SOURCES.md): 342 municipalities. */
const CURRENT_MUNICIPALITIES = 342;
/** The whole page, brotli-compressed, must stay within this (a child on a slow phone pays for it). */
const BROTLI_BUDGET = 60 * 1024;

/** Every map shape: its municipality code, its title and whether it is a link (and where to). */
function shapesOf(html: string): Map<string, { title: string; href: string | undefined }> {
  const svg = /<svg class="od-map"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
  const shapes = new Map<string, { title: string; href: string | undefined }>();
  for (const match of svg.matchAll(
    /<a href="([^"]+)"><title>([^<]+)<\/title><path d="[^"]+" data-code="(GM\d{4})"(?:\/>|><\/path>)<\/a>/g,
  ))
    shapes.set(match[3]!, { title: match[2]!, href: match[1] });
  for (const match of svg.matchAll(/<path d="[^"]+" data-code="(GM\d{4})"><title>([^<]+)<\/title><\/path>/g))
    shapes.set(match[1]!, { title: match[2]!, href: undefined });
  return shapes;
}

for (const target of databaseTargets()) {
  describe(`national page: who takes part (${target.name})`, () => {
    let app: TestApp;
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.server.app.inject({ method: 'GET', url, headers });
    const states = new Map<string, string>();

    before(async () => {
      app = await startTestApp(target);
      await app.owner.pool.query(`
        UPDATE municipalities SET participation = 'active' WHERE code IN ('GM0344', 'GM0363');
        UPDATE municipalities SET participation = 'enrolled' WHERE code IN ('GM0307', 'GM0599');
        UPDATE municipalities SET participation = 'paused' WHERE code = 'GM0308';
        -- An ended municipality (merged into Amsterdam) with a boundary: not on the map, not counted.
        INSERT INTO municipalities (code, name, slug, search_key, province_code, province_name, ended_on, successor_code)
        VALUES ('GM0001', 'Oudewater-Oost', 'oudewater-oost', 'oudewater oost', 'PV27', 'Noord-Holland', '2020-01-01', 'GM0363');
        INSERT INTO municipality_boundaries (municipality_code, geometry)
          SELECT 'GM0001', geometry FROM municipality_boundaries WHERE municipality_code = 'GM0363';`);
      states.set('GM0344', 'national.stateActive');
      states.set('GM0363', 'national.stateActive');
      states.set('GM0307', 'national.stateEnrolled');
      states.set('GM0599', 'national.stateEnrolled');
      states.set('GM0308', 'national.stateEnrolled');
    });
    after(async () => {
      await app?.stop();
    });

    it('draws exactly one shape per current municipality, each in its state from the database', async () => {
      const response = await get('/wie-doet-mee');
      assert.equal(response.statusCode, 200);
      const { rows } = await app.owner.pool.query<{ code: string; name: string; slug: string; participation: string }>(
        'SELECT code, name, slug, participation FROM municipalities WHERE ended_on IS NULL',
      );
      assert.equal(rows.length, CURRENT_MUNICIPALITIES);
      const shapes = shapesOf(response.body);
      assert.equal((response.body.match(/data-code="/g) ?? []).length, CURRENT_MUNICIPALITIES, 'one path each');
      assert.deepEqual([...shapes.keys()].sort(), rows.map((row) => row.code).sort());
      assert.ok(!shapes.has('GM0001'), 'an ended municipality is not on the map');
      for (const row of rows) {
        const shape = shapes.get(row.code)!;
        const state = message('nl', (states.get(row.code) ?? 'national.stateNotYet') as 'national.stateActive');
        assert.equal(shape.title, `${row.name.replace(/'/g, '&#x27;')}: ${state}`, row.code);
        assert.equal(shape.href, row.participation === 'active' ? `/gemeente/${row.slug}` : undefined, row.code);
      }
    });

    it('counts per province add up to the country, and match the database', async () => {
      const html = (await get('/wie-doet-mee')).body;
      const counts = /<table class="od-table od-counts">[\s\S]*?<\/table>/.exec(html)![0];
      const rowsOf = (part: string) =>
        [
          ...part.matchAll(
            /<tr><th scope="row">([^<]+)<\/th><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td><\/tr>/g,
          ),
        ].map((match) => ({ name: match[1]!, numbers: match.slice(2, 6).map(Number) }));
      const provinces = rowsOf(/<tbody>([\s\S]*)<\/tbody>/.exec(counts)![1]!);
      const [total] = rowsOf(/<tfoot>([\s\S]*)<\/tfoot>/.exec(counts)![1]!);
      assert.equal(provinces.length, 12);
      assert.deepEqual(total!.numbers, [2, 3, CURRENT_MUNICIPALITIES - 5, CURRENT_MUNICIPALITIES]);
      for (const column of [0, 1, 2, 3])
        assert.equal(
          provinces.reduce((sum, province) => sum + province.numbers[column]!, 0),
          total!.numbers[column],
          `column ${column}`,
        );
      for (const province of provinces) {
        const [active, enrolled, notYet, all] = province.numbers as [number, number, number, number];
        assert.equal(active + enrolled + notYet, all, province.name);
      }
      const { rows } = await app.owner.pool.query<{ province_name: string; n: number }>(
        'SELECT province_name, count(*)::int AS n FROM municipalities WHERE ended_on IS NULL GROUP BY province_name',
      );
      for (const row of rows)
        assert.equal(
          provinces.find((province) => province.name === row.province_name)?.numbers[3],
          row.n,
          row.province_name,
        );
      const utrecht = provinces.find((province) => province.name === 'Utrecht')!;
      assert.equal(utrecht.numbers[0], 1, 'Utrecht (GM0344) is active in the province Utrecht');
    });

    it('lists every municipality in a table per province, with its state and a link', async () => {
      const html = (await get('/wie-doet-mee')).body;
      const rows = [
        ...html.matchAll(/<tr data-state="(\w+)"><th scope="row"><a class="nl-link" href="\/gemeente\/([a-z0-9-]+)">/g),
      ];
      assert.equal(rows.length, CURRENT_MUNICIPALITIES);
      const bySlug = new Map(rows.map((match) => [match[2]!, match[1]!]));
      assert.equal(bySlug.get('amsterdam'), 'active');
      assert.equal(bySlug.get('rotterdam'), 'enrolled');
      assert.equal(bySlug.get('groningen'), 'not_yet');
      assert.ok(!bySlug.has('oudewater-oost'));
    });

    it('has no script, keeps within its size budget compressed, and is cached', async () => {
      const response = await get('/wie-doet-mee', { 'accept-encoding': 'br' });
      assert.equal(response.headers['content-encoding'], 'br');
      const size = response.rawPayload.length;
      console.log(`# /wie-doet-mee: ${(size / 1024).toFixed(1)} kB brotli`);
      assert.ok(size <= BROTLI_BUDGET, `${size} bytes brotli is over the budget of ${BROTLI_BUDGET}`);
      const html = (await get('/wie-doet-mee')).body;
      assert.ok(!/<script/i.test(html), 'no script');
      assert.ok(
        !/https?:\/\/(?!www\.buienradar\.nl)/.test(html.replace(/xmlns="[^"]+"/g, '')),
        'nothing from elsewhere',
      );
      assert.match(response.headers['content-security-policy'] as string, /script-src 'none'/);
      assert.equal(response.headers['cache-control'], 'public, max-age=60');
      assert.equal((await get('/wie-doet-mee', { 'if-none-match': response.headers.etag as string })).statusCode, 304);
    });

    it('speaks English at /en and Arabic (right to left) at /ar, links in the same language', async () => {
      const english = (await get('/en/wie-doet-mee')).body;
      assert.deepEqual(htmlLanguage(english), { lang: 'en', dir: 'ltr' });
      assert.ok(english.includes(message('en', 'national.title')));
      assert.ok(english.includes('<a href="/en/gemeente/amsterdam">'));
      assert.ok(
        english.includes('href="/en/aanmelden"'),
        'a municipality not yet taking part finds the application form',
      );
      const arabic = (await get('/ar/wie-doet-mee')).body;
      assert.deepEqual(htmlLanguage(arabic), { lang: 'ar', dir: 'rtl' });
      assert.ok(arabic.includes(message('ar', 'national.title')));
      assertHelpNumbers(arabic, '/ar/wie-doet-mee');
    });

    it('shows a change of participation after the change notification, without a restart', async () => {
      const before = shapesOf((await get('/wie-doet-mee')).body).get('GM0014')!;
      assert.equal(before.href, undefined);
      await app.owner.pool.query("UPDATE municipalities SET participation = 'active' WHERE code = 'GM0014'");
      let after = before;
      for (let attempt = 0; attempt < 50 && !after.href; attempt++) {
        await sleep(100);
        after = shapesOf((await get('/wie-doet-mee')).body).get('GM0014')!;
      }
      assert.equal(after.href, '/gemeente/groningen');
    });

    it('is linked from the home page and from every page footer', async () => {
      const home = (await get('/')).body;
      assert.ok((home.match(/href="\/wie-doet-mee"/g) ?? []).length >= 2, 'home text and footer');
      assert.ok((await get('/en/gemeente/utrecht')).body.includes('href="/en/wie-doet-mee"'));
    });
  });
}
