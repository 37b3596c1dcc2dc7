import { z } from 'zod';
import { CASE_STATUSES } from './cases.types.ts';

/**
 * The back office's API contract for cases (JSON under /api/v1/cases). The services build these
 * views; the OpenAPI document is generated from them.
 */

export const caseStatusSchema = z.enum(CASE_STATUSES);
export const caseOriginSchema = z.enum(['conversation', 'walk_in', 'phone', 'manual']);
export const childConsentSchema = z.enum(['not_asked', 'given', 'refused']);

/** A staff member on a case (assignee, or who did something). */
export const casePersonSchema = z.object({ id: z.string().uuid(), displayName: z.string() });

/** GET /api/v1/cases — one case, metadata only (listing is not audited). */
export const caseListItemSchema = z.object({
  id: z.string().uuid(),
  status: caseStatusSchema,
  origin: caseOriginSchema,
  category: z.string().nullable(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  closedAt: z.string().nullable(),
  stale: z.boolean(),
  legalHold: z.boolean(),
  assignees: z.array(casePersonSchema),
  access: z.enum(['coordinator', 'assignee', 'break_glass', 'none']),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;

export const caseListSchema = z.object({ cases: z.array(caseListItemSchema) });
export type CaseList = z.infer<typeof caseListSchema>;

/** ?view=mine (the cases I can open, the default) or all (every case of the municipality). */
export const caseListQuerySchema = z.object({ view: z.enum(['mine', 'all']).optional() });

/** One timeline entry: a case event, or a message of the linked conversation (kind 'message'). */
export const caseTimelineEntrySchema = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  at: z.string(),
  actor: casePersonSchema.nullable(),
  text: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

/** GET /api/v1/cases/:id — the whole case, decrypted (the read is audited). */
export const caseDetailSchema = z.object({
  id: z.string().uuid(),
  status: caseStatusSchema,
  origin: caseOriginSchema,
  summary: z.string().nullable(),
  category: z.string().nullable(),
  subcategory: z.string().nullable(),
  outcome: z.string().nullable(),
  childConsent: childConsentSchema,
  conversationId: z.string().uuid().nullable(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  closedAt: z.string().nullable(),
  destroyAfter: z.string().nullable(),
  legalHold: z.object({ since: z.string(), reason: z.string().nullable() }).nullable(),
  assignees: z.array(casePersonSchema),
  access: z.enum(['coordinator', 'assignee', 'break_glass']),
  timeline: z.array(caseTimelineEntrySchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

const SUMMARY_MAX = 2000;
const TEXT_MAX = 5000;

const text = (max: number) =>
  z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** POST /api/v1/cases — a case begun at the desk, on the phone or by hand. */
export const createCaseRequestSchema = z.object({
  origin: z.enum(['walk_in', 'phone', 'manual']),
  summary: text(SUMMARY_MAX).optional(),
});

/** POST /api/v1/cases, POST /api/v1/conversations/:id/case. */
export const caseIdSchema = z.object({ id: z.string().uuid() });

/** PATCH /api/v1/cases/:id — null or empty removes the summary. */
export const summaryRequestSchema = z.object({
  summary: z
    .string({ error: 'must be text or null' })
    .trim()
    .max(SUMMARY_MAX, `must be at most ${SUMMARY_MAX} characters`)
    .nullable(),
});

/** POST /api/v1/cases/:id/status — closing needs an outcome (and a category on the case). */
export const statusRequestSchema = z.object({
  status: caseStatusSchema,
  outcome: z.string().max(40).optional(),
});

/** POST /api/v1/cases/:id/assignees. */
export const assignRequestSchema = z.object({ userId: z.string().uuid('must be a user id') });

/** POST /api/v1/cases/:id/events — a note or a phone call, written on the timeline. */
export const eventRequestSchema = z.object({ kind: z.enum(['note', 'call']), text: text(TEXT_MAX) });

/** PUT /api/v1/cases/:id/consent — recorded on the timeline with who and when. */
export const consentRequestSchema = z.object({ consent: childConsentSchema, note: text(TEXT_MAX).optional() });

/** PUT /api/v1/cases/:id/classification — codes from GET /api/v1/cases/classification. */
export const classificationRequestSchema = z.object({
  category: z.string().min(1).max(40),
  subcategory: z.string().min(1).max(60).nullable().optional(),
});

/** POST /api/v1/cases/:id/break-glass — why the actor must open a case they are not assigned to. */
export const breakGlassRequestSchema = z.object({
  reason: z
    .string({ error: 'must be text' })
    .trim()
    .min(20, 'must be at least 20 characters: write why you need to open this case')
    .max(1000, 'must be at most 1000 characters'),
});

const labelled = z.object({ code: z.string(), label: z.string() });

/** GET /api/v1/cases/classification — categories with subcategories, and outcomes, in the caller's language. */
export const classificationListSchema = z.object({
  categories: z.array(labelled.extend({ subcategories: z.array(labelled) })),
  outcomes: z.array(labelled),
});

/** GET /api/v1/cases/assignees — who can be assigned to a case. */
export const caseAssigneeListSchema = z.object({ assignees: z.array(casePersonSchema) });
