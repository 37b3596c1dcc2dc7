import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, setSessionCookie } from '../../http/access-control.ts';
import type { ApiContext } from '../../http/api-context.ts';
import { apiRoute } from '../../http/api-route.ts';
import { getSsoSettings, removeSsoSettings, saveSsoSettings } from './sso-settings.service.ts';
import { listSsoMunicipalities } from './sso.repository.ts';
import {
  ssoCallbackQuerySchema,
  ssoMunicipalityListSchema,
  ssoParamsSchema,
  ssoSettingsRequestSchema,
  ssoSettingsViewSchema,
} from './sso.schema.ts';
import { completeSsoSignIn, IssuerCache, SSO_STATE_TTL_MS, startSsoSignIn, type SsoResult } from './sso.service.ts';

/**
 * Binds a sign-in in flight to the browser that started it. SameSite=Lax, not Strict: it must come
 * along on the identity provider's top-level redirect back to the callback.
 */
export const SSO_BROWSER_COOKIE = '__Host-od-sso';
const browserCookie = { path: '/', httpOnly: true, secure: true, sameSite: 'lax' as const };

/** Single sign-on with OpenID Connect: coordinators' settings, and signing in through it. */
export function registerSsoRoutes(app: FastifyInstance, context: ApiContext) {
  const { db, clock, registry, publicBaseUrl } = context;
  const issuers = new IssuerCache();
  const settingsUrl = '/api/v1/municipalities/:code/sso';
  const codeOf = (request: FastifyRequest) => ssoParamsSchema.parse(request.params).code;

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: settingsUrl,
      policy: 'coordinator',
      summary: "A municipality's single sign-on settings (never the secret)",
      response: ssoSettingsViewSchema,
    },
    async (request) => getSsoSettings(db, actorOf(request), codeOf(request), publicBaseUrl),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'PUT',
      url: settingsUrl,
      policy: 'coordinator',
      summary: "Set a municipality's single sign-on (OpenID Connect)",
      body: ssoSettingsRequestSchema,
      response: ssoSettingsViewSchema,
    },
    async (request, _reply, { body }) =>
      saveSsoSettings(db, actorOf(request), codeOf(request), body, { publicBaseUrl, issuers, now: clock() }),
  );

  apiRoute(
    app,
    registry,
    { method: 'DELETE', url: settingsUrl, policy: 'coordinator', summary: "Remove a municipality's single sign-on" },
    async (request) => {
      await removeSsoSettings(db, actorOf(request), codeOf(request), issuers);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/sso/municipalities',
      policy: 'anonymous-api',
      summary: 'The municipalities whose staff can sign in through their own identity provider',
      response: ssoMunicipalityListSchema,
    },
    async () => ({ municipalities: await listSsoMunicipalities(db) }),
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/sso/:code/start',
      policy: 'anonymous-api',
      summary: "Sign in through the municipality's identity provider (303 to it)",
    },
    async (request, reply) => {
      const { code } = request.params as { code: string };
      const result = await startSsoSignIn({ db, issuers, publicBaseUrl, now: clock() }, code);
      if (result.ok)
        reply.setCookie(SSO_BROWSER_COOKIE, result.state, { ...browserCookie, maxAge: SSO_STATE_TTL_MS / 1000 });
      return redirect(request, reply, result);
    },
  );

  apiRoute(
    app,
    registry,
    {
      method: 'GET',
      url: '/api/v1/sso/callback',
      policy: 'anonymous-api',
      summary: "The identity provider's answer (303 to the second step)",
    },
    async (request, reply) => {
      const query = ssoCallbackQuerySchema.safeParse(request.query);
      const questionMark = request.url.indexOf('?');
      const result = await completeSsoSignIn(
        { db, issuers, publicBaseUrl, now: clock() },
        {
          search: questionMark >= 0 ? request.url.slice(questionMark) : '',
          state: query.success ? query.data.state : undefined,
          browserState: request.cookies[SSO_BROWSER_COOKIE],
          userAgent: request.headers['user-agent'] ?? null,
        },
      );
      reply.clearCookie(SSO_BROWSER_COOKIE, browserCookie);
      if (result.session) setSessionCookie(reply, result.session.token);
      return redirect(request, reply, result);
    },
  );
}

function redirect(request: FastifyRequest, reply: FastifyReply, result: SsoResult): FastifyReply {
  if (!result.ok) request.log.info({ sso: { reason: result.reason, detail: result.detail } }, 'single sign-on failed');
  return reply.redirect(result.redirectTo, 303);
}
