import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';
import { testimonials } from '../programme/programme.tables.ts';

/** A testimonial's status. */
export type TestimonialStatus = 'draft' | 'published' | 'withdrawn';

/** The stored fields a coordinator edits (the photo as bytes and type). */
export interface TestimonialValues {
  municipalityCode: string;
  mayorName: string;
  quote: string;
  photo?: { bytes: Buffer; type: string } | null;
  photoConsent: string | null;
  publishFrom: string;
  publishUntil: string | null;
}

/** Published, and `today` (YYYY-MM-DD, Amsterdam) within the publication period. */
export function visibleOn(today: string): SQL {
  return and(
    eq(testimonials.status, 'published'),
    lte(testimonials.publishFrom, today),
    or(isNull(testimonials.publishUntil), gte(testimonials.publishUntil, today)),
  )!;
}

const listColumns = {
  id: testimonials.id,
  municipalityCode: testimonials.municipalityCode,
  municipalityName: municipalities.name,
  mayorName: testimonials.mayorName,
  quote: testimonials.quote,
  hasPhoto: sql<boolean>`${testimonials.photo} IS NOT NULL`,
  photoConsent: testimonials.photoConsent,
  publishFrom: testimonials.publishFrom,
  publishUntil: testimonials.publishUntil,
  status: testimonials.status,
  updatedAt: testimonials.updatedAt,
};

/** Every testimonial the transaction's scope sees, newest first. */
export async function listTestimonials(tx: Transaction) {
  return tx
    .select(listColumns)
    .from(testimonials)
    .innerJoin(municipalities, eq(municipalities.code, testimonials.municipalityCode))
    .orderBy(desc(testimonials.updatedAt));
}

/** One testimonial's status and whether it has a photo. */
export async function findTestimonial(tx: Transaction, id: string) {
  const [row] = await tx
    .select({ status: testimonials.status, hasPhoto: sql<boolean>`${testimonials.photo} IS NOT NULL` })
    .from(testimonials)
    .where(eq(testimonials.id, id));
  return row;
}

function photoColumns(photo: TestimonialValues['photo']) {
  if (photo === undefined) return {};
  return { photo: photo?.bytes ?? null, photoType: photo?.type ?? null };
}

/** Stores a new draft. */
export async function insertTestimonial(tx: Transaction, values: TestimonialValues, createdBy: string, now: Date) {
  const { photo, ...fields } = values;
  const [row] = await tx
    .insert(testimonials)
    .values({ ...fields, ...photoColumns(photo), createdBy, createdAt: now, updatedAt: now })
    .returning({ id: testimonials.id });
  return row!.id;
}

/** Changes the fields (the photo only when given: null removes it). */
export async function updateTestimonial(tx: Transaction, id: string, values: TestimonialValues, now: Date) {
  const { photo, ...fields } = values;
  await tx
    .update(testimonials)
    .set({ ...fields, ...photoColumns(photo), updatedAt: now })
    .where(eq(testimonials.id, id));
}

/** Moves the status when it is one of `from`; false when it was not. */
export async function moveStatus(
  tx: Transaction,
  id: string,
  from: TestimonialStatus[],
  to: TestimonialStatus,
  by: string,
  now: Date,
): Promise<boolean> {
  const moved = await tx
    .update(testimonials)
    .set({ status: to, updatedAt: now, ...(to === 'published' ? { publishedBy: by } : {}) })
    .where(and(eq(testimonials.id, id), inArray(testimonials.status, from)))
    .returning({ id: testimonials.id });
  return moved.length > 0;
}

/** A testimonial as the public pages show it. */
export interface PublicTestimonial {
  id: string;
  municipalityName: string;
  municipalitySlug: string;
  mayorName: string;
  quote: string;
  hasPhoto: boolean;
}

/** The testimonials on the public pages today (all, or one municipality's), newest period first. */
export async function visibleTestimonials(
  db: Database,
  today: string,
  municipalityCode?: string,
): Promise<PublicTestimonial[]> {
  return db
    .select({
      id: testimonials.id,
      municipalityName: municipalities.name,
      municipalitySlug: municipalities.slug,
      mayorName: testimonials.mayorName,
      quote: testimonials.quote,
      hasPhoto: sql<boolean>`${testimonials.photo} IS NOT NULL`,
    })
    .from(testimonials)
    .innerJoin(municipalities, eq(municipalities.code, testimonials.municipalityCode))
    .where(
      municipalityCode ? and(visibleOn(today), eq(testimonials.municipalityCode, municipalityCode)) : visibleOn(today),
    )
    .orderBy(desc(testimonials.publishFrom), asc(municipalities.name));
}

/** The photo of a testimonial visible today; undefined for drafts, withdrawn or out-of-period ones. */
export async function visiblePhoto(db: Database, id: string, today: string) {
  const [row] = await db
    .select({ photo: testimonials.photo, type: testimonials.photoType, updatedAt: testimonials.updatedAt })
    .from(testimonials)
    .where(and(eq(testimonials.id, id), visibleOn(today)));
  return row?.photo && row.type ? { photo: row.photo, type: row.type, updatedAt: row.updatedAt } : undefined;
}
