import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A response body with its compressed forms, made once and sent many times. */
export interface CompressedBody {
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
}

/** Compresses `text` with gzip and brotli (done once per cached page, so brotli may work hard). */
export function compressBody(text: string): CompressedBody {
  const identity = Buffer.from(text, 'utf8');
  return {
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
  };
}

/** Sends the best encoding the client accepts, and 304 when its copy is current. */
export function sendCompressed(
  request: FastifyRequest,
  reply: FastifyReply,
  body: CompressedBody,
  contentType: string,
) {
  reply.header('content-type', contentType).header('vary', 'accept-encoding').header('etag', body.etag);
  if (request.headers['if-none-match'] === body.etag) return reply.code(304).send();
  const accepted = request.headers['accept-encoding'] ?? '';
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(body.br);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.identity);
}

/** Compresses a one-off page quickly (gzip only; brotli at high quality is too slow per request). */
export function sendHtmlOnce(request: FastifyRequest, reply: FastifyReply, html: string) {
  reply.header('content-type', 'text/html; charset=utf-8').header('vary', 'accept-encoding');
  const accepted = request.headers['accept-encoding'] ?? '';
  if (html.length > 1024 && /\bgzip\b/.test(accepted)) {
    return reply.header('content-encoding', 'gzip').send(gzipSync(html, { level: 6 }));
  }
  return reply.send(html);
}
