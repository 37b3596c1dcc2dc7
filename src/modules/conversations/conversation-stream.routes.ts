import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../../http/api-context.ts';
import { registerEventStream } from '../../http/event-stream-route.ts';

/**
 * Live updates for the inbox as server-sent events: `event: conversation` with only the id and
 * the kind of change (never content), for the actor's own municipality.
 */
export function registerConversationStreamRoutes(app: FastifyInstance, context: ApiContext) {
  registerEventStream(app, context.registry, {
    url: '/api/v1/conversations/events',
    policy: 'responder',
    summary: 'Live changes to my municipality’s conversations (server-sent events; ids and kinds only)',
    events: context.conversationEvents,
    eventName: 'conversation',
    data: ({ id, kind }) => ({ conversationId: id, kind }),
    noMunicipality: 'conversation.no_municipality',
  });
}
