import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiContext } from './api-context.ts';
import { apiRoute } from './api-route.ts';
import { openApiDocument } from './openapi.ts';

/**
 * GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, built from the registered operations
 * (this one included, so the document lists every /api/v1 route there is).
 */
export function registerOpenApiRoute(app: FastifyInstance, context: ApiContext) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  apiRoute(
    app,
    context.registry,
    {
      method: 'GET',
      url: '/api/v1/openapi.json',
      policy: 'public',
      summary: 'This OpenAPI 3.1 document',
      response: z.looseObject({
        openapi: z.string(),
        info: z.object({}).loose(),
        paths: z.record(z.string(), z.unknown()),
      }),
    },
    async () => {
      document ??= openApiDocument(context.registry, context.publicBaseUrl);
      return document;
    },
  );
}
