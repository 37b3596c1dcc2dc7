import { z } from 'zod';

/** A quote fits on a card beside the map: at most this many characters. */
export const MAX_QUOTE_LENGTH = 600;
/** A portrait, not a poster: at most 1 MB decoded. */
export const MAX_PHOTO_BYTES = 1024 * 1024;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** What the national coordinator enters for a testimonial. */
export const testimonialInputSchema = z.object({
  municipalityCode: z.string().regex(/^GM\d{4}$/),
  mayorName: z.string().trim().min(2).max(120),
  quote: z.string().trim().min(10).max(MAX_QUOTE_LENGTH),
  /**
   * Base64 (a data: URL prefix is allowed) to set a photo, null to remove it, absent to keep the
   * current one (on edit).
   */
  photo: z.string().min(1).max(1_500_000).nullable().optional(),
  /** Who consented to publishing the photo, how and when; required while there is a photo. */
  photoConsent: z.string().trim().max(1000).nullable().optional(),
  publishFrom: isoDate,
  publishUntil: isoDate.nullable().optional(),
});

export type TestimonialInput = z.infer<typeof testimonialInputSchema>;

const status = z.enum(['draft', 'published', 'withdrawn']);

/** A testimonial as the back office lists it (the photo itself is not in the list). */
export const testimonialViewSchema = z.object({
  id: z.string().uuid(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  mayorName: z.string(),
  quote: z.string(),
  hasPhoto: z.boolean(),
  photoConsent: z.string().nullable(),
  publishFrom: z.string(),
  publishUntil: z.string().nullable(),
  status,
  /** Published and today within its period: on the public pages now. */
  visibleToday: z.boolean(),
  updatedAt: z.string(),
});

export const testimonialListSchema = z.object({ testimonials: z.array(testimonialViewSchema) });
