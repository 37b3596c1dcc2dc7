import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import { NO_STORE, PUBLIC_PAGE_HEADERS } from '../../http/security-headers.ts';
import { inTenant } from '../../db/tenant.ts';
import { listOpenAlerts } from './alerts.repository.ts';
import { acknowledgeById, acknowledgeByToken, type AlertDeps } from './alerts.service.ts';
import { frontDeskView, registerFrontDeskContact } from './front-desk.service.ts';

const idParams = z.object({ id: z.string().uuid() });
const contactSchema = z.object({ kind: z.enum(['walk_in', 'phone']), note: z.string().trim().max(200).optional() });

/** What the alert services need, from the API context. */
export function alertDepsOf(context: ApiContext): AlertDeps & { keyring: ApiContext['keyring'] } {
  const { db, mailer, publicBaseUrl, clock, keyring, alerting } = context;
  return { db, mailer, publicBaseUrl, clock, keyring, ...alerting };
}

/** The token field of a query or form, or '' (a repeated or missing field is no token). */
function tokenOf(input: unknown): string {
  const token = (input as { token?: unknown } | undefined)?.token;
  return typeof token === 'string' ? token : '';
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A small page without script or style (the public CSP applies); the token never leaves in a referrer. */
function page(reply: FastifyReply, status: number, title: string, body: string) {
  reply.headers(PUBLIC_PAGE_HEADERS).header('cache-control', NO_STORE).type('text/html; charset=utf-8').code(status);
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

/**
 * Alerts: one-click acknowledgement from the e-mail (GET shows a button, POST acknowledges, so a
 * mail scanner following the link acknowledges nothing), the back office's open alerts and
 * acknowledgement, and the front desk.
 */
export function registerAlertRoutes(app: FastifyInstance, context: ApiContext): void {
  const { registry, clock } = context;
  const deps = alertDepsOf(context);

  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 4 * 1024 });
    scope.get('/alerts/bevestig', { config: { policy: 'public' } }, async (request, reply) => {
      const token = tokenOf(request.query);
      return page(
        reply,
        200,
        'Bevestig dat u het oppakt',
        `<p>Een kind zoekt contact. Bevestig dat u het oppakt; dan krijgt niemand anders meer een melding.</p>
<form method="post" action="/alerts/bevestig"><input type="hidden" name="token" value="${escape(token)}"><button type="submit">Ik pak het op</button></form>`,
      );
    });
    scope.post('/alerts/bevestig', { config: { policy: 'public' } }, async (request, reply) => {
      const token = tokenOf(request.body);
      const outcome = await acknowledgeByToken(deps, token, clock());
      if (outcome === 'unknown')
        return page(reply, 404, 'Link onbekend', '<p>Deze link werkt niet. Log in op de beheeromgeving.</p>');
      return page(
        reply,
        200,
        outcome === 'acknowledged' ? 'Bevestigd: u pakt het op' : 'Al opgepakt',
        `<p>${outcome === 'acknowledged' ? 'Dank u. De melding gaat niet verder.' : 'Iemand heeft deze melding al bevestigd.'}</p>
<p><a href="/beheer/gesprekken">Naar de gesprekken</a></p>`,
      );
    });
  });

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

  apiRoute(
    app,
    registry,
    { method: 'POST', url: '/api/v1/alerts/:id/acknowledge', policy: 'responder', summary: 'I pick this alert up' },
    async (request, reply) => {
      const parsed = idParams.safeParse(request.params);
      const actor = actorOf(request);
      if (!parsed.success || !actor.municipalityCode) throw apiError('alert.not_found');
      if (!(await acknowledgeById(deps, actor.municipalityCode, parsed.data.id, actor.userId, clock())))
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
      response: z.object({ alertId: z.string() }),
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
