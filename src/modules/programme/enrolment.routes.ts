import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { sendHtmlOnce } from '../../http/compressed-body.ts';
import { NO_STORE } from '../../http/security-headers.ts';
import { ApplyPage } from '../../web/pages/apply-page.tsx';
import { ApplyConfirmedPage, ApplyConfirmPage, ApplySentPage } from '../../web/pages/apply-result-pages.tsx';
import { renderDocument } from '../../web/render.ts';
import { listCurrentMunicipalities } from '../municipalities/municipalities.repository.ts';
import type { PublicSite } from '../public-site/public-site.ts';
import { claimApplication } from '../conversations/public-throttle.ts';
import {
  applicationListSchema,
  approveResultSchema,
  confirmTokenSchema,
  parseApplicationForm,
  phoneCheckRequestSchema,
  rejectRequestSchema,
} from './enrolment.schema.ts';
import {
  approveApplication,
  confirmEmail,
  listApplications,
  recordPhoneCheck,
  rejectApplication,
  submitApplication,
} from './enrolment.service.ts';

const idParams = z.object({ id: z.string().uuid() });
const tokenQuery = z.object({ token: z.string().optional() });

/**
 * Enrolment: the public application form and e-mail confirmation (every language, no-store, no
 * cookies, url-encoded forms parsed only inside this scope), and the national coordinator's API.
 */
export function registerEnrolmentRoutes(app: FastifyInstance, context: ApiContext, site: PublicSite): void {
  const { db, clock, registry } = context;
  const config = { policy: 'public' as const };
  const delivery = { mailer: context.mailer, baseUrl: context.publicBaseUrl };

  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 });

    for (const t of site.translators) {
      const send = (request: FastifyRequest, reply: FastifyReply, status: number, page: ReactElement) => {
        reply.code(status).header('cache-control', NO_STORE);
        return sendHtmlOnce(request, reply, renderDocument(page));
      };
      const contextFor = (path: string) => site.context(t.locale, path);
      const form = async (extra: Omit<Parameters<typeof ApplyPage>[0], 'context' | 'municipalities'>) =>
        createElement(ApplyPage, {
          context: contextFor('/aanmelden'),
          municipalities: await listCurrentMunicipalities(db),
          ...extra,
        });

      scope.get(`${t.prefix}/aanmelden`, { config }, async (request, reply) =>
        send(request, reply, 200, await form({})),
      );

      scope.post(`${t.prefix}/aanmelden`, { config }, async (request, reply) => {
        const parsed = parseApplicationForm(request.body);
        if (parsed.kind === 'invalid') {
          return send(request, reply, 400, await form({ values: parsed.values, errors: parsed.errors }));
        }
        const now = clock();
        // No generic per-source limit exists yet: applications share the public form budget per source
        // (10 an hour) with the child's messages. See the report: a claimPublicLimit would separate them.
        if ((await claimApplication(db, context.keyring, request.ip, now)).refusedUntil) {
          return send(request, reply, 429, await form({ values: parsed.values, notice: 'throttled' }));
        }
        const result = await submitApplication(
          db,
          parsed.input,
          { ...delivery, confirmPath: t.href('/aanmelden/bevestig') },
          now,
        );
        if ('kind' in result) {
          const errors = [{ field: 'municipality' as const, id: 'municipalityUnknown' as const }];
          return send(request, reply, 400, await form({ values: parsed.values, errors }));
        }
        return send(
          request,
          reply,
          200,
          createElement(ApplySentPage, { context: contextFor('/aanmelden'), email: parsed.input.email, ...result }),
        );
      });

      scope.get(`${t.prefix}/aanmelden/bevestig`, { config }, async (request, reply) => {
        const token = confirmTokenSchema.safeParse(tokenQuery.safeParse(request.query).data?.token);
        // The token stays out of the language switch's links: they point at the form instead.
        const pageContext = contextFor('/aanmelden');
        if (!token.success) return send(request, reply, 400, confirmed(pageContext, false));
        return send(request, reply, 200, createElement(ApplyConfirmPage, { context: pageContext, token: token.data }));
      });

      scope.post(`${t.prefix}/aanmelden/bevestig`, { config }, async (request, reply) => {
        const body = z.object({ token: z.string().optional() }).safeParse(request.body ?? {});
        const token = confirmTokenSchema.safeParse(body.data?.token);
        const ok = token.success && (await confirmEmail(db, token.data, clock()));
        return send(request, reply, ok ? 200 : 400, confirmed(contextFor('/aanmelden'), ok));
      });
    }
  });

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/programme/applications',
      policy: 'national',
      summary: 'Applications to take part, with their verification',
      response: applicationListSchema,
    },
    async () => listApplications(db),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/programme/applications/:id/phone-check',
      policy: 'national',
      summary: 'Record the phone check of an application',
      body: phoneCheckRequestSchema,
    },
    async (request, _reply, { body }) => {
      await recordPhoneCheck(db, actorOf(request), idParams.parse(request.params).id, body.note, clock());
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/programme/applications/:id/approve',
      policy: 'national',
      summary: 'Approve a verified application: enrol the municipality and invite its coordinator',
      response: approveResultSchema,
    },
    async (request) => approveApplication(db, actorOf(request), idParams.parse(request.params).id, delivery, clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/programme/applications/:id/reject',
      policy: 'national',
      summary: 'Reject an application with a reason',
      body: rejectRequestSchema,
    },
    async (request, _reply, { body }) => {
      await rejectApplication(db, actorOf(request), idParams.parse(request.params).id, body.reason, clock());
    },
  );
}

function confirmed(context: ReturnType<PublicSite['context']>, ok: boolean) {
  return createElement(ApplyConfirmedPage, { context, confirmed: ok });
}
