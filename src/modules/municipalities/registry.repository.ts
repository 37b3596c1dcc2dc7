import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { registryImports } from './municipalities.tables.ts';

/** A municipality row as the import writes it. */
export interface MunicipalityImportRow {
  code: string;
  name: string;
  slug: string;
  search_key: string;
  province_code: string;
  province_name: string;
}

/** The hash of the data files last imported, if any. */
export async function importedHash(db: Database, dataset: string): Promise<string | undefined> {
  const [row] = await db
    .select({ sha256: registryImports.sha256 })
    .from(registryImports)
    .where(eq(registryImports.dataset, dataset));
  return row?.sha256;
}

/**
 * Writes the registry in one statement per table. Names, slugs and provinces follow the files;
 * participation, contact routes and end dates are the programme's own data and are left alone.
 */
export async function writeRegistry(
  db: Database,
  data: {
    dataset: string;
    sha256: string;
    municipalities: MunicipalityImportRow[];
    aliases: Array<{ search_key: string; label: string; municipality_code: string }>;
    postcodes: Array<{ pc4: string; municipality_code: string; share: string }>;
    boundaries: Array<{ municipality_code: string; geometry: unknown }>;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO municipalities (code, name, slug, search_key, province_code, province_name)
      SELECT code, name, slug, search_key, province_code, province_name
      FROM jsonb_to_recordset(${JSON.stringify(data.municipalities)}::jsonb)
        AS r(code text, name text, slug text, search_key text, province_code text, province_name text)
      ON CONFLICT (code) DO UPDATE SET
        name = excluded.name, slug = excluded.slug, search_key = excluded.search_key,
        province_code = excluded.province_code, province_name = excluded.province_name, updated_at = now()
      WHERE (municipalities.name, municipalities.slug, municipalities.search_key, municipalities.province_code,
             municipalities.province_name)
        IS DISTINCT FROM (excluded.name, excluded.slug, excluded.search_key, excluded.province_code,
             excluded.province_name)
    `);
    await tx.execute(sql`DELETE FROM municipality_aliases`);
    await tx.execute(sql`
      INSERT INTO municipality_aliases (search_key, label, municipality_code)
      SELECT search_key, label, municipality_code
      FROM jsonb_to_recordset(${JSON.stringify(data.aliases)}::jsonb)
        AS r(search_key text, label text, municipality_code text)
      ON CONFLICT DO NOTHING
    `);
    await tx.execute(sql`
      INSERT INTO postcode_areas (pc4, municipality_code, share)
      SELECT pc4, municipality_code, share
      FROM jsonb_to_recordset(${JSON.stringify(data.postcodes)}::jsonb)
        AS r(pc4 text, municipality_code text, share numeric)
      ON CONFLICT (pc4) DO UPDATE SET municipality_code = excluded.municipality_code, share = excluded.share
    `);
    await tx.execute(sql`
      DELETE FROM postcode_areas
      WHERE pc4 NOT IN (SELECT value FROM jsonb_array_elements_text(${JSON.stringify(data.postcodes.map((row) => row.pc4))}::jsonb))
    `);
    await tx.execute(sql`
      INSERT INTO municipality_boundaries (municipality_code, geometry)
      SELECT municipality_code, geometry
      FROM jsonb_to_recordset(${JSON.stringify(data.boundaries)}::jsonb) AS r(municipality_code text, geometry jsonb)
      ON CONFLICT (municipality_code) DO UPDATE SET geometry = excluded.geometry
    `);
    await tx
      .insert(registryImports)
      .values({ dataset: data.dataset, sha256: data.sha256 })
      .onConflictDoUpdate({ target: registryImports.dataset, set: { sha256: data.sha256, importedAt: sql`now()` } });
  });
}

/**
 * Records that `code` ended on `endedOn` and that `successorCode` took over: its postcodes move to
 * the successor, and links to the old municipality lead there.
 */
export async function endMunicipality(
  db: Database,
  code: string,
  endedOn: string,
  successorCode: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      UPDATE municipalities SET ended_on = ${endedOn}, successor_code = ${successorCode},
        participation = 'not_participating', updated_at = now()
      WHERE code = ${code}`);
    await tx.execute(
      sql`UPDATE postcode_areas SET municipality_code = ${successorCode} WHERE municipality_code = ${code}`,
    );
  });
}
