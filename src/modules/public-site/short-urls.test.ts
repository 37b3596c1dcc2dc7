import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { inBatches } from '../../../test/helpers/batches.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { assertHelpNumbers, assertPublicResponse, escapeHtml, message } from '../../../test/helpers/html.ts';
import { dataMunicipalities } from '../../../test/helpers/registry-data.ts';

// The URLs printed in QR codes on stickers: /g/{CBS code}. Once printed they must never break.
for (const target of databaseTargets()) {
  describe(`short URLs /g/{code} (${target.name})`, () => {
    let app: TestApp;
    const get = (url: string) => app.server.app.inject({ method: 'GET', url });

    before(async () => {
      app = await startTestApp(target);
    });
    after(async () => {
      await app?.stop();
    });

    it('redirects each of the 342 codes, in upper and lower case, to a page that shows that municipality', async () => {
      await inBatches(dataMunicipalities(), async ({ code, name }) => {
        const response = await get(`/g/${code}`);
        assert.equal(response.statusCode, 302, code);
        const location = String(response.headers.location);
        assert.match(location, /^\/gemeente\/[a-z0-9-]+$/, code);
        assertPublicResponse(response, `/g/${code}`);
        const lower = await get(`/g/${code.toLowerCase()}`);
        assert.equal(lower.statusCode, 302, code.toLowerCase());
        assert.equal(lower.headers.location, location, code.toLowerCase());
        const page = await get(location);
        assert.equal(page.statusCode, 200, location);
        assert.ok(page.body.includes(message('nl', 'municipality.title', { name })), `${location} shows ${name}`);
      });
    });

    it('keeps the slugs that printed links already lead to', async () => {
      const expected: Array<[code: string, location: string]> = [
        ['GM0363', '/gemeente/amsterdam'],
        ['gm0363', '/gemeente/amsterdam'],
        ['Gm0363', '/gemeente/amsterdam'],
        ['GM0796', '/gemeente/s-hertogenbosch'],
        ['GM0518', '/gemeente/s-gravenhage'],
        ['GM1900', '/gemeente/sudwest-fryslan'],
        ['GM0373', '/gemeente/bergen-nh'],
        ['GM0893', '/gemeente/bergen-l'],
        ['GM0820', '/gemeente/nuenen-gerwen-en-nederwetten'],
        ['GM1991', '/gemeente/maashorst'],
      ];
      for (const [code, location] of expected) {
        const response = await get(`/g/${code}`);
        assert.equal(response.statusCode, 302, code);
        assert.equal(response.headers.location, location, code);
        assert.equal(response.headers['cache-control'], 'no-cache', 'a browser asks again, so a merger takes effect');
      }
    });

    it('answers an unknown or malformed code with the 404 page and the help numbers', async () => {
      for (const code of ['GM9999', 'GM0000', 'gm12345', 'GM036', 'XX0363', '0363', 'amsterdam', '%00']) {
        const response = await get(`/g/${code}`);
        assert.equal(response.statusCode, 404, code);
        assert.ok(response.body.includes(message('nl', 'error.notFoundTitle')), code);
        assertHelpNumbers(response.body, `/g/${code}`);
        assertPublicResponse(response, `/g/${code}`);
      }
    });

    it('shows the name of the municipality safely escaped on its page', async () => {
      const page = await get('/gemeente/s-hertogenbosch');
      assert.ok(page.body.includes(escapeHtml("'s-Hertogenbosch")));
    });
  });
}
