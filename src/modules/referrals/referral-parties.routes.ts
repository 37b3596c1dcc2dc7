import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import { partyInputSchema, partyListSchema, partySchema, partyUpdateSchema } from './referral-parties.schema.ts';
import { createParty, listParties, updateParty } from './referral-parties.service.ts';

const idParams = z.object({ id: z.string().uuid() });

/** The municipality's directory of parties it refers to: its team reads it, the coordinator keeps it. */
export function registerReferralPartyRoutes(app: FastifyInstance, context: ApiContext): void {
  const { db, clock, registry } = context;
  const deps = { db, clock };
  const base = '/api/v1/referral-parties';

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: base,
      policy: 'responder',
      summary: 'The parties my municipality refers to (active first)',
      response: partyListSchema,
    },
    async (request) => listParties(deps, actorOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: base,
      policy: 'responder',
      summary: 'Add a party to the directory (coordinator)',
      body: partyInputSchema,
      response: partySchema,
    },
    async (request, _reply, { body }) => createParty(deps, actorOf(request), body),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: `${base}/:id`,
      policy: 'responder',
      summary: 'Change a party of the directory or switch it off (coordinator)',
      body: partyUpdateSchema,
      response: partySchema,
    },
    async (request, _reply, { body }) => {
      const parsed = idParams.safeParse(request.params);
      if (!parsed.success) throw apiError('referral_party.not_found');
      return updateParty(deps, actorOf(request), parsed.data.id, body);
    },
  );
}
