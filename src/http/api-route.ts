import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import { apiError } from './api-errors.ts';
import type { RoutePolicy } from './route-policy.ts';

/** One JSON API operation, as declared by a module and described in the OpenAPI document. */
export interface ApiOperation<Body extends z.ZodType | undefined, Query extends z.ZodType | undefined> {
  method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  url: string;
  policy: RoutePolicy;
  summary: string;
  body?: Body;
  query?: Query;
  /** The 2xx response body; undefined means 204 No Content (or a non-JSON body such as CSV). */
  response?: z.ZodType;
  /** The media type of a non-JSON response. */
  produces?: string;
  /** A larger body limit than the app's 64 kB (uploads such as photos, base64 in JSON). */
  bodyLimit?: number;
}

type Parsed<T> = T extends z.ZodType ? z.infer<T> : undefined;

/** The operations registered so far, for /api/v1/openapi.json. */
export type ApiRegistry = Array<ApiOperation<z.ZodType | undefined, z.ZodType | undefined>>;

/**
 * Registers an API route: declares its policy, parses body and query with zod (a bad field is a
 * 400 `request.invalid` naming the field) and records it for the OpenAPI document.
 */
export function apiRoute<Body extends z.ZodType | undefined, Query extends z.ZodType | undefined>(
  app: FastifyInstance,
  registry: ApiRegistry,
  operation: ApiOperation<Body, Query>,
  handler: (
    request: FastifyRequest,
    reply: FastifyReply,
    input: { body: Parsed<Body>; query: Parsed<Query> },
  ) => Promise<unknown>,
): void {
  registry.push(operation);
  app.route({
    method: operation.method,
    url: operation.url,
    config: { policy: operation.policy },
    ...(operation.bodyLimit ? { bodyLimit: operation.bodyLimit } : {}),
    handler: async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const body = parseWith(operation.body, request.body) as Parsed<Body>;
      const query = parseWith(operation.query, request.query) as Parsed<Query>;
      const result = await handler(request, reply, { body, query });
      if (result === undefined && !reply.sent) return reply.code(204).send();
      return result;
    },
  });
}

function parseWith(schema: z.ZodType | undefined, value: unknown): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || undefined;
  throw apiError('request.invalid', { detail: `${field ?? 'body'}: ${issue.message}` }, field);
}
