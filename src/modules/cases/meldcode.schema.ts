import { z } from 'zod';
import { MAX_MELDCODE_TEXT_CHARS } from './meldcode-steps.ts';

/**
 * The back office's API contract for the Meldcode of a case (JSON under /api/v1/cases/:id/meldcode).
 * The service builds these views; the OpenAPI document is generated from them.
 */

const answerSchema = z.union([
  z.boolean(),
  z.string().max(MAX_MELDCODE_TEXT_CHARS, `must be at most ${MAX_MELDCODE_TEXT_CHARS} characters`),
]);

/** One recorded decision of a step, decrypted. */
export const meldcodeDecisionViewSchema = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  decision: z.string(),
  reason: z.string().nullable(),
  departsFromDefault: z.boolean(),
  decidedBy: z.object({ id: z.string().uuid(), displayName: z.string() }).nullable(),
  decidedAt: z.string(),
});
export type MeldcodeDecisionView = z.infer<typeof meldcodeDecisionViewSchema>;

/** One step with its questions, its decisions (the default marked) and what was decided. */
export const meldcodeStepViewSchema = z.object({
  step: z.number().int().min(1).max(5),
  title: z.string(),
  guidance: z.string(),
  questions: z.array(
    z.object({ id: z.string(), text: z.string(), kind: z.enum(['yes_no', 'text']), required: z.boolean() }),
  ),
  decisions: z.array(z.object({ code: z.string(), label: z.string(), isDefault: z.boolean() })),
  latest: meldcodeDecisionViewSchema.nullable(),
  /** Older decisions of this step, newest first. */
  history: z.array(meldcodeDecisionViewSchema),
});

/** GET /api/v1/cases/:id/meldcode (and the answer of a decision). */
export const meldcodeViewSchema = z.object({
  /** The first step without a decision; null when all five are decided. */
  currentStep: z.number().int().min(1).max(5).nullable(),
  steps: z.array(meldcodeStepViewSchema),
});
export type MeldcodeView = z.infer<typeof meldcodeViewSchema>;

/** POST /api/v1/cases/:id/meldcode/:step — answers are checked against the step in the service. */
export const meldcodeDecisionRequestSchema = z.object({
  answers: z.record(z.string().max(60), answerSchema),
  decision: z.string({ error: 'must be a decision code' }).min(1, 'must be a decision code').max(40),
  reason: z
    .string({ error: 'must be text' })
    .trim()
    .max(MAX_MELDCODE_TEXT_CHARS, `must be at most ${MAX_MELDCODE_TEXT_CHARS} characters`)
    .optional(),
});
export type MeldcodeDecisionRequest = z.infer<typeof meldcodeDecisionRequestSchema>;
