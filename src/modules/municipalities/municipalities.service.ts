import type { Database } from '../../db/pool.ts';
import {
  findContactRoutes,
  findMunicipalityByCode,
  findMunicipalityByPostcode,
  findMunicipalityBySlug,
  searchMunicipalities,
  type ContactRoutesRecord,
  type MunicipalityRecord,
} from './municipalities.repository.ts';
import { visibleTestimonials, type PublicTestimonial } from '../testimonials/testimonials.repository.ts';
import { parsePostcode, toSearchKey } from './search-key.ts';

/** The longest query we look at; longer input is not a municipality name. */
export const MAX_QUERY_LENGTH = 80;

/** What the finder found for a query. */
export type FinderResult =
  | { kind: 'one'; municipality: MunicipalityRecord }
  | { kind: 'many'; municipalities: MunicipalityRecord[] }
  | { kind: 'none'; searchedFor: 'name' | 'postcode' }
  | { kind: 'empty' };

/**
 * Finds municipalities by name (any case, diacritics, partial, common other names) or by 4-digit
 * postcode. A single exact name wins over partial matches: "Ede" is Ede, not also Nederweert.
 */
export async function findMunicipalities(db: Database, query: string): Promise<FinderResult> {
  const trimmed = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (trimmed === '') return { kind: 'empty' };

  const pc4 = parsePostcode(trimmed);
  if (pc4) {
    const municipality = await findMunicipalityByPostcode(db, pc4);
    // A registry import may point a postcode at a municipality that has since ended.
    if (!municipality) return { kind: 'none', searchedFor: 'postcode' };
    return { kind: 'one', municipality: await followSuccessors(db, municipality) };
  }
  if (/^\s*\d/.test(trimmed)) return { kind: 'none', searchedFor: 'postcode' };

  const key = toSearchKey(trimmed);
  if (key === '') return { kind: 'empty' };
  const hits = await searchMunicipalities(db, key);
  const exact = hits.filter((hit) => hit.rank === 0);
  if (exact.length === 1) return { kind: 'one', municipality: exact[0]! };
  if (hits.length === 1) return { kind: 'one', municipality: hits[0]! };
  if (hits.length === 0) return { kind: 'none', searchedFor: 'name' };
  return { kind: 'many', municipalities: hits };
}

/** What the municipality page needs: the municipality, or where it moved. */
export type MunicipalityPage =
  | {
      kind: 'page';
      municipality: MunicipalityRecord;
      contact: ContactRoutesRecord | undefined;
      /** The mayor's testimonials shown on `today` (empty when no day was given). */
      testimonials: PublicTestimonial[];
    }
  | { kind: 'moved'; slug: string }
  | { kind: 'unknown' };

/**
 * Loads a municipality's page by slug; an ended municipality points to its successor. With `today`
 * (YYYY-MM-DD, Amsterdam) it also loads the testimonials published for that day.
 */
export async function loadMunicipalityPage(db: Database, slug: string, today?: string): Promise<MunicipalityPage> {
  const resolved = await resolveMunicipality(db, slug);
  if (resolved.kind !== 'found') return resolved;
  const { municipality } = resolved;
  const contact = municipality.participation === 'active' ? await findContactRoutes(db, municipality.code) : undefined;
  const testimonials = today ? await visibleTestimonials(db, today, municipality.code) : [];
  return { kind: 'page', municipality, contact, testimonials };
}

/**
 * The municipality of a slug — or, after a merger, where it moved to — without what its page shows
 * (one query for a current municipality; the child's forms need no more).
 */
export async function resolveMunicipality(
  db: Database,
  slug: string,
): Promise<
  { kind: 'found'; municipality: MunicipalityRecord } | { kind: 'moved'; slug: string } | { kind: 'unknown' }
> {
  const municipality = await findMunicipalityBySlug(db, slug);
  if (!municipality) return { kind: 'unknown' };
  const successor = await followSuccessors(db, municipality);
  if (successor.code !== municipality.code) return { kind: 'moved', slug: successor.slug };
  return { kind: 'found', municipality };
}

/** The slug a CBS code (as printed in QR codes) leads to, following mergers; undefined if unknown. */
export async function slugForCode(db: Database, code: string): Promise<string | undefined> {
  const municipality = await findMunicipalityByCode(db, code.toUpperCase());
  return municipality ? (await followSuccessors(db, municipality)).slug : undefined;
}

async function followSuccessors(db: Database, municipality: MunicipalityRecord): Promise<MunicipalityRecord> {
  let current = municipality;
  for (let hops = 0; current.successorCode && hops < 10; hops++) {
    const next = await findMunicipalityByCode(db, current.successorCode);
    if (!next) break;
    current = next;
  }
  return current;
}
