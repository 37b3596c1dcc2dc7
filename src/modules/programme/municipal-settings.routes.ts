import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { sendCompressed } from '../../http/compressed-body.ts';
import { SHORT_PUBLIC_CACHE } from '../../http/security-headers.ts';
import { municipalityCodeSchema } from '../accounts/accounts.schema.ts';
import { findMunicipalityBySlug } from '../municipalities/municipalities.repository.ts';
import type { PageCache } from '../public-site/page-cache.ts';
import type { PublicSite } from '../public-site/public-site.ts';
import { findAppearance, findLogo } from './municipal-settings.repository.ts';
import {
  appearanceRequestSchema,
  contactRoutesSchema,
  logoRequestSchema,
  municipalSettingsViewSchema,
} from './municipal-settings.schema.ts';
import {
  accentStylesheet,
  saveAppearance,
  saveContactRoutes,
  saveLogo,
  settingsOf,
  type SiteLanguages,
} from './municipal-settings.service.ts';

const codeParams = z.object({ code: municipalityCodeSchema });
const cssParams = z.object({ file: z.string().regex(/^GM\d{4}\.css$/) });
const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });

/**
 * Municipal settings (contact routes, accent colour, logo, languages) for coordinators, and the two
 * public routes that show them to children: the accent stylesheet (the public CSP forbids inline
 * styles) and the logo. The stylesheet is cached with the pages; the appearance table's NOTIFY empties it.
 */
export function registerMunicipalSettingsRoutes(
  app: FastifyInstance,
  context: ApiContext,
  site: PublicSite,
  cache: PageCache,
): void {
  const { db, clock, registry } = context;
  const languages: SiteLanguages = {
    available: site.translators.map((t) => ({ locale: t.locale, name: t.name })),
  };
  const code = (params: unknown) => codeParams.parse(params).code;

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/programme/settings/:code',
      policy: 'coordinator',
      summary: "A municipality's contact routes, theme and languages",
      response: municipalSettingsViewSchema,
    },
    async (request) => settingsOf(db, actorOf(request), code(request.params), languages),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/programme/settings/:code/contact',
      policy: 'coordinator',
      summary: "Set a municipality's contact routes",
      body: contactRoutesSchema,
    },
    async (request, _reply, { body }) => {
      await saveContactRoutes(db, actorOf(request), code(request.params), body, clock());
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/programme/settings/:code/appearance',
      policy: 'coordinator',
      summary: "Set a municipality's accent colour (contrast ≥ 4.5:1 with white) and languages",
      body: appearanceRequestSchema,
    },
    async (request, _reply, { body }) => {
      await saveAppearance(db, actorOf(request), code(request.params), body, languages, clock());
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/programme/settings/:code/logo',
      policy: 'coordinator',
      summary: "Set a municipality's logo (PNG or JPEG, at most 200 kB, base64)",
      body: logoRequestSchema,
      bodyLimit: 512 * 1024,
    },
    async (request, _reply, { body }) => {
      await saveLogo(db, actorOf(request), code(request.params), body.image, clock());
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'DELETE',
      url: '/api/v1/programme/settings/:code/logo',
      policy: 'coordinator',
      summary: "Remove a municipality's logo",
    },
    async (request) => {
      await saveLogo(db, actorOf(request), code(request.params), null, clock());
    },
  );

  app.get('/styles/gemeente/:file', { config: { policy: 'public' } }, async (request, reply) => {
    const params = cssParams.safeParse(request.params);
    if (!params.success) return site.notFound(request, reply);
    const municipality = params.data.file.slice(0, 6);
    const body = await cache.get(`css:${municipality}`, async () =>
      accentStylesheet((await findAppearance(db, municipality))?.accentColour),
    );
    reply.header('cache-control', SHORT_PUBLIC_CACHE);
    return sendCompressed(request, reply, body, 'text/css; charset=utf-8');
  });

  app.get('/gemeente/:slug/logo', { config: { policy: 'public' } }, async (request, reply) => {
    const params = slugParams.safeParse(request.params);
    const municipality = params.success ? await findMunicipalityBySlug(db, params.data.slug) : undefined;
    const logo = municipality ? await findLogo(db, municipality.code) : undefined;
    if (!logo) return site.notFound(request, reply);
    return reply.header('cache-control', SHORT_PUBLIC_CACHE).type(logo.type).send(logo.logo);
  });
}
