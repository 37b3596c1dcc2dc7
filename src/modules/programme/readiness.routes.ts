import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { municipalityCodeSchema } from '../accounts/accounts.schema.ts';
import {
  readinessItemListSchema,
  readinessItemRequestSchema,
  readinessViewSchema,
  tickRequestSchema,
} from './readiness.schema.ts';
import {
  changeChecklistItem,
  createChecklistItem,
  listChecklistItems,
  progressPhoto,
  readinessOf,
  tickItem,
  untickItem,
} from './readiness.service.ts';

const idParams = z.object({ id: z.string().uuid() });
const codeParams = z.object({ code: municipalityCodeSchema });
const progressParams = z.object({ code: municipalityCodeSchema, itemId: z.string().uuid() });

/** The readiness checklist: its items (national coordinator) and each municipality's progress. */
export function registerReadinessRoutes(app: FastifyInstance, context: ApiContext): void {
  const { db, clock, registry } = context;

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/programme/readiness-items',
      policy: 'coordinator',
      summary: 'The readiness checklist items',
      response: readinessItemListSchema,
    },
    async (request) => listChecklistItems(db, actorOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/programme/readiness-items',
      policy: 'national',
      summary: 'Add a checklist item',
      body: readinessItemRequestSchema,
      response: z.object({ id: z.string().uuid() }),
    },
    async (request, _reply, { body }) => createChecklistItem(db, actorOf(request), body, clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/programme/readiness-items/:id',
      policy: 'national',
      summary: 'Change a checklist item (title, description, order, active)',
      body: readinessItemRequestSchema,
    },
    async (request, _reply, { body }) => {
      await changeChecklistItem(db, actorOf(request), idParams.parse(request.params).id, body, clock());
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/programme/readiness/:code',
      policy: 'coordinator',
      summary: "A municipality's progress on the checklist",
      response: readinessViewSchema,
    },
    async (request) => readinessOf(db, actorOf(request), codeParams.parse(request.params).code),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/programme/readiness/:code/items/:itemId',
      policy: 'coordinator',
      summary: 'Tick a checklist item (note; photo for the sticker)',
      body: tickRequestSchema,
      bodyLimit: 3 * 1024 * 1024,
      response: readinessViewSchema.omit({ municipalityCode: true, municipalityName: true }),
    },
    async (request, _reply, { body }) => {
      const { code, itemId } = progressParams.parse(request.params);
      return tickItem(db, actorOf(request), code, itemId, body, clock());
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'DELETE',
      url: '/api/v1/programme/readiness/:code/items/:itemId',
      policy: 'coordinator',
      summary: 'Un-tick a checklist item',
    },
    async (request) => {
      const { code, itemId } = progressParams.parse(request.params);
      await untickItem(db, actorOf(request), code, itemId);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/programme/readiness/:code/items/:itemId/photo',
      policy: 'coordinator',
      summary: 'The photo of a ticked item',
      produces: 'image/jpeg',
    },
    async (request, reply) => {
      const { code, itemId } = progressParams.parse(request.params);
      const photo = await progressPhoto(db, actorOf(request), code, itemId);
      return reply.type(photo.type).header('content-disposition', 'inline').send(photo.photo);
    },
  );
}
