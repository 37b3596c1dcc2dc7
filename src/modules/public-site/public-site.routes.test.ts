import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { assertHelpNumbers, assertPublicResponse, htmlLanguage, message } from '../../../test/helpers/html.ts';

const QUICK_EXIT = 'href="https://www.buienradar.nl/"';

for (const target of databaseTargets()) {
  describe(`public pages (${target.name})`, () => {
    let app: TestApp;
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.server.app.inject({ method: 'GET', url, headers });

    before(async () => {
      app = await startTestApp(target, {
        extraRoutes: (fastify) => {
          for (const url of ['/test/boom', '/en/test/boom']) {
            fastify.get(url, { config: { policy: 'public' } }, async () => {
              throw new Error('internal detail that must not reach the child');
            });
          }
        },
      });
      await app.owner.pool.query(`
        UPDATE municipalities SET participation = 'active' WHERE code = 'GM0344';
        UPDATE municipalities SET participation = 'enrolled' WHERE code = 'GM0307';
        UPDATE municipalities SET participation = 'paused' WHERE code = 'GM0308';
        INSERT INTO municipality_contact_routes (municipality_code, visit_address, visit_hours, phone, email,
          confidential_adviser_name, confidential_adviser_phone)
        VALUES ('GM0344', 'Stadsplateau 1, Utrecht', 'ma–vr 9–17', '030 286 0000', 'burgemeester@utrecht.invalid',
          'Mira Jansen', '06 1234 5678');`);
    });
    after(async () => {
      await app?.stop();
    });

    it('/ explains the site in Dutch, with the finder, the help numbers and quick exit', async () => {
      const response = await get('/');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/html; charset=utf-8');
      assert.deepEqual(htmlLanguage(response.body), { lang: 'nl', dir: 'ltr' });
      assert.ok(response.body.includes(message('nl', 'home.title')));
      assert.ok(response.body.includes('action="/zoek"') && response.body.includes('name="q"'), 'the finder');
      assertHelpNumbers(response.body, '/');
      assert.ok(response.body.includes(QUICK_EXIT), 'quick exit');
      assert.ok(response.body.includes('href="/en"'), 'the language switch');
    });

    it('/en and /en/ are the same page in English; /ar is right-to-left', async () => {
      for (const url of ['/en', '/en/']) {
        const response = await get(url);
        assert.equal(response.statusCode, 200, url);
        assert.deepEqual(htmlLanguage(response.body), { lang: 'en', dir: 'ltr' }, url);
        assert.ok(response.body.includes(message('en', 'home.title')), url);
        assert.ok(response.body.includes('action="/en/zoek"'), url);
        assertHelpNumbers(response.body, url);
      }
      const arabic = await get('/ar');
      assert.deepEqual(htmlLanguage(arabic.body), { lang: 'ar', dir: 'rtl' });
      assert.ok(arabic.body.includes(message('ar', 'home.title')));
    });

    it('a municipality that does not take part says so honestly and shows the help numbers', async () => {
      const cases: Array<
        [
          slug: string,
          name: string,
          id: 'municipality.notParticipating' | 'municipality.enrolled' | 'municipality.paused',
        ]
      > = [
        ['amsterdam', 'Amsterdam', 'municipality.notParticipating'],
        ['amersfoort', 'Amersfoort', 'municipality.enrolled'],
        ['baarn', 'Baarn', 'municipality.paused'],
      ];
      for (const [slug, name, id] of cases) {
        const response = await get(`/gemeente/${slug}`);
        assert.equal(response.statusCode, 200, slug);
        assert.ok(response.body.includes(message('nl', 'municipality.title', { name })), slug);
        assert.ok(response.body.includes(message('nl', id, { name })), `${slug}: ${id}`);
        assert.ok(!response.body.includes('/schrijf'), `${slug} offers no way to write`);
        assert.ok(response.body.includes(message('nl', 'site.cbsSource')), 'Bron: CBS');
        assertHelpNumbers(response.body, slug);
        assert.ok(response.body.includes(QUICK_EXIT), slug);
      }
    });

    it('an active municipality shows how to reach the mayor', async () => {
      const response = await get('/gemeente/utrecht');
      assert.equal(response.statusCode, 200);
      const html = response.body;
      assert.ok(html.includes(message('nl', 'municipality.activeIntro', { name: 'Utrecht' })));
      assert.ok(html.includes('Stadsplateau 1, Utrecht') && html.includes('ma–vr 9–17'), 'visiting address and hours');
      assert.ok(html.includes('href="tel:0302860000"'), 'the phone number is tappable');
      assert.ok(html.includes('href="mailto:burgemeester@utrecht.invalid"'));
      assert.ok(
        html.includes(message('nl', 'municipality.adviserText', { name: 'Mira Jansen' })) &&
          html.includes('href="tel:0612345678"'),
      );
      assert.ok(html.includes('href="/gemeente/utrecht/schrijf"'), 'the write link');
      assert.ok(!html.includes(message('nl', 'municipality.exampleNotice')), 'real data is not marked as an example');
      assertHelpNumbers(html, 'active municipality');

      const english = await get('/en/gemeente/utrecht');
      assert.equal(htmlLanguage(english.body).lang, 'en');
      assert.ok(english.body.includes(message('en', 'municipality.activeIntro', { name: 'Utrecht' })));
      assert.ok(english.body.includes('href="/en/gemeente/utrecht/schrijf"'));
    });

    it('the write page of an active municipality has the form; others redirect to their page', async () => {
      const response = await get('/gemeente/utrecht/schrijf');
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.ok(response.body.includes(message('nl', 'write.messageLabel')), 'the form');
      assert.ok(response.body.includes('href="/gemeente/utrecht"'), 'a way back');
      assertHelpNumbers(response.body, 'write page');
      const english = await get('/en/gemeente/utrecht/schrijf');
      assert.equal(htmlLanguage(english.body).lang, 'en');
      assert.ok(english.body.includes(message('en', 'write.messageLabel')));

      const notActive = await get('/gemeente/amsterdam/schrijf');
      assert.equal(notActive.statusCode, 303, 'a municipality that does not take part has no write page');
      assert.equal(notActive.headers.location, '/gemeente/amsterdam');
    });

    it('unknown pages get the 404 page in the same style, in the language of the URL', async () => {
      const cases: Array<[url: string, locale: string]> = [
        ['/gemeente/atlantis', 'nl'],
        ['/gemeente/Utrecht', 'nl'],
        ['/gemeente/atlantis/schrijf', 'nl'],
        ['/bestaat-niet', 'nl'],
        ['/g/GM9999', 'nl'],
        ['/en/gemeente/atlantis', 'en'],
        ['/en/does-not-exist', 'en'],
        ['/ar/gemeente/atlantis', 'ar'],
        ['/styles/other.css', 'nl'],
      ];
      for (const [url, locale] of cases) {
        const response = await get(url);
        assert.equal(response.statusCode, 404, url);
        assert.equal(htmlLanguage(response.body).lang, locale, url);
        assert.ok(response.body.includes(message(locale, 'error.notFoundTitle')), url);
        assert.ok(response.body.includes('name="q"'), `${url} offers the finder`);
        assert.ok(response.body.includes(QUICK_EXIT), url);
        assertHelpNumbers(response.body, url);
        assertPublicResponse(response, url);
      }
    });

    it('a failure gets the 500 page with the help numbers, and no internal detail', async () => {
      for (const [url, locale] of [
        ['/test/boom', 'nl'],
        ['/en/test/boom', 'en'],
      ] as const) {
        const response = await get(url);
        assert.equal(response.statusCode, 500, url);
        assert.equal(htmlLanguage(response.body).lang, locale, url);
        assert.ok(response.body.includes(message(locale, 'error.serverTitle')), url);
        assert.ok(!response.body.includes('internal detail'), url);
        assertHelpNumbers(response.body, url);
        assertPublicResponse(response, url);
      }
    });

    it('every public response forbids scripts, framing, referrers and cookies', async () => {
      const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec((await get('/')).body)?.[1];
      assert.ok(stylesheet?.startsWith('/styles/'), 'the stylesheet comes from this site');
      const urls = [
        '/',
        '/en',
        '/en/',
        '/ar',
        '/gemeente/amsterdam',
        '/gemeente/utrecht',
        '/en/gemeente/utrecht',
        '/gemeente/utrecht/schrijf',
        '/gemeente/amsterdam/schrijf',
        '/zoek?q=5401',
        '/zoek?q=bergen',
        '/zoek?q=xyz',
        '/en/zoek?q=xyz',
        '/g/GM0363',
        '/g/GM9999',
        '/bestaat-niet',
        '/healthz',
        '/readyz',
        stylesheet!,
      ];
      for (const url of urls) {
        const response = await get(url);
        assert.ok(response.statusCode < 500, url);
        assertPublicResponse(response, url);
      }
      const head = await app.server.app.inject({ method: 'HEAD', url: '/' });
      assert.equal(head.statusCode, 200);
      assertPublicResponse(head, 'HEAD /');
    });

    it('pages load nothing from another site', async () => {
      for (const url of ['/', '/en/gemeente/utrecht', '/zoek?q=bergen', '/bestaat-niet']) {
        const { body } = await get(url);
        for (const [, attribute, value] of body.matchAll(/\b(src|href|action)="([^"]*)"/g)) {
          if (
            attribute === 'href' &&
            /^(https:\/\/(www\.)?(buienradar\.nl|kindertelefoon\.nl|veiligthuis\.nl)\/|tel:|mailto:)/.test(value!)
          )
            continue;
          assert.match(value!, /^(\/|#|data:)/, `${url}: ${attribute}="${value}"`);
        }
        assert.ok(!/\bsrc="https?:/.test(body), `${url} loads nothing from elsewhere`);
      }
    });

    it('sends compressed pages that decode to the same HTML, and 304 for a current copy', async () => {
      const plain = await get('/gemeente/utrecht');
      const br = await get('/gemeente/utrecht', { 'accept-encoding': 'br, gzip' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), plain.body);
      const gzip = await get('/gemeente/utrecht', { 'accept-encoding': 'gzip' });
      assert.equal(gunzipSync(gzip.rawPayload).toString('utf8'), plain.body);
      const again = await get('/gemeente/utrecht', { 'if-none-match': String(plain.headers.etag) });
      assert.equal(again.statusCode, 304);
    });
  });
}
