import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';
import { apiRoute } from '../../http/api-route.ts';
import {
  assigneeListSchema,
  assignRequestSchema,
  conversationDetailViewSchema,
  inboxQuerySchema,
  inboxViewSchema,
  messageBodyRequestSchema,
} from './conversations.schema.ts';
import type { ConversationDeps } from './conversations.types.ts';
import {
  addNote,
  assignConversation,
  closeConversation,
  listAssignees,
  listInbox,
  readConversation,
  reopenConversation,
  replyToChild,
} from './inbox.service.ts';

const idParams = z.object({ id: z.string().uuid() });

/** The conversation id of a request; a malformed one is as unknown as a missing one. */
function conversationIdOf(request: FastifyRequest): string {
  const parsed = idParams.safeParse(request.params);
  if (!parsed.success) throw apiError('conversation.not_found');
  return parsed.data.id;
}

/** What the conversation services need, taken from the API context. */
export function conversationDepsOf(context: ApiContext): ConversationDeps {
  const { db, keyring, mailer, publicBaseUrl, codeExpiryDays, clock, alerting } = context;
  return { db, keyring, mailer, publicBaseUrl, codeExpiryDays, clock, ...(alerting ? { alerting } : {}) };
}

/**
 * The inbox of children's messages for a municipality's responders and coordinator: list, read,
 * reply, internal notes, assignment, closing and reopening. Every read of content is audited by the services.
 */
export function registerConversationRoutes(app: FastifyInstance, context: ApiContext) {
  const { registry, clock } = context;
  const deps = conversationDepsOf(context);
  const base = '/api/v1/conversations';

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: base,
      policy: 'responder',
      summary: 'Conversations of my municipality (no content), new ones first',
      query: inboxQuerySchema,
      response: inboxViewSchema,
    },
    async (request, _reply, { query }) => listInbox(deps, actorOf(request), { status: query.status }, clock()),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: `${base}/assignees`,
      policy: 'responder',
      summary: 'Who a conversation can be assigned to',
      response: assigneeListSchema,
    },
    async (request) => listAssignees(deps, actorOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: `${base}/:id`,
      policy: 'responder',
      summary: 'A whole conversation with internal notes (the read is audited)',
      response: conversationDetailViewSchema,
    },
    async (request) => readConversation(deps, actorOf(request), conversationIdOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: `${base}/:id/replies`,
      policy: 'responder',
      summary: 'Reply to the child',
      body: messageBodyRequestSchema,
      response: conversationDetailViewSchema,
    },
    async (request, _reply, { body }) => replyToChild(deps, actorOf(request), conversationIdOf(request), body.body),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: `${base}/:id/notes`,
      policy: 'responder',
      summary: 'Add an internal note (never shown to the child)',
      body: messageBodyRequestSchema,
      response: conversationDetailViewSchema,
    },
    async (request, _reply, { body }) => addNote(deps, actorOf(request), conversationIdOf(request), body.body),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: `${base}/:id/assign`,
      policy: 'responder',
      summary: 'Assign the conversation to a colleague (or to nobody with null)',
      body: assignRequestSchema,
      response: conversationDetailViewSchema,
    },
    async (request, _reply, { body }) =>
      assignConversation(deps, actorOf(request), conversationIdOf(request), body.userId),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: `${base}/:id/close`,
      policy: 'responder',
      summary: 'Close the conversation (a new message from the child opens it again)',
      response: conversationDetailViewSchema,
    },
    async (request) => closeConversation(deps, actorOf(request), conversationIdOf(request)),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'POST',
      url: `${base}/:id/reopen`,
      policy: 'responder',
      summary: 'Reopen a closed conversation',
      response: conversationDetailViewSchema,
    },
    async (request) => reopenConversation(deps, actorOf(request), conversationIdOf(request)),
  );
}
