import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { inBatches } from '../../../test/helpers/batches.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  assertHelpNumbers,
  assertPublicResponse,
  escapeHtml,
  htmlLanguage,
  message,
} from '../../../test/helpers/html.ts';
import { dataMunicipalities, dataPostcodes } from '../../../test/helpers/registry-data.ts';

for (const target of databaseTargets()) {
  describe(`the finder over HTTP (${target.name})`, () => {
    let app: TestApp;
    let slugByCode: Map<string, string>;
    const search = (q: string, prefix = '') =>
      app.server.app.inject({ method: 'GET', url: `${prefix}/zoek`, query: { q } });

    before(async () => {
      app = await startTestApp(target);
      const { rows } = await app.owner.pool.query<{ code: string; slug: string }>(
        'SELECT code, slug FROM municipalities',
      );
      slugByCode = new Map(rows.map((row) => [row.code, row.slug]));
    });
    after(async () => {
      await app?.stop();
    });

    it('sends each of the 342 exact CBS names straight to its page (303)', async () => {
      await inBatches(dataMunicipalities(), async ({ code, name }) => {
        const response = await search(name);
        assert.equal(response.statusCode, 303, name);
        assert.equal(response.headers.location, `/gemeente/${slugByCode.get(code)}`, name);
      });
    });

    it('sends each postcode of the data file straight to its municipality page', async () => {
      await inBatches(dataPostcodes(), async ({ pc4, municipalityCode }) => {
        const response = await search(pc4);
        assert.equal(response.statusCode, 303, pc4);
        assert.equal(response.headers.location, `/gemeente/${slugByCode.get(municipalityCode)}`, pc4);
      });
    });

    it('answers postcodes with letters and common names with the right page', async () => {
      const cases: Array<[query: string, location: string]> = [
        ['5401', '/gemeente/maashorst'],
        ['5401 AB', '/gemeente/maashorst'],
        ['5401ab', '/gemeente/maashorst'],
        ['3231', '/gemeente/voorne-aan-zee'],
        ['1703', '/gemeente/dijk-en-waard'],
        ['sudwest', '/gemeente/sudwest-fryslan'],
        ['SÚDWEST', '/gemeente/sudwest-fryslan'],
        ['den bosch', '/gemeente/s-hertogenbosch'],
        ['den haag', '/gemeente/s-gravenhage'],
        ['Uden', '/gemeente/maashorst'],
      ];
      for (const [query, location] of cases) {
        const response = await search(query);
        assert.equal(response.statusCode, 303, query);
        assert.equal(response.headers.location, location, query);
        assert.equal(response.headers['cache-control'], 'no-store', `a search is never kept: ${query}`);
      }
    });

    it('keeps the language: /en/zoek leads to /en/gemeente/…', async () => {
      for (const prefix of ['/en', '/ar']) {
        const response = await search('5401 AB', prefix);
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, `${prefix}/gemeente/maashorst`);
      }
    });

    it('lists several matches with a link to each, in the language of the search', async () => {
      const response = await search('bergen');
      assert.equal(response.statusCode, 200);
      assertPublicResponse(response, '/zoek?q=bergen');
      assert.equal(response.headers['cache-control'], 'no-store');
      for (const slug of ['bergen-nh', 'bergen-l', 'bergen-op-zoom'])
        assert.ok(response.body.includes(`href="/gemeente/${slug}"`), slug);
      assert.ok(response.body.includes(message('nl', 'finder.resultsTitle')));
      assertHelpNumbers(response.body, 'several matches');

      const english = await search('bergen', '/en');
      assert.equal(english.statusCode, 200);
      assert.equal(htmlLanguage(english.body).lang, 'en');
      assert.ok(english.body.includes('href="/en/gemeente/bergen-nh"'));
      assert.ok(english.body.includes(message('en', 'finder.resultsTitle')));
    });

    it('says what to try next when nothing is found, and still shows the help numbers', async () => {
      const byName = await search('Atlantis');
      assert.equal(byName.statusCode, 200);
      assertPublicResponse(byName, '/zoek?q=Atlantis');
      assert.ok(
        byName.body.includes(message('nl', 'finder.noneName', { query: 'Atlantis' })),
        'suggests checking the spelling or a postcode',
      );
      assert.ok(
        byName.body.includes('name="q"') && byName.body.includes('value="Atlantis"'),
        'the finder keeps what was typed',
      );
      assertHelpNumbers(byName.body, 'no match by name');

      for (const query of ['1000', '0000', '12']) {
        const byPostcode = await search(query);
        assert.equal(byPostcode.statusCode, 200, query);
        assert.ok(byPostcode.body.includes(message('nl', 'finder.nonePostcode', { query })), query);
        assertHelpNumbers(byPostcode.body, `no match for ${query}`);
      }

      const english = await search('Atlantis', '/en');
      assert.equal(htmlLanguage(english.body).lang, 'en');
      assert.ok(english.body.includes(message('en', 'finder.noneName', { query: 'Atlantis' })));
      assertHelpNumbers(english.body, 'no match in English');
    });

    it('asks for a name or postcode when the query is empty or missing', async () => {
      for (const url of ['/zoek', '/zoek?q=', '/zoek?q=+++']) {
        const response = await app.server.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
        assert.ok(response.body.includes(message('nl', 'finder.empty')), url);
        assertHelpNumbers(response.body, url);
      }
    });

    it('uses the first q when several are given', async () => {
      const response = await app.server.app.inject({ method: 'GET', url: '/zoek?q=5401&q=Utrecht' });
      assert.equal(response.headers.location, '/gemeente/maashorst');
    });

    it('shows what a child typed as text, never as markup', async () => {
      const payload = '<script>alert(1)</script>"><img src=x onerror=alert(1)>';
      const response = await search(payload);
      assert.equal(response.statusCode, 200);
      assertPublicResponse(response, 'a query with markup');
      assert.ok(!response.body.includes('<img src=x'), 'the query is escaped');
      assert.ok(response.body.includes(escapeHtml('<script>alert(1)</script>')));
    });
  });
}
