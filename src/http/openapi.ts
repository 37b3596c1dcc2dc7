import { z } from 'zod';
import { apiErrorSchema } from '../modules/accounts/accounts.schema.ts';
import { API_ERROR_IDS } from './api-errors.ts';
import type { ApiRegistry } from './api-route.ts';

/** Builds the OpenAPI 3.1 document of the JSON API from the registered operations' zod schemas. */
export function openApiDocument(registry: ApiRegistry, serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of registry) {
    const path = operation.url.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...[...operation.url.matchAll(/:(\w+)/g)].map((match) => ({
        name: match[1],
        in: 'path',
        required: true,
        schema: { type: 'string' },
      })),
      ...queryParameters(operation.query),
    ];
    paths[path] ??= {};
    paths[path][operation.method.toLowerCase()] = {
      summary: operation.summary,
      'x-policy': operation.policy,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(operation.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(operation.body) } } } }
        : {}),
      responses: {
        ...(operation.response
          ? {
              '200': { description: 'OK', content: { 'application/json': { schema: jsonSchema(operation.response) } } },
            }
          : operation.produces
            ? { '200': { description: 'OK', content: { [operation.produces]: {} } } }
            : { '204': { description: 'Done' } }),
        default: {
          description: 'Error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'opendeur back-office API',
      version: '1',
      description: 'Every state change needs the x-csrf-token header. Error ids: ' + API_ERROR_IDS.join(', '),
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    paths: Object.fromEntries(Object.entries(paths).map(([path, value]) => [path.replace(/^\/api\/v1/, ''), value])),
    components: { schemas: { Error: jsonSchema(apiErrorSchema) } },
  };
}

function jsonSchema(schema: z.ZodType) {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: property,
  }));
}
