import { registerAlertRoutes } from '../modules/alerts/alerts.routes.ts';
import cookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';
import { registerAccountRoutes } from '../modules/accounts/account.routes.ts';
import { registerPasskeyRoutes } from '../modules/accounts/passkeys.routes.ts';
import { registerSessionRoutes } from '../modules/accounts/session.routes.ts';
import { registerSsoRoutes } from '../modules/accounts/sso.routes.ts';
import { registerTeamRoutes } from '../modules/accounts/team.routes.ts';
import { registerAuditRoutes } from '../modules/audit/audit.routes.ts';
import { registerChildConversationRoutes } from '../modules/conversations/child-conversation.routes.ts';
import { registerConversationStreamRoutes } from '../modules/conversations/conversation-stream.routes.ts';
import { registerConversationRoutes } from '../modules/conversations/conversations.routes.ts';
import { registerMeldcodeRoutes } from '../modules/cases/meldcode.routes.ts';
import { registerCaseRoutes } from '../modules/cases/cases.routes.ts';
import { registerCaseExportRoutes } from '../modules/cases/case-export.routes.ts';
import { registerCaseSettingsRoutes } from '../modules/cases/case-settings.routes.ts';
import { registerCaseTaskRoutes } from '../modules/cases/case-tasks.routes.ts';
import { registerLegalHoldRoutes } from '../modules/cases/legal-hold.routes.ts';
import { registerReferralLinkRoutes } from '../modules/referrals/referral-link.routes.ts';
import { registerReferralPartyRoutes } from '../modules/referrals/referral-parties.routes.ts';
import { registerReferralRoutes } from '../modules/referrals/referrals.routes.ts';
import { registerHealthRoutes } from '../modules/health/health.routes.ts';
import { registerNationalPageRoutes } from '../modules/national-page/national-page.routes.ts';
import type { PageCache } from '../modules/public-site/page-cache.ts';
import type { PublicSite } from '../modules/public-site/public-site.ts';
import { registerPublicSiteRoutes } from '../modules/public-site/public-site.routes.ts';
import { registerEnrolmentRoutes } from '../modules/programme/enrolment.routes.ts';
import { registerMunicipalSettingsRoutes } from '../modules/programme/municipal-settings.routes.ts';
import { registerReadinessRoutes } from '../modules/programme/readiness.routes.ts';
import { registerRosterRoutes } from '../modules/roster/roster.routes.ts';
import { registerStickerRoutes } from '../modules/stickers/stickers.routes.ts';
import { registerTestimonialRoutes } from '../modules/testimonials/testimonials.routes.ts';
import { registerToolkitRoutes } from '../modules/toolkit/toolkit.routes.ts';
import { SOURCE_LOCALE } from '../web/i18n/catalogue.ts';
import { checkAccess } from './access-control.ts';
import type { ApiContext } from './api-context.ts';
import { registerApiErrorHandling, isApiRequest, registerNotFound } from './api-error-handler.ts';
import type { ApiRegistry } from './api-route.ts';
import { registerBackOffice } from './back-office.ts';
import { loggerOptions } from './logging.ts';
import { registerOpenApiRoute } from './openapi.routes.ts';
import { enforceRoutePolicies, type RouteEntry } from './route-policy.ts';
import { BACK_OFFICE_HEADERS, PUBLIC_PAGE_HEADERS } from './security-headers.ts';

/** What the HTTP app is built from; main.ts and the tests both assemble it. */
export interface AppDependencies {
  config: Pick<Config, 'logLevel' | 'env'> & Partial<Pick<Config, 'trustedProxies'>>;
  database: DatabaseHandle;
  site: PublicSite;
  cache: PageCache;
  api: Omit<ApiContext, 'registry'>;
  /** Extra routes (the benchmark's bare route); they must declare a policy too. */
  extraRoutes?: (app: FastifyInstance) => void;
}

/** The Fastify app with every route, its policies and the security headers. */
export async function buildApp(dependencies: AppDependencies): Promise<{ app: FastifyInstance; routes: RouteEntry[] }> {
  const app = Fastify({
    logger: loggerOptions(dependencies.config.logLevel),
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a reverse proxy every child would share the proxy's address (and its throttle): trust
    // X-Forwarded-For only from the proxies named in TRUST_PROXY.
    trustProxy: dependencies.config.trustedProxies?.length ? dependencies.config.trustedProxies : false,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 100 },
  });
  const routes = enforceRoutePolicies(app);
  const { site, database, cache } = dependencies;
  const context: ApiContext = { ...dependencies.api, registry: [] as ApiRegistry };

  await app.register(cookie);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(
      isApiRequest(request.url) || request.url.startsWith('/beheer') ? BACK_OFFICE_HEADERS : PUBLIC_PAGE_HEADERS,
    );
  });
  app.addHook('preHandler', async (request) => checkAccess(request, context.db, context.clock));
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  });

  registerApiErrorHandling(app, site);
  registerNotFound(app, site);

  registerHealthRoutes(app, database.pool);
  registerPublicSiteRoutes(app, database.db, site, cache);
  registerChildConversationRoutes(app, context, site, cache);
  registerSessionRoutes(app, context);
  registerAccountRoutes(app, context);
  registerPasskeyRoutes(app, context);
  registerTeamRoutes(app, context);
  registerSsoRoutes(app, context);
  registerAuditRoutes(app, context);
  registerConversationRoutes(app, context);
  registerConversationStreamRoutes(app, context);
  registerCaseRoutes(app, context);
  registerMeldcodeRoutes(app, context);
  registerCaseTaskRoutes(app, context);
  registerLegalHoldRoutes(app, context);
  registerCaseExportRoutes(app, context);
  registerCaseSettingsRoutes(app, context);
  registerReferralPartyRoutes(app, context);
  registerReferralRoutes(app, context);
  registerReferralLinkRoutes(app, context, site);
  registerAlertRoutes(app, context);
  registerToolkitRoutes(app, context);
  registerStickerRoutes(app, context, site.context(SOURCE_LOCALE, '/').helpLines);
  registerEnrolmentRoutes(app, context, site);
  registerReadinessRoutes(app, context);
  registerRosterRoutes(app, context);
  registerMunicipalSettingsRoutes(app, context, site, cache);
  registerNationalPageRoutes(app, database.db, site, cache);
  registerTestimonialRoutes(app, context, site);
  registerOpenApiRoute(app, context);
  await registerBackOffice(app);
  dependencies.extraRoutes?.(app);
  await app.ready();
  return { app, routes };
}
