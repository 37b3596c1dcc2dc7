/**
 * The Meldcode huiselijk geweld en kindermishandeling as five steps on one case: questions, decisions
 * (with the default the answers point to) and every earlier decision. The step definitions themselves
 * (src/modules/cases/meldcode-steps.ts: plain data and pure functions, no imports) are shared with the
 * server, so the page proposes the same default, while typing, that the server will hold it to.
 */
import type { z } from 'zod';
import type {
  meldcodeDecisionRequestSchema,
  meldcodeDecisionViewSchema,
  meldcodeStepViewSchema,
  meldcodeViewSchema,
} from '../../../src/modules/cases/meldcode.schema.ts';
import { apiRequest } from './api-client.ts';

export {
  departsFrom,
  isRequired,
  meldcodeStep,
  MIN_DEPARTURE_REASON_CHARS,
  MAX_MELDCODE_TEXT_CHARS,
  type MeldcodeAnswers,
  type MeldcodeStepNumber,
} from '../../../src/modules/cases/meldcode-steps.ts';

export type MeldcodeView = z.infer<typeof meldcodeViewSchema>;
export type MeldcodeStep = z.infer<typeof meldcodeStepViewSchema>;
export type MeldcodeDecision = z.infer<typeof meldcodeDecisionViewSchema>;
export type MeldcodeDecisionRequest = z.input<typeof meldcodeDecisionRequestSchema>;

const meldcodePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/meldcode`;

/** GET /api/v1/cases/{id}/meldcode */
export function fetchMeldcode(caseId: string): Promise<MeldcodeView> {
  return apiRequest('GET', meldcodePath(caseId));
}

/** POST /api/v1/cases/{id}/meldcode/{step} — a reason is needed when the decision departs from the default. */
export function decideMeldcodeStep(
  caseId: string,
  step: number,
  decision: MeldcodeDecisionRequest,
): Promise<MeldcodeView> {
  return apiRequest('POST', `${meldcodePath(caseId)}/${step}`, { body: decision });
}
