import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import {
  toolkitListSchema,
  toolkitPageViewSchema,
  toolkitSaveSchema,
  toolkitSlugSchema,
  toolkitVersionsSchema,
} from './toolkit.schema.ts';
import { listToolkit, listToolkitVersions, readToolkitPage, saveToolkitPage } from './toolkit.service.ts';

const slugParams = z.object({ slug: toolkitSlugSchema });
const versionParams = slugParams.extend({ version: z.coerce.number().int().min(1).max(1_000_000) });

function parseParams<T extends z.ZodType>(schema: T, params: unknown): z.infer<T> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw apiError('toolkit.not_found');
  return parsed.data;
}

/** The toolkit: every staff member reads, the national coordinator edits (each save a new version). */
export function registerToolkitRoutes(app: FastifyInstance, context: ApiContext) {
  const { db, clock, registry } = context;

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/toolkit',
      policy: 'staff',
      summary: 'The toolkit pages',
      response: toolkitListSchema,
    },
    async (request) => listToolkit(db, actorOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/toolkit/:slug',
      policy: 'staff',
      summary: 'A toolkit page (current version), Markdown and HTML',
      response: toolkitPageViewSchema,
    },
    async (request) => readToolkitPage(db, actorOf(request), parseParams(slugParams, request.params).slug),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/toolkit/:slug',
      policy: 'national',
      summary: 'Save a new version of a toolkit page',
      body: toolkitSaveSchema,
      response: z.object({ slug: z.string(), version: z.number().int() }),
    },
    async (request, _reply, { body }) =>
      saveToolkitPage(db, actorOf(request), parseParams(slugParams, request.params).slug, body, clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/toolkit/:slug/versions',
      policy: 'staff',
      summary: 'Every version of a toolkit page: who changed it, when',
      response: toolkitVersionsSchema,
    },
    async (request) => listToolkitVersions(db, actorOf(request), parseParams(slugParams, request.params).slug),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/toolkit/:slug/versions/:version',
      policy: 'staff',
      summary: 'An older version of a toolkit page',
      response: toolkitPageViewSchema,
    },
    async (request) => {
      const { slug, version } = parseParams(versionParams, request.params);
      return readToolkitPage(db, actorOf(request), slug, version);
    },
  );
}
