import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dataDirectory } from '../../paths.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { createRegistryDatabase, type RegistryDatabase } from '../../../test/helpers/registry-database.ts';
import { dataMunicipalities, dataPostcodes } from '../../../test/helpers/registry-data.ts';
import { findMunicipalities } from './municipalities.service.ts';
import { readRegistryFiles, type RegistryFiles } from './registry-files.ts';
import { importRegistry } from './registry-import.ts';

/** A copy of the files with one municipality renamed and one postcode moved, as a new CBS release would. */
function changedFiles(files: RegistryFiles): RegistryFiles {
  return {
    ...files,
    municipalities: files.municipalities.map((m) => (m.code === 'GM0014' ? { ...m, name: 'Groningen-Stad' } : m)),
    postcodes: files.postcodes
      .filter((postcode) => postcode.pc4 !== '9999')
      .map((postcode) => (postcode.pc4 === '9998' ? { ...postcode, municipalityCode: 'GM0014' } : postcode)),
    sha256: 'f'.repeat(64),
  };
}

for (const target of databaseTargets()) {
  describe(`registry import (${target.name})`, () => {
    let database: RegistryDatabase;
    const query = async <T extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
      (await database.handle.pool.query<T>(text, values)).rows;

    before(async () => {
      database = await createRegistryDatabase(target, { importRegistry: false });
    });
    after(async () => {
      await database?.drop();
    });

    it('imports 342 municipalities, 4072 postcodes and a boundary for each municipality', async () => {
      const result = await importRegistry(database.handle.db);
      assert.deepEqual(result, { skipped: false, municipalities: 342, postcodes: 4072 });
      const [counts] = await query<{
        municipalities: number;
        postcodes: number;
        boundaries: number;
        polygons: number;
      }>(`
        SELECT (SELECT count(*)::int FROM municipalities) AS municipalities,
               (SELECT count(*)::int FROM postcode_areas) AS postcodes,
               (SELECT count(*)::int FROM municipality_boundaries) AS boundaries,
               (SELECT count(*)::int FROM municipality_boundaries
                 WHERE geometry->>'type' IN ('Polygon', 'MultiPolygon')
                   AND jsonb_array_length(geometry->'coordinates') > 0) AS polygons`);
      assert.deepEqual(counts, { municipalities: 342, postcodes: 4072, boundaries: 342, polygons: 342 });
    });

    it('stores each municipality with the code, name and province of the data file', async () => {
      const rows = await query<{ code: string; name: string; province_name: string; slug: string }>(
        'SELECT code, name, province_name, slug FROM municipalities ORDER BY code',
      );
      const expected = dataMunicipalities().sort((a, b) => a.code.localeCompare(b.code));
      assert.deepEqual(
        rows.map((row) => [row.code, row.name, row.province_name]),
        expected.map((m) => [m.code, m.name, m.province]),
      );
      assert.equal(new Set(rows.map((row) => row.slug)).size, 342, 'every slug is unique');
      for (const row of rows) assert.match(row.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/, row.name);
      const slugs = Object.fromEntries(rows.map((row) => [row.code, row.slug]));
      assert.equal(slugs.GM0363, 'amsterdam');
      assert.equal(slugs.GM0796, 's-hertogenbosch');
      assert.equal(slugs.GM1900, 'sudwest-fryslan');
      assert.equal(slugs.GM0373, 'bergen-nh');
    });

    it('maps every postcode of the data file to its municipality', async () => {
      const rows = await query<{ pc4: string; municipality_code: string }>(
        'SELECT pc4, municipality_code FROM postcode_areas',
      );
      const stored = new Map(rows.map((row) => [row.pc4, row.municipality_code]));
      for (const postcode of dataPostcodes())
        assert.equal(stored.get(postcode.pc4), postcode.municipalityCode, postcode.pc4);
    });

    it('skips a second import of the same files', async () => {
      const [before] = await query<{ imported_at: Date }>('SELECT imported_at FROM registry_imports');
      const result = await importRegistry(database.handle.db);
      assert.deepEqual(result, { skipped: true, municipalities: 342, postcodes: 4072 });
      const [after] = await query<{ imported_at: Date }>('SELECT imported_at FROM registry_imports');
      assert.deepEqual(after, before);
    });

    it('keeps participation and contact routes set by hand through a changed import', async () => {
      await query(`UPDATE municipalities SET participation = 'active' WHERE code = 'GM0014'`);
      await query(`UPDATE municipalities SET participation = 'paused' WHERE code = 'GM0344'`);
      await query(
        `INSERT INTO municipality_contact_routes (municipality_code, phone) VALUES ('GM0014', '050 000 0000')`,
      );

      const result = await importRegistry(database.handle.db, changedFiles(await readRegistryFiles()));
      assert.equal(result.skipped, false);

      const rows = await query<{ code: string; name: string; slug: string; participation: string }>(
        `SELECT code, name, slug, participation FROM municipalities WHERE code IN ('GM0014', 'GM0344') ORDER BY code`,
      );
      assert.deepEqual(rows, [
        { code: 'GM0014', name: 'Groningen-Stad', slug: 'groningen-stad', participation: 'active' },
        { code: 'GM0344', name: 'Utrecht', slug: 'utrecht', participation: 'paused' },
      ]);
      const contact = await query('SELECT phone FROM municipality_contact_routes WHERE municipality_code = $1', [
        'GM0014',
      ]);
      assert.deepEqual(contact, [{ phone: '050 000 0000' }]);
    });

    it('follows a changed file: new names are found, postcodes move and disappear', async () => {
      const renamed = await findMunicipalities(database.handle.db, 'Groningen-Stad');
      assert.equal(renamed.kind === 'one' && renamed.municipality.code, 'GM0014');
      const moved = await query('SELECT municipality_code FROM postcode_areas WHERE pc4 = $1', ['9998']);
      assert.deepEqual(moved, [{ municipality_code: 'GM0014' }]);
      assert.deepEqual(await query('SELECT * FROM postcode_areas WHERE pc4 = $1', ['9999']), []);
      assert.deepEqual(await findMunicipalities(database.handle.db, '9999'), { kind: 'none', searchedFor: 'postcode' });
    });

    it('imports the data files again when they differ from the last import, keeping participation', async () => {
      const result = await importRegistry(database.handle.db);
      assert.equal(result.skipped, false);
      const [groningen] = await query('SELECT name, slug, participation FROM municipalities WHERE code = $1', [
        'GM0014',
      ]);
      assert.deepEqual(groningen, { name: 'Groningen', slug: 'groningen', participation: 'active' });
      const [pc] = await query('SELECT municipality_code FROM postcode_areas WHERE pc4 = $1', ['9999']);
      assert.deepEqual(pc, { municipality_code: 'GM1966' });
      assert.equal((await importRegistry(database.handle.db)).skipped, true);
    });
  });
}

describe('readRegistryFiles', () => {
  let directory: string;
  before(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-registry-'));
    await cp(dataDirectory, directory, { recursive: true });
  });
  after(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('reads the project data: 342 municipalities, 4072 postcodes, 342 boundaries', async () => {
    const files = await readRegistryFiles();
    assert.equal(files.municipalities.length, 342);
    assert.equal(files.postcodes.length, 4072);
    assert.equal(files.boundaries.size, 342);
    assert.deepEqual(new Set(files.boundaries.keys()), new Set(files.municipalities.map((m) => m.code)));
    assert.ok(
      files.municipalities.some((m) => m.name === 'Nuenen, Gerwen en Nederwetten'),
      'a quoted name keeps its comma',
    );
  });

  it('gives an edited copy of data/ a different hash and the new name', async () => {
    const original = await readRegistryFiles(directory);
    const file = path.join(directory, 'municipalities-2026.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replace('GM0344,Utrecht,', 'GM0344,Utrecht (stad),'));
    const edited = await readRegistryFiles(directory);
    assert.notEqual(edited.sha256, original.sha256);
    assert.equal(edited.municipalities.find((m) => m.code === 'GM0344')?.name, 'Utrecht (stad)');
  });

  it('refuses a file with a malformed row, naming the file and line', async () => {
    const file = path.join(directory, 'pc4-municipality-2024.csv');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[3] = lines[3]!.replace(/^\d{4}/, '12A4');
    await writeFile(file, lines.join('\n'));
    await assert.rejects(readRegistryFiles(directory), /pc4-municipality-2024\.csv line 4/);
  });
});
