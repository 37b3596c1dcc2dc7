import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Clock } from '../accounts/sessions.service.ts';
import { NO_STORE, PUBLIC_PAGE_HEADERS } from '../../http/security-headers.ts';
import { acknowledgeByToken } from './alert-acknowledgement.service.ts';
import type { AlertDeps } from './alerts.service.ts';
import { ALERT_TEXTS, alertLocale, type AlertLocale } from './alert-texts.ts';

/** A field of a query or form, or '' (a repeated or missing field is none). */
function fieldOf(input: unknown, name: 'token' | 'lang'): string {
  const value = (input as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A small page without script or style (the public CSP applies); the token never leaves in a referrer. */
function page(reply: FastifyReply, locale: AlertLocale, status: number, title: string, body: string) {
  reply.headers(PUBLIC_PAGE_HEADERS).header('cache-control', NO_STORE).type('text/html; charset=utf-8').code(status);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

/**
 * One-click acknowledgement from the e-mail or SMS: GET shows a button, POST acknowledges, so a mail
 * scanner following the link acknowledges nothing. The page speaks the language the link names
 * (the recipient's), Dutch by default.
 */
export function registerAlertLinkRoutes(app: FastifyInstance, deps: AlertDeps, clock: Clock): void {
  void app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 4 * 1024 });
    scope.get('/alerts/bevestig', { config: { policy: 'public' } }, async (request, reply) => {
      const token = fieldOf(request.query, 'token');
      const locale = alertLocale(fieldOf(request.query, 'lang'));
      const texts = ALERT_TEXTS[locale];
      const language = locale === 'nl' ? '' : `<input type="hidden" name="lang" value="${locale}">`;
      return page(
        reply,
        locale,
        200,
        texts.confirmTitle,
        `<p>${escape(texts.confirmText)}</p>
<form method="post" action="/alerts/bevestig"><input type="hidden" name="token" value="${escape(token)}">${language}<button type="submit">${escape(texts.confirmButton)}</button></form>`,
      );
    });
    scope.post('/alerts/bevestig', { config: { policy: 'public' } }, async (request, reply) => {
      const locale = alertLocale(fieldOf(request.body, 'lang'));
      const texts = ALERT_TEXTS[locale];
      const outcome = await acknowledgeByToken(deps, fieldOf(request.body, 'token'), clock());
      if (outcome === 'unknown')
        return page(reply, locale, 404, texts.unknownTitle, `<p>${escape(texts.unknownText)}</p>`);
      const done = outcome === 'acknowledged';
      return page(
        reply,
        locale,
        200,
        done ? texts.doneTitle : texts.alreadyTitle,
        `<p>${escape(done ? texts.doneText : texts.alreadyText)}</p>
<p><a href="/beheer/gesprekken">${escape(texts.toConversations)}</a></p>`,
      );
    });
  });
}
