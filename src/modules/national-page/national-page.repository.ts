import { asc, eq, isNull } from 'drizzle-orm';
import type { Geometry } from 'geojson';
import type { Database } from '../../db/pool.ts';
import { municipalities, municipalityBoundaries } from '../municipalities/municipalities.tables.ts';

/** A current municipality with what the national page shows of it. */
export interface MapMunicipalityRow {
  code: string;
  name: string;
  slug: string;
  provinceName: string;
  participation: 'not_participating' | 'enrolled' | 'active' | 'paused';
  /** Null when the registry has no boundary for it (it is then only in the table). */
  geometry: Geometry | null;
}

/** Every current municipality (ended ones are not on the map), by name, with its boundary. */
export async function listMapMunicipalities(db: Database): Promise<MapMunicipalityRow[]> {
  const rows = await db
    .select({
      code: municipalities.code,
      name: municipalities.name,
      slug: municipalities.slug,
      provinceName: municipalities.provinceName,
      participation: municipalities.participation,
      geometry: municipalityBoundaries.geometry,
    })
    .from(municipalities)
    .leftJoin(municipalityBoundaries, eq(municipalityBoundaries.municipalityCode, municipalities.code))
    .where(isNull(municipalities.endedOn))
    .orderBy(asc(municipalities.name));
  return rows.map((row) => ({ ...row, geometry: (row.geometry as Geometry | null) ?? null }));
}
