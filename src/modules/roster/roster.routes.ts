import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import {
  addException,
  removeException,
  responseFigures,
  rosterView,
  saveChain,
  saveSettings,
  saveShifts,
  setCoverageOverride,
} from './roster-admin.service.ts';
import {
  chainRequestSchema,
  codeParams,
  exceptionParams,
  exceptionRequestSchema,
  figuresSchema,
  overrideRequestSchema,
  removeExceptionQuerySchema,
  rosterViewSchema,
  settingsRequestSchema,
  shiftsRequestSchema,
} from './roster.schema.ts';

/** The roster of a municipality: its coordinator edits it, the national coordinator watches and may override. */
export function registerRosterRoutes(app: FastifyInstance, context: ApiContext): void {
  const { db, clock, registry } = context;
  const code = (params: unknown) => codeParams.parse(params).code;
  const route = (
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    policy: 'coordinator' | 'national',
    summary: string,
    extra: { body?: z.ZodType; query?: z.ZodType; response?: z.ZodType },
    handler: Parameters<typeof apiRoute>[3],
  ) => apiRoute(app, registry, { method, url, policy, summary, ...extra }, handler);

  route(
    'GET',
    '/api/v1/roster/:code',
    'coordinator',
    'The roster, its settings and the coverage of the next 14 days',
    { response: rosterViewSchema },
    async (request) => rosterView(db, actorOf(request), code(request.params), clock()),
  );
  route(
    'PUT',
    '/api/v1/roster/:code/shifts',
    'coordinator',
    'Replace the weekly pattern',
    { body: shiftsRequestSchema, response: rosterViewSchema },
    async (request, _reply, { body }) => {
      const input = shiftsRequestSchema.parse(body);
      return saveShifts(
        db,
        actorOf(request),
        code(request.params),
        input.shifts,
        clock(),
        input.coverageOverrideReason,
      );
    },
  );
  route(
    'POST',
    '/api/v1/roster/:code/exceptions',
    'coordinator',
    'Add leave or a swap',
    { body: exceptionRequestSchema, response: z.object({ id: z.string().uuid() }) },
    async (request, _reply, { body }) => {
      const input = exceptionRequestSchema.parse(body);
      return addException(db, actorOf(request), code(request.params), input, clock());
    },
  );
  route(
    'DELETE',
    '/api/v1/roster/:code/exceptions/:id',
    'coordinator',
    'Remove an exception',
    { query: removeExceptionQuerySchema },
    async (request, _reply, { query }) => {
      const params = exceptionParams.parse(request.params);
      const { coverageOverrideReason } = removeExceptionQuerySchema.parse(query);
      await removeException(db, actorOf(request), params.code, params.id, clock(), coverageOverrideReason);
    },
  );
  route(
    'PUT',
    '/api/v1/roster/:code/chain',
    'coordinator',
    'Replace the escalation chain',
    { body: chainRequestSchema },
    async (request, _reply, { body }) => {
      const input = chainRequestSchema.parse(body);
      await saveChain(db, actorOf(request), code(request.params), input.userIds, clock(), input.coverageOverrideReason);
    },
  );
  route(
    'PUT',
    '/api/v1/roster/:code/settings',
    'coordinator',
    'Escalation minutes, response target, agreed fallback, phones',
    { body: settingsRequestSchema },
    async (request, _reply, { body }) => {
      await saveSettings(db, actorOf(request), code(request.params), settingsRequestSchema.parse(body), clock());
    },
  );
  route(
    'PUT',
    '/api/v1/roster/:code/coverage-override',
    'national',
    'Allow a municipality with gaps to be active (audited); null withdraws',
    { body: overrideRequestSchema },
    async (request, _reply, { body }) => {
      await setCoverageOverride(
        db,
        actorOf(request),
        code(request.params),
        overrideRequestSchema.parse(body).reason,
        clock(),
      );
    },
  );
  route(
    'GET',
    '/api/v1/roster/:code/figures',
    'coordinator',
    'Time to first reply and to acknowledge, per ISO week (minutes)',
    { response: figuresSchema },
    async (request) => responseFigures(db, actorOf(request), code(request.params), clock()),
  );
}
