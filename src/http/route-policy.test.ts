import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { startTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createTestDatabase, databaseTargets, type DatabaseTarget } from '../../test/helpers/databases.ts';
import { loadConfig } from '../config.ts';
import { startServer } from '../server.ts';
import { loadTranslators } from '../web/i18n/catalogue.ts';
import { BACK_OFFICE_DIST } from './back-office.ts';
import { MissingPolicyError, ROUTE_POLICIES, type RoutePolicy } from './route-policy.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Every route the app should have, with its policy. A new route must be added here, with its policy
 * (and to the route × role matrix in test/security/route-matrix.ts). GET routes have HEAD twins.
 */
function expectedRoutes(): Array<{ method: Method; url: string; policy: RoutePolicy }> {
  const routes: Array<{ method: Method; url: string; policy: RoutePolicy }> = [
    { method: 'GET', url: '/healthz', policy: 'public' },
    { method: 'GET', url: '/readyz', policy: 'public' },
    { method: 'GET', url: '/g/:code', policy: 'public' },
    { method: 'GET', url: '/styles/:file', policy: 'public' },
    // A municipality's accent colour and logo on its public page.
    { method: 'GET', url: '/styles/gemeente/:file', policy: 'public' },
    { method: 'GET', url: '/gemeente/:slug/logo', policy: 'public' },
    // The photo of a published testimonial (only while in its period).
    { method: 'GET', url: '/getuigenissen/:id/foto', policy: 'public' },
  ];
  for (const { prefix } of loadTranslators().values()) {
    const homes = prefix === '' ? ['/'] : [prefix, `${prefix}/`];
    for (const url of [...homes, `${prefix}/zoek`, `${prefix}/gemeente/:slug`, `${prefix}/gemeente/:slug/schrijf`]) {
      routes.push({ method: 'GET', url, policy: 'public' });
    }
    // The national page: who takes part (map, counts per province, testimonials).
    routes.push({ method: 'GET', url: `${prefix}/wie-doet-mee`, policy: 'public' });
    // Writing to the mayor and reading the answer with a code (the code only ever in POST bodies).
    routes.push({ method: 'GET', url: `${prefix}/gemeente/:slug/lees`, policy: 'public' });
    for (const action of ['schrijf', 'lees', 'lees/antwoord', 'lees/verwijder'])
      routes.push({ method: 'POST', url: `${prefix}/gemeente/:slug/${action}`, policy: 'public' });
    // Enrolment: the application form and the e-mail confirmation (a GET shows a button, a POST confirms).
    for (const url of [`${prefix}/aanmelden`, `${prefix}/aanmelden/bevestig`]) {
      routes.push({ method: 'GET', url, policy: 'public' }, { method: 'POST', url, policy: 'public' });
    }
  }
  // On-call alerts: the one-click acknowledgement from the e-mail (a GET shows a button, a POST acknowledges).
  routes.push(
    { method: 'GET', url: '/alerts/bevestig', policy: 'public' },
    { method: 'POST', url: '/alerts/bevestig', policy: 'public' },
  );
  // Referrals: the receiving party's link (a GET shows buttons, the POSTs confirm or leave feedback).
  routes.push(
    { method: 'GET', url: '/verwijzing', policy: 'public' },
    { method: 'POST', url: '/verwijzing/bevestigen', policy: 'public' },
    { method: 'POST', url: '/verwijzing/terugkoppeling', policy: 'public' },
  );
  // The back office: the SPA's pages; its hashed assets only once it is built.
  for (const url of ['/beheer', '/beheer/', '/beheer/*']) routes.push({ method: 'GET', url, policy: 'public' });
  if (existsSync(path.join(BACK_OFFICE_DIST, 'index.html')))
    routes.push({ method: 'GET', url: '/beheer/assets/*', policy: 'public' });

  const api: Array<[Method, string, RoutePolicy]> = [
    ['GET', '/api/v1/openapi.json', 'public'],
    // Signing in, setup, invitations: before there is a session.
    ['GET', '/api/v1/csrf', 'anonymous-api'],
    ['POST', '/api/v1/session', 'anonymous-api'],
    ['POST', '/api/v1/setup', 'anonymous-api'],
    ['GET', '/api/v1/invitations/:token', 'anonymous-api'],
    ['POST', '/api/v1/invitations/:token/accept', 'anonymous-api'],
    ['GET', '/api/v1/sso/municipalities', 'anonymous-api'],
    ['GET', '/api/v1/sso/:code/start', 'anonymous-api'],
    ['GET', '/api/v1/sso/callback', 'anonymous-api'],
    // The second step and enrolling a first second factor.
    ['GET', '/api/v1/session', 'second-factor'],
    ['DELETE', '/api/v1/session', 'second-factor'],
    ['POST', '/api/v1/session/totp', 'second-factor'],
    ['POST', '/api/v1/session/recovery-code', 'second-factor'],
    ['POST', '/api/v1/session/passkey/options', 'second-factor'],
    ['POST', '/api/v1/session/passkey', 'second-factor'],
    ['POST', '/api/v1/account/totp', 'second-factor'],
    ['POST', '/api/v1/account/totp/confirm', 'second-factor'],
    ['POST', '/api/v1/account/passkeys/options', 'second-factor'],
    ['POST', '/api/v1/account/passkeys', 'second-factor'],
    // The account page.
    ['POST', '/api/v1/account/recovery-codes', 'staff'],
    ['POST', '/api/v1/account/password', 'staff'],
    ['GET', '/api/v1/account/sessions', 'staff'],
    ['DELETE', '/api/v1/account/sessions', 'staff'],
    ['DELETE', '/api/v1/account/sessions/:id', 'staff'],
    ['GET', '/api/v1/account/passkeys', 'staff'],
    ['DELETE', '/api/v1/account/passkeys/:id', 'staff'],
    ['GET', '/api/v1/municipalities', 'staff'],
    // Coordinators: the team, invitations, single sign-on.
    ['GET', '/api/v1/team', 'coordinator'],
    ['PUT', '/api/v1/team/:id/roles', 'coordinator'],
    ['POST', '/api/v1/team/:id/deactivate', 'coordinator'],
    ['POST', '/api/v1/invitations', 'coordinator'],
    ['GET', '/api/v1/municipalities/:code/sso', 'coordinator'],
    ['PUT', '/api/v1/municipalities/:code/sso', 'coordinator'],
    ['DELETE', '/api/v1/municipalities/:code/sso', 'coordinator'],
    // The audit log.
    ['GET', '/api/v1/audit', 'audit-reader'],
    ['GET', '/api/v1/audit.csv', 'audit-reader'],
    ['GET', '/api/v1/audit/verify', 'audit-reader'],
    // Issue 7: the toolkit (all staff read, the national coordinator edits), stickers, orders, QR visits.
    ['GET', '/api/v1/toolkit', 'staff'],
    ['GET', '/api/v1/toolkit/:slug', 'staff'],
    ['PUT', '/api/v1/toolkit/:slug', 'national'],
    ['GET', '/api/v1/toolkit/:slug/versions', 'staff'],
    ['GET', '/api/v1/toolkit/:slug/versions/:version', 'staff'],
    ['GET', '/api/v1/stickers/:code/sticker.pdf', 'coordinator'],
    ['GET', '/api/v1/stickers/:code/poster.pdf', 'coordinator'],
    ['GET', '/api/v1/sticker-orders', 'coordinator'],
    ['POST', '/api/v1/sticker-orders', 'coordinator'],
    ['POST', '/api/v1/sticker-orders/:id/status', 'national'],
    ['GET', '/api/v1/qr-visits', 'coordinator'],
    // Children's conversations: a municipality's responders and coordinator.
    ['GET', '/api/v1/conversations', 'responder'],
    ['GET', '/api/v1/conversations/assignees', 'responder'],
    ['GET', '/api/v1/conversations/events', 'responder'],
    ['GET', '/api/v1/conversations/:id', 'responder'],
    ['POST', '/api/v1/conversations/:id/replies', 'responder'],
    ['POST', '/api/v1/conversations/:id/notes', 'responder'],
    ['POST', '/api/v1/conversations/:id/assign', 'responder'],
    ['POST', '/api/v1/conversations/:id/close', 'responder'],
    ['POST', '/api/v1/conversations/:id/reopen', 'responder'],
    // Cases: a municipality's responders and coordinator; the service decides per case (openCase).
    ['GET', '/api/v1/cases', 'responder'],
    ['POST', '/api/v1/cases', 'responder'],
    ['GET', '/api/v1/cases/classification', 'responder'],
    ['GET', '/api/v1/cases/assignees', 'responder'],
    ['POST', '/api/v1/conversations/:id/case', 'responder'],
    ['GET', '/api/v1/cases/:id', 'responder'],
    ['PATCH', '/api/v1/cases/:id', 'responder'],
    ['POST', '/api/v1/cases/:id/status', 'responder'],
    ['POST', '/api/v1/cases/:id/assignees', 'responder'],
    ['DELETE', '/api/v1/cases/:id/assignees/:userId', 'responder'],
    ['POST', '/api/v1/cases/:id/events', 'responder'],
    ['PUT', '/api/v1/cases/:id/consent', 'responder'],
    ['PUT', '/api/v1/cases/:id/classification', 'responder'],
    ['POST', '/api/v1/cases/:id/break-glass', 'responder'],
    // The Meldcode of a case (the service lets only the case's team in).
    ['GET', '/api/v1/cases/:id/meldcode', 'responder'],
    ['POST', '/api/v1/cases/:id/meldcode/:step', 'responder'],
    // Referrals and the directory of parties (writes to the directory: coordinator, checked in the service).
    ['GET', '/api/v1/referral-parties', 'responder'],
    ['POST', '/api/v1/referral-parties', 'responder'],
    ['PUT', '/api/v1/referral-parties/:id', 'responder'],
    ['GET', '/api/v1/cases/:id/referrals', 'responder'],
    ['POST', '/api/v1/cases/:id/referrals', 'responder'],
    ['POST', '/api/v1/cases/:id/referrals/:referralId/send', 'responder'],
    // Follow-up tasks, legal hold (coordinator, checked in the service), the PDF export, case settings.
    ['GET', '/api/v1/cases/:id/tasks', 'responder'],
    ['POST', '/api/v1/cases/:id/tasks', 'responder'],
    ['POST', '/api/v1/cases/:id/tasks/:taskId/done', 'responder'],
    ['PUT', '/api/v1/cases/:id/legal-hold', 'responder'],
    ['DELETE', '/api/v1/cases/:id/legal-hold', 'responder'],
    ['GET', '/api/v1/cases/:id/export.pdf', 'responder'],
    ['GET', '/api/v1/case-settings', 'responder'],
    ['PUT', '/api/v1/case-settings', 'responder'],
    // On-call alerts and the front desk (the front desk checks its roles in the service).
    ['GET', '/api/v1/alerts', 'responder'],
    ['GET', '/api/v1/alerts/events', 'responder'],
    ['POST', '/api/v1/alerts/:id/acknowledge', 'responder'],
    ['GET', '/api/v1/front-desk', 'staff'],
    ['POST', '/api/v1/front-desk/contacts', 'staff'],
    // The programme: applications (national), the readiness checklist and municipal settings.
    ['GET', '/api/v1/programme/applications', 'national'],
    ['POST', '/api/v1/programme/applications/:id/phone-check', 'national'],
    ['POST', '/api/v1/programme/applications/:id/approve', 'national'],
    ['POST', '/api/v1/programme/applications/:id/reject', 'national'],
    ['GET', '/api/v1/programme/readiness-items', 'coordinator'],
    ['POST', '/api/v1/programme/readiness-items', 'national'],
    ['PUT', '/api/v1/programme/readiness-items/:id', 'national'],
    ['GET', '/api/v1/programme/readiness/:code', 'coordinator'],
    ['PUT', '/api/v1/programme/readiness/:code/items/:itemId', 'coordinator'],
    ['DELETE', '/api/v1/programme/readiness/:code/items/:itemId', 'coordinator'],
    ['GET', '/api/v1/programme/readiness/:code/items/:itemId/photo', 'coordinator'],
    // The roster (issue 5).
    ['GET', '/api/v1/roster/:code', 'coordinator'],
    ['PUT', '/api/v1/roster/:code/shifts', 'coordinator'],
    ['POST', '/api/v1/roster/:code/exceptions', 'coordinator'],
    ['DELETE', '/api/v1/roster/:code/exceptions/:id', 'coordinator'],
    ['PUT', '/api/v1/roster/:code/chain', 'coordinator'],
    ['PUT', '/api/v1/roster/:code/settings', 'coordinator'],
    ['PUT', '/api/v1/roster/:code/coverage-override', 'national'],
    ['GET', '/api/v1/roster/:code/figures', 'coordinator'],
    ['GET', '/api/v1/programme/settings/:code', 'coordinator'],
    ['PUT', '/api/v1/programme/settings/:code/contact', 'coordinator'],
    ['PUT', '/api/v1/programme/settings/:code/appearance', 'coordinator'],
    ['PUT', '/api/v1/programme/settings/:code/logo', 'coordinator'],
    ['DELETE', '/api/v1/programme/settings/:code/logo', 'coordinator'],
    // Testimonials: the national coordinator writes, publishes and withdraws them.
    ['GET', '/api/v1/testimonials', 'national'],
    ['POST', '/api/v1/testimonials', 'national'],
    ['PUT', '/api/v1/testimonials/:id', 'national'],
    ['POST', '/api/v1/testimonials/:id/publish', 'national'],
    ['POST', '/api/v1/testimonials/:id/withdraw', 'national'],
  ];
  for (const [method, url, policy] of api) routes.push({ method, url, policy });
  return routes;
}

/** Starts the real server with `extraRoutes` on a fresh database; resolves with its error, if any. */
async function startupError(
  target: DatabaseTarget,
  extraRoutes: (app: FastifyInstance) => void,
): Promise<{ error: unknown; connectionsLeft: number }> {
  const database = await createTestDatabase(target);
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent' });
  try {
    const server = await startServer(config, { extraRoutes }).catch((error: unknown) => error);
    if (!(server instanceof Error)) {
      await (server as Awaited<ReturnType<typeof startServer>>).stop();
      return { error: undefined, connectionsLeft: 0 };
    }
    return { error: server, connectionsLeft: await connectionsTo(target, database.url) };
  } finally {
    await database.drop();
  }
}

/** How many sessions are still open on the database of `url` after up to 2 s. */
async function connectionsTo(target: DatabaseTarget, url: string): Promise<number> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    let count = -1;
    for (let attempt = 0; attempt < 20 && count !== 0; attempt++) {
      if (attempt > 0) await sleep(100);
      const { rows } = await admin.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      count = rows[0]!.n;
    }
    return count;
  } finally {
    await admin.end();
  }
}

for (const target of databaseTargets()) {
  describe(`route policies (${target.name})`, () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp(target);
    });
    after(async () => {
      await app?.stop();
    });

    it('lists every registered route with its policy', () => {
      const { routes } = app.server;
      for (const route of routes) {
        assert.ok(
          (ROUTE_POLICIES as readonly string[]).includes(route.policy),
          `${route.method} ${route.url} has policy ${route.policy}`,
        );
        assert.ok(
          app.server.app.hasRoute({ method: route.method, url: route.url }),
          `${route.method} ${route.url} exists`,
        );
      }
      const listed = routes.map((route) => `${route.method} ${route.url} → ${route.policy}`).sort();
      const expected = expectedRoutes()
        .flatMap(({ method, url, policy }) =>
          method === 'GET' ? [`GET ${url} → ${policy}`, `HEAD ${url} → ${policy}`] : [`${method} ${url} → ${policy}`],
        )
        .sort();
      assert.deepEqual(listed, expected);
    });
  });

  describe(`a route without a policy (${target.name})`, () => {
    it('stops start-up with MissingPolicyError naming the route, and leaves no connection open', async () => {
      const { error, connectionsLeft } = await startupError(target, (app) => {
        app.get('/forgotten', async () => 'no policy');
      });
      assert.ok(error instanceof MissingPolicyError, `expected MissingPolicyError, got ${String(error)}`);
      assert.match(error.message, /GET \/forgotten declares no policy/);
      assert.equal(connectionsLeft, 0, 'a failed start closes its pool and listener');
    });

    it('also stops start-up for a route in a plugin, and for a misspelt policy', async () => {
      const inPlugin = await startupError(target, (app) => {
        void app.register(async (plugin) => {
          plugin.post('/plugin/forgotten', { config: {} }, async () => 'no policy');
        });
      });
      assert.ok(inPlugin.error instanceof MissingPolicyError, String(inPlugin.error));
      assert.match(inPlugin.error.message, /POST \/plugin\/forgotten/);

      const misspelt = await startupError(target, (app) => {
        app.get('/misspelt', { config: { policy: 'pubic' as RoutePolicy } }, async () => 'wrong policy');
      });
      assert.ok(misspelt.error instanceof MissingPolicyError, String(misspelt.error));
      assert.match(misspelt.error.message, /unknown policy "pubic"/);
    });

    it('accepts an extra route that declares its policy, and lists it', async () => {
      const extra = await startTestApp(target, {
        extraRoutes: (fastify) => fastify.get('/bare', { config: { policy: 'public' } }, async () => 'ok'),
      });
      try {
        assert.ok(
          extra.server.routes.some(
            (route) => route.method === 'GET' && route.url === '/bare' && route.policy === 'public',
          ),
        );
        assert.equal((await extra.server.app.inject({ method: 'GET', url: '/bare' })).body, 'ok');
      } finally {
        await extra.stop();
      }
    });
  });
}
