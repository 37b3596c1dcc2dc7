import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { caseSettingsSchema, caseSettingsViewSchema } from './case-settings.schema.ts';
import { readCaseSettings, updateCaseSettings } from './case-settings.service.ts';
import { followUpDepsOf } from './case-tasks.routes.ts';

/** The municipality's retention terms and untouched-case threshold (changing them: the coordinator). */
export function registerCaseSettingsRoutes(app: FastifyInstance, context: ApiContext) {
  const { registry } = context;
  const deps = followUpDepsOf(context);

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/case-settings',
      policy: 'responder',
      summary: 'Retention terms and the untouched-case threshold of my municipality',
      response: caseSettingsViewSchema,
    },
    async (request) => readCaseSettings(deps, actorOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/case-settings',
      policy: 'responder',
      summary: 'Change the retention terms and the untouched-case threshold (coordinator)',
      body: caseSettingsSchema,
      response: caseSettingsViewSchema,
    },
    async (request, _reply, { body }) => updateCaseSettings(deps, actorOf(request), body),
  );
}
