import type { Socket } from 'node:net';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { TenantEvent, TenantEvents } from '../db/tenant-events.ts';
import { actorOf } from './access-control.ts';
import type { ApiRegistry } from './api-route.ts';
import { apiError, type ApiErrorId } from './api-errors.ts';
import type { RoutePolicy } from './route-policy.ts';

/** Below the idle timeouts of common proxies (often 30–60 s), so they keep the stream open. */
export const PING_INTERVAL_MS = 25_000;
/** How long a browser's EventSource waits before it reconnects. */
const RETRY_MS = 3000;

/** One live stream of the API. */
export interface EventStreamRoute<Kind extends string> {
  url: string;
  policy: RoutePolicy;
  summary: string;
  events: TenantEvents<Kind>;
  /** The SSE event name (`event: <name>`). */
  eventName: string;
  /** The event's data: ids and kinds only, never content. */
  data: (event: TenantEvent<Kind>) => Record<string, string>;
  /** The refusal for staff without a municipality (national coordinators). */
  noMunicipality: ApiErrorId;
}

/**
 * Registers a server-sent event stream of the actor's own municipality's events. The events come
 * from PostgreSQL notifications, so a change made through any instance reaches every stream.
 */
export function registerEventStream<Kind extends string>(
  app: FastifyInstance,
  registry: ApiRegistry,
  stream: EventStreamRoute<Kind>,
): void {
  const open = new Set<ServerResponse>();
  const streamSockets = new Set<Socket>();

  registry.push({
    method: 'GET',
    url: stream.url,
    policy: stream.policy,
    summary: stream.summary,
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

  app.get(stream.url, { config: { policy: stream.policy } }, async (request, reply) => {
    const { municipalityCode } = actorOf(request);
    if (!municipalityCode) throw apiError(stream.noMunicipality);

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
    const unsubscribe = stream.events.subscribe(municipalityCode, (event) => {
      raw.write(`event: ${stream.eventName}\ndata: ${JSON.stringify(stream.data(event))}\n\n`);
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
