import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../test/helpers/databases.ts';
import { message } from '../../../test/helpers/html.ts';

const DEMO_CODES = ['GM0363', 'GM0599', 'GM1991'];
const DEMO_SLUGS = ['amsterdam', 'rotterdam', 'maashorst'];

for (const target of databaseTargets()) {
  describe(`demo data (${target.name})`, () => {
    let database: TestDatabase;
    let client: pg.Client;
    const rows = async (text: string) => (await client.query<Record<string, unknown>>(text)).rows;
    const activeCodes = async () =>
      (await rows(`SELECT code FROM municipalities WHERE participation = 'active' ORDER BY code`)).map(
        (row) => row.code as string,
      );

    /** Starts the app on the shared database, runs `check` against it, and stops it again. */
    async function withApp(demo: boolean, check: (app: TestApp) => Promise<void>) {
      const app = await startTestApp(target, { demo, databaseUrl: database.url });
      try {
        await check(app);
      } finally {
        await app.stop();
      }
    }

    before(async () => {
      database = await createTestDatabase(target);
      client = new pg.Client({ connectionString: database.url });
      await client.connect();
    });
    after(async () => {
      await client?.end().catch(() => {});
      await database?.drop();
    });

    it('a normal start makes no municipality active and adds no contact routes', async () => {
      await withApp(false, async (app) => {
        assert.deepEqual(await activeCodes(), []);
        assert.deepEqual(await rows('SELECT count(*)::int AS n FROM municipality_contact_routes'), [{ n: 0 }]);
        const page = await app.server.app.inject({ method: 'GET', url: '/gemeente/amsterdam' });
        assert.ok(page.body.includes(message('nl', 'municipality.notParticipating', { name: 'Amsterdam' })));
        assert.ok(
          !page.body.includes('(voorbeeld)') && !page.body.includes('voorbeeldgegevens'),
          'no example details on the page',
        );
      });
    });

    it('a demo start makes the demo municipalities active, marked as examples', async () => {
      await rows(`UPDATE municipalities SET participation = 'active' WHERE code = 'GM0344'`);
      await rows(
        `INSERT INTO municipality_contact_routes (municipality_code, phone) VALUES ('GM0344', '030 286 0000')`,
      );
      await withApp(true, async (app) => {
        assert.deepEqual(await activeCodes(), ['GM0344', ...DEMO_CODES].sort());
        assert.deepEqual(
          (await rows('SELECT municipality_code FROM municipality_contact_routes WHERE is_example ORDER BY 1')).map(
            (row) => row.municipality_code,
          ),
          DEMO_CODES,
        );
        for (const slug of DEMO_SLUGS) {
          for (const locale of ['nl', 'en']) {
            const url = `${locale === 'nl' ? '' : `/${locale}`}/gemeente/${slug}`;
            const page = await app.server.app.inject({ method: 'GET', url });
            assert.equal(page.statusCode, 200, url);
            assert.ok(
              page.body.includes(message(locale, 'municipality.exampleNotice')),
              `${url} says the details are examples`,
            );
          }
        }
        const dutch = await app.server.app.inject({ method: 'GET', url: '/gemeente/amsterdam' });
        assert.match(dutch.body, /voorbeeldgegevens/);
        const real = await app.server.app.inject({ method: 'GET', url: '/gemeente/utrecht' });
        assert.ok(
          !real.body.includes(message('nl', 'municipality.exampleNotice')),
          'a real active municipality is not an example',
        );
      });
    });

    it('a normal start after a demo start removes the demo data again, and keeps real data', async () => {
      await withApp(false, async (app) => {
        assert.deepEqual(await activeCodes(), ['GM0344']);
        assert.deepEqual(await rows('SELECT count(*)::int AS n FROM municipalities WHERE is_example'), [{ n: 0 }]);
        assert.deepEqual(await rows('SELECT municipality_code FROM municipality_contact_routes'), [
          { municipality_code: 'GM0344' },
        ]);
        for (const slug of DEMO_SLUGS) {
          const page = await app.server.app.inject({ method: 'GET', url: `/gemeente/${slug}` });
          assert.ok(
            !page.body.includes('(voorbeeld)') && !page.body.includes('voorbeeldgegevens'),
            `${slug} shows no example details`,
          );
          assert.ok(!page.body.includes(message('nl', 'municipality.exampleNotice')), slug);
        }
      });
    });

    it('demo data never takes over a municipality that really takes part', async () => {
      await rows(`UPDATE municipalities SET participation = 'enrolled' WHERE code = 'GM0599'`);
      await withApp(true, async () => {
        assert.deepEqual(await rows(`SELECT participation, is_example FROM municipalities WHERE code = 'GM0599'`), [
          { participation: 'enrolled', is_example: false },
        ]);
      });
      await withApp(false, async () => {
        assert.deepEqual(await rows(`SELECT participation FROM municipalities WHERE code = 'GM0599'`), [
          { participation: 'enrolled' },
        ]);
      });
    });
  });
}
