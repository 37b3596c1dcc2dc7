import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { caseIdOf, followUpDepsOf } from './case-tasks.routes.ts';
import { liftLegalHold, placeLegalHold } from './legal-hold.service.ts';

/** PUT /api/v1/cases/:id/legal-hold. */
export const legalHoldRequestSchema = z.object({
  reason: z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(1000, 'must be at most 1000 characters'),
});

/** Placing and lifting a legal hold (the services allow the coordinator only). */
export function registerLegalHoldRoutes(app: FastifyInstance, context: ApiContext) {
  const { registry } = context;
  const deps = followUpDepsOf(context);

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/cases/:id/legal-hold',
      policy: 'responder',
      summary: 'Place a legal hold: the case is not destroyed until it is lifted (coordinator, with a reason)',
      body: legalHoldRequestSchema,
    },
    async (request, _reply, { body }) => {
      await placeLegalHold(deps, actorOf(request), caseIdOf(request), body.reason);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'DELETE',
      url: '/api/v1/cases/:id/legal-hold',
      policy: 'responder',
      summary: 'Lift the legal hold (coordinator)',
    },
    async (request) => {
      await liftLegalHold(deps, actorOf(request), caseIdOf(request));
    },
  );
}
