import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { apiError } from '../../http/api-errors.ts';
import { auditRoleOf, scopeOf, type Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findMunicipalityByCode } from '../municipalities/municipalities.repository.ts';
import { decodeImage } from '../programme/municipal-settings.images.ts';
import { amsterdamDay } from '../public-site/page-cache.ts';
import { MAX_PHOTO_BYTES, type TestimonialInput } from './testimonials.schema.ts';
import {
  findTestimonial,
  insertTestimonial,
  listTestimonials,
  moveStatus,
  updateTestimonial,
  type TestimonialStatus,
  type TestimonialValues,
} from './testimonials.repository.ts';

/** Every testimonial, for the national coordinator (the route's policy checks the role). */
export async function listAllTestimonials(db: Database, actor: Actor, now: Date) {
  const today = amsterdamDay(now);
  const rows = await inTenant(db, scopeOf(actor), (tx) => listTestimonials(tx));
  return {
    testimonials: rows.map((row) => ({
      ...row,
      updatedAt: row.updatedAt.toISOString(),
      visibleToday:
        row.status === 'published' && row.publishFrom <= today && (!row.publishUntil || row.publishUntil >= today),
    })),
  };
}

/**
 * Checks the input against the rules: a current municipality, a real JPEG or PNG photo (by its
 * bytes) of at most 1 MB, consent recorded whenever there is (or stays) a photo, a sane period.
 */
async function valuesFrom(db: Database, input: TestimonialInput, keepsPhoto: boolean): Promise<TestimonialValues> {
  // The registry is public: no scope needed to read it.
  const municipality = await findMunicipalityByCode(db, input.municipalityCode);
  if (!municipality || municipality.endedOn) throw apiError('programme.unknown_municipality', {}, 'municipalityCode');
  let photo: TestimonialValues['photo'];
  if (typeof input.photo === 'string') {
    const decoded = decodeImage(input.photo, MAX_PHOTO_BYTES);
    if (!decoded) throw apiError('testimonial.photo_invalid', {}, 'photo');
    photo = { bytes: decoded.bytes, type: decoded.type };
  } else if (input.photo === null) photo = null;
  const hasPhoto = photo ? true : photo === null ? false : keepsPhoto;
  const consent = input.photoConsent?.trim() || null;
  if (hasPhoto && !consent) throw apiError('testimonial.consent_required', {}, 'photoConsent');
  const until = input.publishUntil ?? null;
  if (until && until < input.publishFrom) throw apiError('testimonial.period_invalid', {}, 'publishUntil');
  return {
    municipalityCode: municipality.code,
    mayorName: input.mayorName,
    quote: input.quote,
    photo,
    photoConsent: hasPhoto ? consent : null,
    publishFrom: input.publishFrom,
    publishUntil: until,
  };
}

function auditEntry(actor: Actor, action: string, id: string, municipalityCode: string | null) {
  return {
    actorUserId: actor.userId,
    actorRole: auditRoleOf(actor),
    municipalityCode,
    action,
    objectType: 'testimonial',
    objectId: id,
  };
}

/** Creates a draft; publishing is a separate step. */
export async function createTestimonial(db: Database, actor: Actor, input: TestimonialInput, now: Date) {
  return inTenant(db, scopeOf(actor), async (tx) => {
    const values = await valuesFrom(db, input, false);
    const id = await insertTestimonial(tx, values, actor.userId, now);
    await appendAudit(tx, {
      ...auditEntry(actor, 'testimonial.created', id, values.municipalityCode),
      details: { photo: Boolean(values.photo) },
    });
    return { id };
  });
}

/** Changes a testimonial in any status (a published one changes on the public pages at once). */
export async function editTestimonial(db: Database, actor: Actor, id: string, input: TestimonialInput, now: Date) {
  return inTenant(db, scopeOf(actor), async (tx) => {
    const found = await findTestimonial(tx, id);
    if (!found) throw apiError('testimonial.not_found');
    const values = await valuesFrom(db, input, found.hasPhoto);
    await updateTestimonial(tx, id, values, now);
    await appendAudit(tx, {
      ...auditEntry(actor, 'testimonial.edited', id, values.municipalityCode),
      details: { photo: values.photo === undefined ? 'kept' : values.photo ? 'replaced' : 'none' },
    });
  });
}

const FROM: Record<'published' | 'withdrawn', TestimonialStatus[]> = {
  published: ['draft', 'withdrawn'],
  withdrawn: ['published'],
};

/** Publishes (a draft or a withdrawn one) or withdraws (a published one). */
export async function changeTestimonialStatus(
  db: Database,
  actor: Actor,
  id: string,
  to: 'published' | 'withdrawn',
  now: Date,
) {
  return inTenant(db, scopeOf(actor), async (tx) => {
    const found = await findTestimonial(tx, id);
    if (!found) throw apiError('testimonial.not_found');
    if (!(await moveStatus(tx, id, FROM[to], to, actor.userId, now)))
      throw apiError('testimonial.invalid_transition', { from: found.status, to });
    await appendAudit(tx, auditEntry(actor, `testimonial.${to}`, id, null));
  });
}
