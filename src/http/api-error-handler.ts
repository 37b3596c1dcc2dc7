import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { sendErrorPage, type PublicSite } from '../modules/public-site/public-site.ts';
import { ApiError, apiError } from './api-errors.ts';

/** Whether a URL belongs to the JSON API (which answers errors as JSON, never as pages). */
export function isApiRequest(url: string): boolean {
  return url === '/api' || url.startsWith('/api/');
}

/** The language of an API error message: the signed-in user's, else the browser's first choice. */
function localeOf(request: FastifyRequest): 'nl' | 'en' {
  if (request.actor) return request.actor.locale;
  return /^en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'nl';
}

/** Answers an API error as `{ error: { id, message, field? } }`. */
export function sendApiError(request: FastifyRequest, reply: FastifyReply, error: ApiError) {
  reply.header('cache-control', 'no-store');
  return reply.code(error.status).send({
    error: {
      id: error.id,
      message: error.messageIn(localeOf(request)),
      ...(error.field ? { field: error.field } : {}),
    },
  });
}

/**
 * One error handler for the whole app: API errors as JSON with a stable id, public pages as the
 * 404/500 page with the help numbers. Never a stack trace.
 */
export function registerApiErrorHandling(app: FastifyInstance, site: PublicSite) {
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (isApiRequest(request.url)) {
      if (error instanceof ApiError) return sendApiError(request, reply, error);
      if (error instanceof ZodError) {
        const issue = error.issues[0];
        const field = issue?.path.map(String).join('.') || undefined;
        return sendApiError(
          request,
          reply,
          apiError('request.invalid', { detail: `${field ?? 'request'}: ${issue?.message ?? ''}` }, field),
        );
      }
      if (error.statusCode === 413) return sendApiError(request, reply, apiError('request.too_large'));
      if (error.statusCode === 415) return sendApiError(request, reply, apiError('request.unsupported_media_type'));
      if (error.statusCode && error.statusCode < 500) {
        return sendApiError(request, reply, apiError('request.invalid', { detail: error.message }));
      }
      request.log.error({ err: error }, 'api request failed');
      return sendApiError(request, reply, apiError('internal'));
    }
    if (error.statusCode && error.statusCode < 500) {
      request.log.info({ err: { type: error.name, message: error.message } }, 'client error');
      if (error.statusCode === 404) return sendErrorPage(site, request, reply, 404);
      return reply.code(error.statusCode).header('content-type', 'text/plain; charset=utf-8').send(error.message);
    }
    request.log.error({ err: error }, 'request failed');
    return sendErrorPage(site, request, reply, 500);
  });
}

/**
 * Unknown paths: under /api a JSON `not_found` like every other API error (a client must never
 * have to parse an HTML page), elsewhere the public 404 page with the help numbers.
 */
export function registerNotFound(app: FastifyInstance, site: PublicSite) {
  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request.url)) return sendApiError(request, reply, apiError('not_found'));
    return sendErrorPage(site, request, reply, 404);
  });
}
