import { z } from 'zod';
import { municipalityCodeSchema } from '../accounts/accounts.schema.ts';

/** A checklist item as everyone sees it. */
export const readinessItemSchema = z.object({
  id: z.string().uuid(),
  key: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  position: z.number().int(),
  active: z.boolean(),
});

export const readinessItemListSchema = z.object({ items: z.array(readinessItemSchema) });

/** What the national coordinator sends to add or change an item. */
export const readinessItemRequestSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  position: z.number().int().min(0).max(1000),
  active: z.boolean().default(true),
});

/** One item with this municipality's progress on it. */
export const readinessProgressItemSchema = readinessItemSchema.extend({
  done: z.boolean(),
  doneAt: z.string().nullable(),
  note: z.string().nullable(),
  hasPhoto: z.boolean(),
});

/** A municipality's checklist: every active item, and inactive ones it had ticked. */
export const readinessViewSchema = z.object({
  municipalityCode: municipalityCodeSchema,
  municipalityName: z.string(),
  participation: z.string(),
  items: z.array(readinessProgressItemSchema),
  /** Active items done / active items. */
  done: z.number().int(),
  total: z.number().int(),
  complete: z.boolean(),
});

/** Ticking an item: an optional note (e.g. the date the sticker went up) and, for the sticker, a photo. */
export const tickRequestSchema = z.object({
  note: z.string().trim().max(500).optional(),
  /** JPEG or PNG, base64, at most 2 MB decoded. */
  photo: z.string().max(3_000_000).optional(),
});
