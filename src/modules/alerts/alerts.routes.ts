import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import { registerEventStream } from '../../http/event-stream-route.ts';
import { inTenant } from '../../db/tenant.ts';
import { listOpenAlerts } from './alerts.repository.ts';
import { acknowledgeById } from './alert-acknowledgement.service.ts';
import type { AlertDeps } from './alerts.service.ts';
import { registerAlertLinkRoutes } from './alert-link.routes.ts';
import { frontDeskView, registerFrontDeskContact } from './front-desk.service.ts';

const idParams = z.object({ id: z.string().uuid() });
const contactSchema = z.object({ kind: z.enum(['walk_in', 'phone']), note: z.string().trim().max(200).optional() });

/** What the alert services need, from the API context. */
export function alertDepsOf(context: ApiContext): AlertDeps & { keyring: ApiContext['keyring'] } {
  const { db, mailer, publicBaseUrl, clock, keyring, alerting } = context;
  return { db, mailer, publicBaseUrl, clock, keyring, ...alerting };
}

/**
 * Alerts in the back office: the open alerts, their live stream and acknowledgement, and the front
 * desk. The e-mail link's page is in alert-link.routes.ts.
 */
export function registerAlertRoutes(app: FastifyInstance, context: ApiContext): void {
  const { registry, clock } = context;
  const deps = alertDepsOf(context);
  registerAlertLinkRoutes(app, deps, clock);

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/alerts',
      policy: 'responder',
      summary: 'Open (not yet acknowledged) alerts of my municipality',
      response: z.object({
        alerts: z.array(
          z.object({
            id: z.string(),
            source: z.string(),
            conversationId: z.string().nullable(),
            createdAt: z.string(),
            step: z.number(),
            /** Children writing online share one alert: how many of them still wait for an answer (front desk: null). */
            waitingChildren: z.number().nullable(),
          }),
        ),
      }),
    },
    async (request) => {
      const code = actorOf(request).municipalityCode;
      if (!code) throw apiError('auth.forbidden');
      return { alerts: await inTenant(deps.db, { kind: 'municipality', code }, (tx) => listOpenAlerts(tx, code)) };
    },
  );

  registerEventStream(app, registry, {
    url: '/api/v1/alerts/events',
    policy: 'responder',
    summary: 'Live alerts of my municipality: new and picked up (server-sent events; ids and kinds only)',
    events: context.alertEvents,
    eventName: 'alert',
    data: ({ id, kind }) => ({ alertId: id, kind }),
    noMunicipality: 'auth.forbidden',
  });

  apiRoute(
    app,
    registry,
    { method: 'POST', url: '/api/v1/alerts/:id/acknowledge', policy: 'responder', summary: 'I pick this alert up' },
    async (request, reply) => {
      const parsed = idParams.safeParse(request.params);
      const actor = actorOf(request);
      if (!parsed.success || !actor.municipalityCode) throw apiError('alert.not_found');
      if (!(await acknowledgeById(deps, actor, actor.municipalityCode, parsed.data.id, clock())))
        throw apiError('alert.not_found');
      reply.code(204);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/front-desk',
      policy: 'staff',
      summary: 'Front desk: who is on duty now (name, phone)',
      response: z.object({
        onDuty: z.array(z.object({ displayName: z.string(), phone: z.string().nullable() })),
        fallback: z.boolean(),
      }),
    },
    async (request) => frontDeskView(deps, actorOf(request), clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/front-desk/contacts',
      policy: 'staff',
      summary: 'Front desk: register a child at the desk or on the phone (alerts whoever is on duty)',
      body: contactSchema,
      response: z.object({ alertId: z.string(), caseId: z.string() }),
    },
    async (request, _reply, { body }) =>
      registerFrontDeskContact(
        deps,
        actorOf(request),
        { kind: body.kind, ...(body.note ? { note: body.note } : {}) },
        clock(),
      ),
  );
}
