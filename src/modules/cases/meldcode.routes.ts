import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import type { CaseDeps } from './cases.types.ts';
import type { MeldcodeStepNumber } from './meldcode-steps.ts';
import { meldcodeDecisionRequestSchema, meldcodeViewSchema } from './meldcode.schema.ts';
import { decideMeldcodeStep, readMeldcode } from './meldcode.service.ts';

const caseParams = z.object({ id: z.string().uuid() });
const stepParams = z.object({ step: z.enum(['1', '2', '3', '4', '5']) });

/** The case id of a request; a malformed one is as unknown as a missing one. */
function caseIdOf(request: FastifyRequest): string {
  const parsed = caseParams.safeParse(request.params);
  if (!parsed.success) throw apiError('case.not_found');
  return parsed.data.id;
}

function stepOf(request: FastifyRequest): MeldcodeStepNumber {
  const parsed = stepParams.safeParse(request.params);
  if (!parsed.success) throw apiError('meldcode.step_unknown');
  return Number(parsed.data.step) as MeldcodeStepNumber;
}

/**
 * The Meldcode of a case for its assignees and the coordinator (the service checks the case with
 * openCase): read the five steps with what was decided, and record a step's decision.
 */
export function registerMeldcodeRoutes(app: FastifyInstance, context: ApiContext) {
  const { db, keyring, mailer, publicBaseUrl, clock, registry } = context;
  const deps: CaseDeps = { db, keyring, mailer, publicBaseUrl, clock };
  const base = '/api/v1/cases/:id/meldcode';

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: base,
      policy: 'responder',
      summary: "The case's Meldcode: the five steps, the latest decision of each and the history (audited)",
      response: meldcodeViewSchema,
    },
    async (request) => readMeldcode(deps, actorOf(request), caseIdOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: `${base}/:step`,
      policy: 'responder',
      summary: 'Record the decision of a Meldcode step (in order; departing from the default needs a reason)',
      body: meldcodeDecisionRequestSchema,
      response: meldcodeViewSchema,
    },
    async (request, _reply, { body }) => {
      const caseId = caseIdOf(request);
      return decideMeldcodeStep(deps, actorOf(request), caseId, stepOf(request), body);
    },
  );
}
