import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import { amsterdamDay } from '../public-site/page-cache.ts';
import type { PublicSite } from '../public-site/public-site.ts';
import { visiblePhoto } from './testimonials.repository.ts';
import { testimonialInputSchema, testimonialListSchema } from './testimonials.schema.ts';
import {
  changeTestimonialStatus,
  createTestimonial,
  editTestimonial,
  listAllTestimonials,
} from './testimonials.service.ts';

const idParams = z.object({ id: z.string().uuid() });
/** Base64 of a 1 MB photo plus the JSON around it. */
const UPLOAD_LIMIT = 1_600_000;

function idOf(params: unknown): string {
  const parsed = idParams.safeParse(params);
  if (!parsed.success) throw apiError('testimonial.not_found');
  return parsed.data.id;
}

/**
 * Testimonials: the national coordinator writes, publishes and withdraws them; the photo of a
 * published one in its period is public (the pages link to it).
 */
export function registerTestimonialRoutes(app: FastifyInstance, context: ApiContext, site: PublicSite) {
  const { db, clock, registry } = context;

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/testimonials',
      policy: 'national',
      summary: 'Every testimonial, with its status and whether it shows today',
      response: testimonialListSchema,
    },
    async (request) => listAllTestimonials(db, actorOf(request), clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/testimonials',
      policy: 'national',
      summary: "Add a mayor's testimonial (a draft)",
      body: testimonialInputSchema,
      response: z.object({ id: z.string().uuid() }),
      bodyLimit: UPLOAD_LIMIT,
    },
    async (request, reply, { body }) => {
      reply.code(201);
      return createTestimonial(db, actorOf(request), body, clock());
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/testimonials/:id',
      policy: 'national',
      summary: 'Change a testimonial (photo: base64 to replace, null to remove, absent to keep)',
      body: testimonialInputSchema,
      bodyLimit: UPLOAD_LIMIT,
    },
    async (request, _reply, { body }) => editTestimonial(db, actorOf(request), idOf(request.params), body, clock()),
  );

  for (const [action, to] of [
    ['publish', 'published'],
    ['withdraw', 'withdrawn'],
  ] as const) {
    apiRoute(
      app,
      registry,
      {
        method: 'POST',
        url: `/api/v1/testimonials/:id/${action}`,
        policy: 'national',
        summary: to === 'published' ? 'Publish a testimonial' : 'Withdraw a published testimonial',
      },
      async (request) => changeTestimonialStatus(db, actorOf(request), idOf(request.params), to, clock()),
    );
  }

  app.get('/getuigenissen/:id/foto', { config: { policy: 'public' } }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    const found = params.success ? await visiblePhoto(db, params.data.id, amsterdamDay(clock())) : undefined;
    if (!found) return site.notFound(request, reply);
    // Briefly cacheable: a withdrawn photo must disappear from browsers and proxies within minutes.
    return reply
      .header('cache-control', 'public, max-age=300')
      .header('last-modified', found.updatedAt.toUTCString())
      .type(found.type)
      .send(found.photo);
  });
}
