import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inBatches } from '../../../test/helpers/batches.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { createRegistryDatabase, type RegistryDatabase } from '../../../test/helpers/registry-database.ts';
import { dataMunicipalities, dataPostcodes } from '../../../test/helpers/registry-data.ts';
import type { Database } from '../../db/pool.ts';
import { findMunicipalities, loadMunicipalityPage, slugForCode, type FinderResult } from './municipalities.service.ts';

/** The code of the one municipality found, or a description of what was found instead. */
function foundCode(result: FinderResult): string {
  if (result.kind === 'one') return result.municipality.code;
  if (result.kind === 'many') return `many: ${result.municipalities.map((m) => m.name).join(', ')}`;
  return result.kind;
}

for (const target of databaseTargets()) {
  describe(`findMunicipalities (${target.name})`, () => {
    let database: RegistryDatabase;
    let db: Database;
    const find = (query: string) => findMunicipalities(db, query);

    before(async () => {
      database = await createRegistryDatabase(target);
      db = database.handle.db;
    });
    after(async () => {
      await database?.drop();
    });

    it('finds each of the 342 municipalities by its exact CBS name', async () => {
      const municipalities = dataMunicipalities();
      assert.equal(municipalities.length, 342);
      await inBatches(municipalities, async ({ code, name }) => {
        assert.equal(foundCode(await find(name)), code, name);
      });
    });

    it('finds each municipality by its name in lower and upper case', async () => {
      await inBatches(dataMunicipalities(), async ({ code, name }) => {
        assert.equal(foundCode(await find(name.toLowerCase())), code, name.toLowerCase());
        assert.equal(foundCode(await find(name.toUpperCase())), code, name.toUpperCase());
      });
    });

    it('finds the municipality of each postcode in the data file', async () => {
      const postcodes = dataPostcodes();
      assert.equal(postcodes.length, 4072);
      await inBatches(postcodes, async ({ pc4, municipalityCode }) => {
        assert.equal(foundCode(await find(pc4)), municipalityCode, pc4);
      });
    });

    it('knows the merged municipalities by postcode: 5401, 3231, 1703', async () => {
      for (const [pc4, code, name] of [
        ['5401', 'GM1991', 'Maashorst'],
        ['3231', 'GM1992', 'Voorne aan Zee'],
        ['1703', 'GM1980', 'Dijk en Waard'],
      ] as const) {
        const result = await find(pc4);
        assert.equal(
          result.kind === 'one' && `${result.municipality.code} ${result.municipality.name}`,
          `${code} ${name}`,
          pc4,
        );
      }
    });

    it('accepts a postcode with its letters, with or without a space', async () => {
      for (const query of ['5401 AB', '5401ab', '5401AB', ' 5401 ab '])
        assert.equal(foundCode(await find(query)), 'GM1991', query);
    });

    it('finds names without diacritics, in any case, partial, and by their other names', async () => {
      const cases: Array<[query: string, code: string]> = [
        ['sudwest', 'GM1900'],
        ['SÚDWEST', 'GM1900'],
        ['Súdwest-Fryslân', 'GM1900'],
        ['den bosch', 'GM0796'],
        ['Den Bosch', 'GM0796'],
        ["'s-hertogenbosch", 'GM0796'],
        ['den haag', 'GM0518'],
        ['The Hague', 'GM0518'],
        ['Uden', 'GM1991'],
        ['Heerhugowaard', 'GM1980'],
        ['Hellevoetsluis', 'GM1992'],
        ['Ede', 'GM0228'],
        ['Nuenen', 'GM0820'],
      ];
      for (const [query, code] of cases) assert.equal(foundCode(await find(query)), code, query);
    });

    it('lists every candidate when a name fits several municipalities', async () => {
      const result = await find('bergen');
      assert.equal(result.kind, 'many');
      const codes = result.kind === 'many' ? result.municipalities.map((m) => m.code) : [];
      for (const code of ['GM0373', 'GM0893', 'GM0748'])
        assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
      assert.equal(new Set(codes).size, codes.length, 'each municipality once');
      const haaren = await find('Haaren');
      assert.deepEqual(haaren.kind === 'many' && haaren.municipalities.map((m) => m.code).sort(), [
        'GM0757',
        'GM0824',
        'GM0855',
        'GM0865',
      ]);
    });

    it('finds nothing for nonsense, and says whether it looked for a name or a postcode', async () => {
      for (const query of ['xyzzy', 'Atlantis', 'qq', 'zz%_zz', "'; DROP TABLE municipalities; --"]) {
        assert.deepEqual(await find(query), { kind: 'none', searchedFor: 'name' }, query);
      }
      for (const query of ['1000', '1234', '0000', '12', '0401', '54011', '5401 ABC']) {
        assert.deepEqual(await find(query), { kind: 'none', searchedFor: 'postcode' }, query);
      }
    });

    it('treats an empty query, or one of punctuation only, as empty', async () => {
      for (const query of ['', '   ', '---', "'", '%', '_'])
        assert.deepEqual(await find(query), { kind: 'empty' }, JSON.stringify(query));
    });

    it('9999 is a real postcode (Het Hogeland), not a made-up one', async () => {
      assert.equal(foundCode(await find('9999')), 'GM1966');
    });

    it('looks only at the first 80 characters of a query', async () => {
      assert.equal(foundCode(await find(`Utrecht${' '.repeat(80)}x`)), 'GM0344');
      assert.equal((await find('a'.repeat(10_000))).kind, 'none');
    });
  });

  describe(`municipality pages and short codes (${target.name})`, () => {
    let database: RegistryDatabase;
    before(async () => {
      database = await createRegistryDatabase(target);
    });
    after(async () => {
      await database?.drop();
    });

    it('loads a page by slug, with contact routes only when active', async () => {
      const db = database.handle.db;
      const page = await loadMunicipalityPage(db, 'utrecht');
      assert.equal(page.kind === 'page' && page.municipality.code, 'GM0344');
      assert.equal(page.kind === 'page' && page.contact, undefined);
      await database.handle.pool.query(
        `INSERT INTO municipality_contact_routes (municipality_code, phone) VALUES ('GM0344', '030 000 0000')`,
      );
      const enrolled = await loadMunicipalityPage(db, 'utrecht');
      assert.equal(enrolled.kind === 'page' && enrolled.contact, undefined, 'routes stay hidden until active');
      await database.handle.pool.query(`UPDATE municipalities SET participation = 'active' WHERE code = 'GM0344'`);
      const active = await loadMunicipalityPage(db, 'utrecht');
      assert.equal(active.kind === 'page' && active.contact?.phone, '030 000 0000');
      assert.deepEqual(await loadMunicipalityPage(db, 'atlantis'), { kind: 'unknown' });
    });

    it('turns a CBS code in any case into the slug, and an unknown code into nothing', async () => {
      const db = database.handle.db;
      assert.equal(await slugForCode(db, 'GM0363'), 'amsterdam');
      assert.equal(await slugForCode(db, 'gm0363'), 'amsterdam');
      assert.equal(await slugForCode(db, 'GM9999'), undefined);
    });
  });
}
