import type { Socket } from 'node:net';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiError } from '../../http/api-errors.ts';

const URL = '/api/v1/conversations/events';
/** Below the idle timeouts of common proxies (often 30–60 s), so they keep the stream open. */
export const PING_INTERVAL_MS = 25_000;
/** How long a browser's EventSource waits before it reconnects. */
const RETRY_MS = 3000;

/**
 * Live updates for the inbox as server-sent events: `event: conversation` with only the id and
 * the kind of change (never content), for the actor's own municipality. The events come from
 * PostgreSQL notifications, so a change made through any instance reaches every stream.
 */
export function registerConversationStreamRoutes(app: FastifyInstance, context: ApiContext) {
  const open = new Set<ServerResponse>();
  const streamSockets = new Set<Socket>();

  context.registry.push({
    method: 'GET',
    url: URL,
    policy: 'responder',
    summary: 'Live changes to my municipality’s conversations (server-sent events; ids and kinds only)',
    produces: 'text/event-stream',
  });

  // preClose runs before the HTTP server waits for its connections: an open stream would keep
  // app.close() waiting forever.
  app.addHook('preClose', async () => {
    for (const raw of open) raw.end();
    open.clear();
    // A stream the browser gave up on can leave its connection open without a request in flight
    // that Node counts as idle; app.close() would wait for it (Fastify's keep-alive timeout, 72 s).
    for (const socket of streamSockets) socket.destroy();
    streamSockets.clear();
  });

  app.get(URL, { config: { policy: 'responder' } }, async (request, reply) => {
    const { municipalityCode } = actorOf(request);
    if (!municipalityCode) throw apiError('conversation.no_municipality');

    reply.hijack();
    const raw = reply.raw;
    // Hijacked: the headers the hooks set (security headers) are copied by hand.
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) raw.setHeader(name, value);
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      // The connection ends with the stream: kept alive after it (as when the app ends the streams at
      // shutdown), it would hold app.close() for Fastify's keep-alive timeout (72 s).
      connection: 'close',
    });
    if (request.method === 'HEAD') return void raw.end();

    raw.write(`retry: ${RETRY_MS}\n\n`);
    const unsubscribe = context.conversationEvents.subscribe(municipalityCode, ({ conversationId, kind }) => {
      raw.write(`event: conversation\ndata: ${JSON.stringify({ conversationId, kind })}\n\n`);
    });
    const ping = setInterval(() => raw.write(': ping\n\n'), PING_INTERVAL_MS);
    ping.unref();
    open.add(raw);
    const socket = raw.socket;
    if (socket) {
      streamSockets.add(socket);
      socket.once('close', () => streamSockets.delete(socket));
    }

    const end = () => {
      clearInterval(ping);
      unsubscribe();
      open.delete(raw);
    };
    // The response's 'close' (client gone, or ended at shutdown); the request's may come as soon as
    // its (empty) body has been read.
    raw.once('close', end);
  });
}
