import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createElement, type ReactElement } from 'react';
import { z } from 'zod';
import type { Database } from '../../db/pool.ts';
import { sendCompressed, sendHtmlOnce } from '../../http/compressed-body.ts';
import { NO_STORE, SHORT_PUBLIC_CACHE } from '../../http/security-headers.ts';
import type { PageContext } from '../../web/page-context.ts';
import { FinderResultsPage } from '../../web/pages/finder-results-page.tsx';
import { HomePage } from '../../web/pages/home-page.tsx';
import { MunicipalityPage } from '../../web/pages/municipality-page.tsx';
import { renderDocument } from '../../web/render.ts';
import { findMunicipalities, loadMunicipalityPage, slugForCode } from '../municipalities/municipalities.service.ts';
import { findAppearance } from '../programme/municipal-settings.repository.ts';
import { recordQrVisit } from '../stickers/qr-visits.service.ts';
import type { PageCache } from './page-cache.ts';
import type { PublicSite } from './public-site.ts';

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });
const codeParams = z.object({ code: z.string().regex(/^gm\d{4}$/i) });
const searchQuery = z.object({ q: z.union([z.string(), z.array(z.string())]).optional() });

const html = (page: ReactElement) => renderDocument(page);

/** The child-facing pages, in every language; each route is: parse → service → render. */
export function registerPublicSiteRoutes(app: FastifyInstance, db: Database, site: PublicSite, cache: PageCache) {
  const policy = { policy: 'public' as const };

  for (const t of site.translators) {
    const contextFor = (sitePath: string): PageContext => site.context(t.locale, sitePath);
    const homePaths = t.prefix === '' ? ['/'] : [t.prefix, `${t.prefix}/`];

    for (const url of homePaths) {
      app.get(url, { config: policy }, async (request, reply) => {
        const body = await cache.get(`${t.locale}:/`, async () =>
          html(createElement(HomePage, { context: contextFor('/') })),
        );
        reply.header('cache-control', SHORT_PUBLIC_CACHE);
        return sendCompressed(request, reply, body, 'text/html; charset=utf-8');
      });
    }

    app.get(`${t.prefix}/zoek`, { config: policy }, async (request, reply) => {
      const parsed = searchQuery.safeParse(request.query);
      const raw = parsed.success ? ([parsed.data.q ?? ''].flat()[0] ?? '') : '';
      const query = raw.trim().slice(0, 80);
      const result = await findMunicipalities(db, query);
      reply.header('cache-control', NO_STORE);
      if (result.kind === 'one') return reply.redirect(t.href(`/gemeente/${result.municipality.slug}`), 303);
      const page = createElement(FinderResultsPage, {
        context: contextFor(query ? `/zoek?q=${encodeURIComponent(query)}` : '/'),
        query,
        outcome: result,
      });
      return sendHtmlOnce(request, reply, html(page));
    });

    app.get(`${t.prefix}/gemeente/:slug`, { config: policy }, async (request, reply) => {
      const params = slugParams.safeParse(request.params);
      if (!params.success) return site.notFound(request, reply);
      const { slug } = params.data;
      // A cached page costs no query: the NOTIFY that empties the cache covers everything loaded here.
      const body = await cache.get(`${t.locale}:/gemeente/${slug}`, async (today) => {
        const loaded = await loadMunicipalityPage(db, slug, today);
        if (loaded.kind !== 'page') return loaded;
        const appearance = await findAppearance(db, loaded.municipality.code);
        return html(
          createElement(MunicipalityPage, { context: contextFor(`/gemeente/${slug}`), ...loaded, appearance }),
        );
      });
      if ('kind' in body) {
        if (body.kind === 'moved') return reply.redirect(t.href(`/gemeente/${body.slug}`), 301);
        return site.notFound(request, reply);
      }
      reply.header('cache-control', SHORT_PUBLIC_CACHE);
      return sendCompressed(request, reply, body, 'text/html; charset=utf-8');
    });
    // The write and read pages of a municipality: modules/conversations/child-conversation.routes.ts.
  }

  // The permanent short URL printed in QR codes on stickers: it must keep working for years.
  app.get('/g/:code', { config: policy }, async (request, reply) => {
    const params = codeParams.safeParse(request.params);
    const slug = params.success ? await slugForCode(db, params.data.code) : undefined;
    if (!slug) return site.notFound(request, reply);
    // Counted after the answer is on its way: a slow or failing count never holds up or breaks the redirect.
    void recordQrVisit(db, slug, new Date()).catch(() => request.log.warn('qr visit not counted'));
    reply.header('cache-control', 'no-cache');
    return reply.redirect(`/gemeente/${slug}`, 302);
  });

  app.get('/styles/:file', { config: policy }, async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.url !== site.stylesheetUrl) return site.notFound(request, reply);
    reply.header('cache-control', 'public, max-age=31536000, immutable');
    return sendCompressed(request, reply, site.stylesheetBody, 'text/css; charset=utf-8');
  });
}
