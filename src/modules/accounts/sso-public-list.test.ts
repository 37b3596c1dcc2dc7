import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';

const AMSTERDAM = 'GM0363';
const ROTTERDAM = 'GM0599';
const UTRECHT = 'GM0344';

// The sign-in page asks, before anyone is signed in, which municipalities offer single sign-on.
for (const target of databaseTargets()) {
  describe(`the public list of municipalities with single sign-on (${target.name})`, () => {
    let app: TestApp;
    const list = async () => {
      const response = await fetch(`${app.baseUrl}/api/v1/sso/municipalities`, {
        headers: { accept: 'application/json' },
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    };
    const settings = (code: string, enabled: boolean) =>
      app.owner.pool.query(
        `INSERT INTO municipality_sso (municipality_code, issuer, client_id, client_secret, enabled, updated_at)
         VALUES ($1, $2, 'opendeur-client', $3, $4, now())`,
        [code, `https://login.${code.toLowerCase()}.example`, `zeer-geheim-${code}`, enabled],
      );

    before(async () => {
      app = await startTestApp(target);
    });
    after(async () => {
      await app?.stop();
    });

    it('is empty while no municipality has single sign-on switched on', async () => {
      const empty = await list();
      assert.equal(empty.status, 200);
      assert.deepEqual(JSON.parse(empty.text), { municipalities: [] });
    });

    it('lists, to anyone, only the municipalities whose single sign-on is on: code and name, by name', async () => {
      await settings(UTRECHT, true);
      await settings(AMSTERDAM, true);
      await settings(ROTTERDAM, false);
      const shown = await list();
      assert.equal(shown.status, 200, shown.text);
      assert.deepEqual(JSON.parse(shown.text), {
        municipalities: [
          { code: AMSTERDAM, name: 'Amsterdam' },
          { code: UTRECHT, name: 'Utrecht' },
        ],
      });
      assert.equal(shown.headers.get('cache-control'), 'no-store', 'a switched-off one disappears at once');
      assert.deepEqual(shown.headers.getSetCookie(), [], 'no cookie for asking');
      for (const secret of ['zeer-geheim', 'opendeur-client', 'https://login.'])
        assert.ok(!shown.text.includes(secret), `nothing of the settings (${secret})`);

      await app.owner.pool.query('DELETE FROM municipality_sso WHERE municipality_code = $1', [UTRECHT]);
      await app.owner.pool.query('UPDATE municipality_sso SET enabled = true WHERE municipality_code = $1', [
        ROTTERDAM,
      ]);
      const later = JSON.parse((await list()).text) as { municipalities: unknown[] };
      assert.deepEqual(later.municipalities, [
        { code: AMSTERDAM, name: 'Amsterdam' },
        { code: ROTTERDAM, name: 'Rotterdam' },
      ]);
    });

    it('is described in the OpenAPI document (paths there are relative to /api/v1)', async () => {
      const document = (await (await fetch(`${app.baseUrl}/api/v1/openapi.json`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      assert.ok(document.paths['/sso/municipalities']?.get);
    });
  });
}
