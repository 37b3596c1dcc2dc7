import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import type { ApiContext } from '../../http/api-context.ts';
import { sendHtmlOnce } from '../../http/compressed-body.ts';
import { NO_STORE } from '../../http/security-headers.ts';
import { SOURCE_LOCALE } from '../../web/i18n/catalogue.ts';
import type { PageContext } from '../../web/page-context.ts';
import { ReferralLinkPage, ReferralLinkUnknownPage } from '../../web/pages/referral-link-page.tsx';
import { renderDocument } from '../../web/render.ts';
import type { PublicSite } from '../public-site/public-site.ts';
import { confirmReferralLink, leaveReferralFeedback, openReferralLink } from './referral-link.service.ts';
import { referralDepsOf } from './referrals.routes.ts';

/** A field of a query or form, or '' (a repeated or missing field counts as none). */
function fieldOf(input: unknown, name: string): string {
  const value = (input as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The receiving party's link: no account, no cookie, no-store. `GET /verwijzing?token=…` shows the
 * referral with buttons; only the POSTs act (the token in the form body), because mail scanners
 * follow links. The token is never in a path, so it never reaches a log (see src/http/logging.ts).
 */
export function registerReferralLinkRoutes(app: FastifyInstance, context: ApiContext, site: PublicSite): void {
  const deps = referralDepsOf(context);
  const config = { policy: 'public' as const };
  // Dutch only (the page is for Dutch professionals): the language switch offers no other language.
  const dutch = site.context(SOURCE_LOCALE, '/');
  const pageContext: PageContext = { ...dutch, languages: dutch.languages.filter((t) => t.locale === SOURCE_LOCALE) };

  const send = (request: FastifyRequest, reply: FastifyReply, status: number, page: ReactElement) => {
    reply.code(status).header('cache-control', NO_STORE);
    return sendHtmlOnce(request, reply, renderDocument(page));
  };
  const unknown = (request: FastifyRequest, reply: FastifyReply) =>
    send(request, reply, 404, createElement(ReferralLinkUnknownPage, { context: pageContext }));

  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 64 * 1024 });

    scope.get('/verwijzing', { config }, async (request, reply) => {
      const token = fieldOf(request.query, 'token');
      const outcome = await openReferralLink(deps, token);
      if (outcome.kind === 'unknown') return unknown(request, reply);
      return send(
        request,
        reply,
        200,
        createElement(ReferralLinkPage, { context: pageContext, view: outcome.view, token }),
      );
    });

    scope.post('/verwijzing/bevestigen', { config }, async (request, reply) => {
      const token = fieldOf(request.body, 'token');
      const outcome = await confirmReferralLink(deps, token);
      if (outcome.kind === 'unknown') return unknown(request, reply);
      const page = createElement(ReferralLinkPage, {
        context: pageContext,
        view: outcome.view,
        token,
        done: 'confirmed',
      });
      return send(request, reply, 200, page);
    });

    scope.post('/verwijzing/terugkoppeling', { config }, async (request, reply) => {
      const token = fieldOf(request.body, 'token');
      const feedback = fieldOf(request.body, 'feedback');
      const outcome = await leaveReferralFeedback(deps, token, feedback);
      if (outcome.kind === 'unknown') return unknown(request, reply);
      const { view, problem } = outcome;
      const page = createElement(ReferralLinkPage, {
        context: pageContext,
        view,
        token,
        ...(problem ? { problem, feedback } : { done: 'feedback' as const }),
      });
      return send(request, reply, problem ? 400 : 200, page);
    });
  });
}
