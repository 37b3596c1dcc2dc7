import type { Database } from '../../db/pool.ts';
import { visibleTestimonials, type PublicTestimonial } from '../testimonials/testimonials.repository.ts';
import { listMapMunicipalities, type MapMunicipalityRow } from './national-page.repository.ts';

/** The three states the national page tells apart. */
export type MapState = 'active' | 'enrolled' | 'not_yet';

/** One municipality on the map and in the table. */
export interface NationalMunicipality {
  code: string;
  name: string;
  slug: string;
  provinceName: string;
  state: MapState;
  /** SVG path data; undefined without a boundary. */
  shape: string | undefined;
}

/** How many municipalities of a province (or of the country) are in each state. */
export interface StateCounts {
  active: number;
  enrolled: number;
  notYet: number;
  total: number;
}

/** Everything the national page shows. */
export interface NationalPageData {
  municipalities: NationalMunicipality[];
  provinces: Array<{ name: string; counts: StateCounts; municipalities: NationalMunicipality[] }>;
  totals: StateCounts;
  testimonials: PublicTestimonial[];
}

/**
 * A paused municipality took part and will again, but a child cannot reach the mayor now: it
 * counts as enrolled ("aangemeld, nog niet bereikbaar"), never as active.
 */
function stateOf(participation: MapMunicipalityRow['participation']): MapState {
  if (participation === 'active') return 'active';
  if (participation === 'enrolled' || participation === 'paused') return 'enrolled';
  return 'not_yet';
}

function emptyCounts(): StateCounts {
  return { active: 0, enrolled: 0, notYet: 0, total: 0 };
}

function count(counts: StateCounts, state: MapState): void {
  counts[state === 'not_yet' ? 'notYet' : state]++;
  counts.total++;
}

/** Loads and prepares the national page for `today` (YYYY-MM-DD, Amsterdam: the testimonials' period). */
export async function loadNationalPage(db: Database, today: string): Promise<NationalPageData> {
  const rows = await listMapMunicipalities(db);
  // Loaded on first use (the page is cached): d3-geo costs ~9 MB an idle app need not carry.
  const { projectBoundaries } = await import('./national-map.ts');
  const shapes = projectBoundaries(
    rows.flatMap((row) => (row.geometry ? [{ code: row.code, geometry: row.geometry }] : [])),
  );
  const list = rows.map((row) => ({
    code: row.code,
    name: row.name,
    slug: row.slug,
    provinceName: row.provinceName,
    state: stateOf(row.participation),
    shape: shapes.get(row.code),
  }));
  const totals = emptyCounts();
  const byProvince = new Map<string, { counts: StateCounts; municipalities: NationalMunicipality[] }>();
  for (const municipality of list) {
    count(totals, municipality.state);
    const province = byProvince.get(municipality.provinceName) ?? { counts: emptyCounts(), municipalities: [] };
    count(province.counts, municipality.state);
    province.municipalities.push(municipality);
    byProvince.set(municipality.provinceName, province);
  }
  const provinces = [...byProvince.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([name, province]) => ({ name, ...province }));
  return { municipalities: list, provinces, totals, testimonials: await visibleTestimonials(db, today) };
}
