import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { projectRoot } from '../paths.ts';

/** Where `npm run build:backoffice` puts the SPA. */
export const BACK_OFFICE_DIST = path.join(projectRoot, 'backoffice', 'dist');

/**
 * Serves the back-office SPA under /beheer/: hashed assets from backoffice/dist, and index.html for
 * every other path under /beheer (the SPA routes itself). Without a build, /beheer says how to make one.
 */
export async function registerBackOffice(app: FastifyInstance) {
  const built = existsSync(path.join(BACK_OFFICE_DIST, 'index.html'));
  if (!built) {
    app.get('/beheer/*', { config: { policy: 'public' } }, async (_request, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The back office is not built: run `npm run build:backoffice`.'),
    );
    return;
  }
  // serve: false — we declare the routes ourselves, so that they carry a policy like every other.
  await app.register(fastifyStatic, { root: BACK_OFFICE_DIST, serve: false });
  app.get('/beheer/assets/*', { config: { policy: 'public' } }, async (request, reply) => {
    const file = (request.params as { '*': string })['*'];
    if (!/^[\w.-]+$/.test(file)) return reply.code(404).send();
    return reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .sendFile(file, path.join(BACK_OFFICE_DIST, 'assets'));
  });
  const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-store').sendFile('index.html', BACK_OFFICE_DIST);
  app.get('/beheer', { config: { policy: 'public' } }, sendIndex);
  app.get('/beheer/', { config: { policy: 'public' } }, sendIndex);
  app.get('/beheer/*', { config: { policy: 'public' } }, sendIndex);
}
