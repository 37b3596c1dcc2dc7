import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { municipalities, municipalityContactRoutes, postcodeAreas } from './municipalities.tables.ts';

/** A municipality as the public site shows it. */
export interface MunicipalityRecord {
  code: string;
  name: string;
  slug: string;
  provinceName: string;
  participation: 'not_participating' | 'enrolled' | 'active' | 'paused';
  isExample: boolean;
  endedOn: string | null;
  successorCode: string | null;
}

/** How to reach the mayor of an active municipality; every field may be missing. */
export interface ContactRoutesRecord {
  visitAddress: string | null;
  visitHours: string | null;
  phone: string | null;
  email: string | null;
  confidentialAdviserName: string | null;
  confidentialAdviserPhone: string | null;
  confidentialAdviserEmail: string | null;
  isExample: boolean;
}

const municipalityColumns = {
  code: municipalities.code,
  name: municipalities.name,
  slug: municipalities.slug,
  provinceName: municipalities.provinceName,
  participation: municipalities.participation,
  isExample: municipalities.isExample,
  endedOn: municipalities.endedOn,
  successorCode: municipalities.successorCode,
};

/** The municipality with this slug, ended or not. */
export async function findMunicipalityBySlug(db: Database, slug: string): Promise<MunicipalityRecord | undefined> {
  const [row] = await db.select(municipalityColumns).from(municipalities).where(eq(municipalities.slug, slug));
  return row;
}

/** The municipality with this CBS code, ended or not. */
export async function findMunicipalityByCode(db: Database, code: string): Promise<MunicipalityRecord | undefined> {
  const [row] = await db.select(municipalityColumns).from(municipalities).where(eq(municipalities.code, code));
  return row;
}

/** The contact routes of a municipality, if it has any. */
export async function findContactRoutes(db: Database, code: string): Promise<ContactRoutesRecord | undefined> {
  const [row] = await db
    .select({
      visitAddress: municipalityContactRoutes.visitAddress,
      visitHours: municipalityContactRoutes.visitHours,
      phone: municipalityContactRoutes.phone,
      email: municipalityContactRoutes.email,
      confidentialAdviserName: municipalityContactRoutes.confidentialAdviserName,
      confidentialAdviserPhone: municipalityContactRoutes.confidentialAdviserPhone,
      confidentialAdviserEmail: municipalityContactRoutes.confidentialAdviserEmail,
      isExample: municipalityContactRoutes.isExample,
    })
    .from(municipalityContactRoutes)
    .where(eq(municipalityContactRoutes.municipalityCode, code));
  return row;
}

/** The current municipality of a 4-digit postcode. */
export async function findMunicipalityByPostcode(db: Database, pc4: string): Promise<MunicipalityRecord | undefined> {
  const [row] = await db
    .select(municipalityColumns)
    .from(postcodeAreas)
    .innerJoin(municipalities, eq(municipalities.code, postcodeAreas.municipalityCode))
    .where(eq(postcodeAreas.pc4, pc4));
  return row;
}

/** A current municipality matching a folded query, and how well it matched. */
export interface SearchHit extends MunicipalityRecord {
  /** 0: the whole name or alias, 1: the name or alias starts with the query, 2: contains it. */
  rank: number;
}

/**
 * Current municipalities whose name or alias contains `key` (already folded), best first. The
 * names and aliases of an ended municipality count as aliases of its current successor.
 */
export async function searchMunicipalities(db: Database, key: string): Promise<SearchHit[]> {
  const pattern = `%${escapeLike(key)}%`;
  const prefix = `${escapeLike(key)}%`;
  const result = await db.execute<SearchHit & Record<string, unknown>>(sql`
    WITH RECURSIVE successors AS (
      -- Every later successor of an ended municipality, so names survive a chain of mergers.
      SELECT code, successor_code AS target, 1 AS hops FROM municipalities WHERE successor_code IS NOT NULL
      UNION ALL
      SELECT successors.code, m.successor_code, successors.hops + 1
      FROM successors JOIN municipalities m ON m.code = successors.target
      WHERE m.successor_code IS NOT NULL AND successors.hops < 10
    ), candidates AS (
      SELECT code AS target, search_key FROM municipalities WHERE ended_on IS NULL
      UNION ALL
      SELECT municipality_code, search_key FROM municipality_aliases
      UNION ALL
      SELECT successors.target, m.search_key FROM successors JOIN municipalities m ON m.code = successors.code
      UNION ALL
      SELECT successors.target, a.search_key FROM successors JOIN municipality_aliases a ON a.municipality_code = successors.code
    ), hits AS (
      SELECT target, min(CASE
        WHEN search_key = ${key} THEN 0
        WHEN search_key LIKE ${prefix} THEN 1
        ELSE 2 END) AS rank
      FROM candidates WHERE search_key LIKE ${pattern}
      GROUP BY target
    )
    SELECT m.code, m.name, m.slug, m.province_name AS "provinceName", m.participation,
           m.is_example AS "isExample", m.ended_on AS "endedOn", m.successor_code AS "successorCode", hits.rank
    FROM hits JOIN municipalities m ON m.code = hits.target
    WHERE m.ended_on IS NULL
    ORDER BY hits.rank, m.name
  `);
  return result.rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}

/** Every current municipality, by name. */
export async function listCurrentMunicipalities(db: Database): Promise<MunicipalityRecord[]> {
  return db
    .select(municipalityColumns)
    .from(municipalities)
    .where(isNull(municipalities.endedOn))
    .orderBy(asc(municipalities.name));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
