import type { FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { compressBody, sendHtmlOnce, type CompressedBody } from '../../http/compressed-body.ts';
import { NO_STORE } from '../../http/security-headers.ts';
import { loadTranslators, SOURCE_LOCALE, type Translator } from '../../web/i18n/catalogue.ts';
import type { HelpLines } from '../../web/help-lines.ts';
import type { PageContext } from '../../web/page-context.ts';
import { buildStylesheet } from '../../web/styles/stylesheet.ts';
import { ErrorPage } from '../../web/pages/error-page.tsx';
import { renderDocument } from '../../web/render.ts';

/** Everything the public pages share, built once at start-up. */
export interface PublicSite {
  translators: Translator[];
  stylesheetUrl: string;
  stylesheetBody: CompressedBody;
  context(locale: string, sitePath: string): PageContext;
  /** The language of a URL: its first path segment when that is a known language, else Dutch. */
  localeOf(url: string): string;
  notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply;
}

/** Builds the shared parts of the public site: languages, stylesheet, help numbers. */
export function createPublicSite(options: { helpLines: HelpLines; quickExitUrl: string }): PublicSite {
  const translatorMap = loadTranslators();
  const translators = [...translatorMap.values()];
  const stylesheet = buildStylesheet();
  const site: PublicSite = {
    translators,
    stylesheetUrl: stylesheet.url,
    stylesheetBody: compressBody(stylesheet.css),
    context: (locale, sitePath) => ({
      t: translatorMap.get(locale) ?? translatorMap.get(SOURCE_LOCALE)!,
      languages: translators,
      sitePath,
      helpLines: options.helpLines,
      quickExitUrl: options.quickExitUrl,
      stylesheet: stylesheet.url,
    }),
    localeOf: (url) => {
      const first = url.split(/[/?#]/)[1] ?? '';
      return translatorMap.has(first) && first !== SOURCE_LOCALE ? first : SOURCE_LOCALE;
    },
    notFound: (request, reply) => sendErrorPage(site, request, reply, 404),
  };
  return site;
}

/** Answers with the 404 or 500 page in the language of the requested URL, help numbers included. */
export function sendErrorPage(site: PublicSite, request: FastifyRequest, reply: FastifyReply, status: 404 | 500) {
  const context = site.context(site.localeOf(request.url), '/');
  reply.code(status).header('cache-control', NO_STORE);
  return sendHtmlOnce(request, reply, renderDocument(createElement(ErrorPage, { context, status })));
}
