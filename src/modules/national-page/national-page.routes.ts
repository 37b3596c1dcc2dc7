import type { FastifyInstance } from 'fastify';
import { createElement } from 'react';
import type { Database } from '../../db/pool.ts';
import { sendCompressed } from '../../http/compressed-body.ts';
import { SHORT_PUBLIC_CACHE } from '../../http/security-headers.ts';
import { NationalPage } from '../../web/pages/national-page.tsx';
import { renderDocument } from '../../web/render.ts';
import type { PageCache } from '../public-site/page-cache.ts';
import type { PublicSite } from '../public-site/public-site.ts';
import { loadNationalPage } from './national-page.service.ts';

/** The URL of the national page, without language prefix. */
export const NATIONAL_PAGE_PATH = '/wie-doet-mee';

/**
 * "Wie doet mee?" in every language. The map is projected and rendered once per cache fill: the
 * page cache is emptied by the NOTIFY on every change to municipalities and testimonials, and at
 * Amsterdam midnight, when a testimonial's publication period may start or end (see PageCache).
 */
export function registerNationalPageRoutes(app: FastifyInstance, db: Database, site: PublicSite, cache: PageCache) {
  for (const t of site.translators) {
    app.get(`${t.prefix}${NATIONAL_PAGE_PATH}`, { config: { policy: 'public' } }, async (request, reply) => {
      const body = await cache.get(`${t.locale}:${NATIONAL_PAGE_PATH}`, async (today) => {
        const data = await loadNationalPage(db, today);
        return renderDocument(
          createElement(NationalPage, { context: site.context(t.locale, NATIONAL_PAGE_PATH), data }),
        );
      });
      reply.header('cache-control', SHORT_PUBLIC_CACHE);
      return sendCompressed(request, reply, body, 'text/html; charset=utf-8');
    });
  }
}
