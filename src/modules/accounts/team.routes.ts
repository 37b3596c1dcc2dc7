import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { findMunicipalityByCode, listCurrentMunicipalities } from '../municipalities/municipalities.repository.ts';
import {
  acceptInvitationRequestSchema,
  invitationRequestSchema,
  invitationViewSchema,
  municipalityCodeSchema,
  rolesRequestSchema,
  sessionViewSchema,
  teamViewSchema,
} from './accounts.schema.ts';
import { acceptInvitation, createInvitation, findInvitation } from './invitations.service.ts';
import { sendNewSession } from './session.routes.ts';
import { changeRoles, deactivateMember, listTeam } from './team.service.ts';

const tokenParams = z.object({ token: z.string().regex(/^[\w-]{20,100}$/) });
const userParams = z.object({ id: z.string().uuid() });

/** Team management for coordinators, and invitations (accepting one needs no account). */
export function registerTeamRoutes(app: FastifyInstance, context: ApiContext) {
  const { db, clock, registry } = context;

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/team',
      policy: 'coordinator',
      summary: 'Members and invitations of a municipality',
      query: z.object({ municipality: municipalityCodeSchema.optional() }),
      response: teamViewSchema,
    },
    async (request, _reply, { query }) => listTeam(db, actorOf(request), query.municipality),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/municipalities',
      policy: 'staff',
      summary: 'All current municipalities (code and name)',
      response: z.object({ municipalities: z.array(z.object({ code: z.string(), name: z.string() })) }),
    },
    async () => ({
      municipalities: (await listCurrentMunicipalities(db)).map(({ code, name }) => ({ code, name })),
    }),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/invitations',
      policy: 'coordinator',
      summary: 'Invite a staff member by e-mail',
      body: invitationRequestSchema,
      response: z.object({ id: z.string().uuid() }),
    },
    async (request, _reply, { body }) =>
      createInvitation(db, actorOf(request), body, { mailer: context.mailer, baseUrl: context.publicBaseUrl }, clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/invitations/:token',
      policy: 'anonymous-api',
      summary: 'What an invitation is for',
      response: invitationViewSchema,
    },
    async (request) => {
      const { token } = tokenParams.parse(request.params);
      const invitation = await findInvitation(db, token, clock());
      const municipality = invitation.municipalityCode
        ? await findMunicipalityByCode(db, invitation.municipalityCode)
        : undefined;
      return {
        email: invitation.email,
        displayName: invitation.displayName,
        municipalityName: municipality?.name ?? null,
        roles: invitation.roles,
        expiresAt: invitation.expiresAt.toISOString(),
      };
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/invitations/:token/accept',
      policy: 'anonymous-api',
      summary: 'Accept an invitation and choose a password',
      body: acceptInvitationRequestSchema,
      response: sessionViewSchema,
    },
    async (request, reply, { body }) => {
      const { token } = tokenParams.parse(request.params);
      const issued = await acceptInvitation(db, token, body.password, request.headers['user-agent'] ?? null, clock());
      return sendNewSession(context, request, reply, issued);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: '/api/v1/team/:id/roles',
      policy: 'coordinator',
      summary: "Set a member's roles",
      body: rolesRequestSchema,
    },
    async (request, _reply, { body }) => {
      await changeRoles(db, actorOf(request), userParams.parse(request.params).id, body.roles);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: '/api/v1/team/:id/deactivate',
      policy: 'coordinator',
      summary: 'Deactivate a member and end their sessions',
    },
    async (request) => {
      await deactivateMember(db, actorOf(request), userParams.parse(request.params).id, clock());
    },
  );
}
