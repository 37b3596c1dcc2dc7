/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RouteEntry } from '../../src/http/route-policy.ts';
import { startAccountsApp, type AccountsApp } from '../helpers/accounts-app.ts';
import { ApiClient, type CsrfMode } from '../helpers/api-client.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { setUpFirstCoordinator, signIn, type StaffMember } from '../helpers/staff.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORGED = 'f'.repeat(43);
/**
 * The child's forms (write, read, reply, delete) are public on purpose: they carry no session and
 * read no cookie, so a forged request has nothing to borrow; the code in the body is the only key.
 */
const CHILD_FORM = /^(\/[a-z]{2})?\/gemeente\/:slug\/(schrijf|lees|lees\/antwoord|lees\/verwijder)$/;

/**
 * The public enrolment forms (apply, confirm the e-mail address) are public for the same reason: no
 * session, no cookie; the confirmation's one-time token in the body is the only key.
 */
const ENROLMENT_FORM = /^(\/[a-z]{2})?\/aanmelden(\/bevestig)?$/;
/** The acknowledgement link in an alert e-mail (no session either: its one-time token is the key). */
const ALERT_ACKNOWLEDGEMENT = /^\/alerts\/bevestig$/;
/** The receiving party's referral link (confirm, feedback): no session either, its one-time token is the key. */
const REFERRAL_LINK = /^\/verwijzing\/(bevestigen|terugkoppeling)$/;
const PUBLIC_FORM = (url: string) =>
  CHILD_FORM.test(url) || ENROLMENT_FORM.test(url) || ALERT_ACKNOWLEDGEMENT.test(url) || REFERRAL_LINK.test(url);

/** A concrete path for a route pattern (the CSRF check comes before any parameter is read). */
const pathOf = (url: string) =>
  url.replace(/:(\w+)/g, (_, name: string) => (name === 'code' ? 'GM0363' : 'x'.repeat(22)));

for (const target of databaseTargets()) {
  describe(`CSRF protection on every state change (${target.name})`, () => {
    let world: AccountsApp;
    let coordinator: StaffMember;
    let stateChanges: RouteEntry[];

    before(async () => {
      world = await startAccountsApp(target);
      coordinator = await setUpFirstCoordinator(world.app, world.clock);
      stateChanges = world.app.server.routes.filter((route) => !SAFE.has(route.method) && !PUBLIC_FORM(route.url));
    });
    after(async () => {
      await world?.stop();
    });

    /** Sends each state change with `csrf`; answers the routes that did not get 403 csrf.invalid. */
    async function notRefused(client: ApiClient, routes: RouteEntry[], csrf: CsrfMode): Promise<string[]> {
      const passed: string[] = [];
      for (const route of routes) {
        const body = route.method === 'DELETE' ? undefined : {};
        const response = await client.request(route.method, pathOf(route.url), body, { csrf });
        if (response.status !== 403 || response.body?.error?.id !== 'csrf.invalid') {
          passed.push(`${route.method} ${route.url} → ${response.status} ${response.text.slice(0, 100)}`);
        }
      }
      return passed;
    }

    it('has public state changes only for the child, enrolment, acknowledgement and referral-link forms, which read no cookie', () => {
      const publicForms = world.app.server.routes.filter((route) => !SAFE.has(route.method) && PUBLIC_FORM(route.url));
      assert.ok(publicForms.filter((route) => CHILD_FORM.test(route.url)).length >= 4, 'the child forms');
      assert.ok(publicForms.filter((route) => ENROLMENT_FORM.test(route.url)).length >= 2, 'the enrolment forms');
      assert.ok(
        publicForms.some((route) => ALERT_ACKNOWLEDGEMENT.test(route.url)),
        'the alert acknowledgement',
      );
      assert.equal(
        publicForms.filter((route) => REFERRAL_LINK.test(route.url)).length,
        2,
        'the referral link: confirm and feedback',
      );
      for (const route of publicForms) assert.equal(route.policy, 'public', `${route.method} ${route.url}`);
    });

    it('has state changes only under /api, where the check applies', () => {
      assert.ok(stateChanges.length >= 20, `found ${stateChanges.length} state-changing routes`);
      for (const route of stateChanges) {
        assert.match(route.url, /^\/api\/v1\//, `${route.method} ${route.url}`);
        assert.notEqual(route.policy, 'public', `${route.method} ${route.url} must not be public`);
      }
    });

    it('refuses every state change of a signed-in user without the token, or with a wrong one', async () => {
      const client = coordinator.client;
      const previous = client.csrfToken ?? (await client.refreshCsrf());
      const anonymousToken = await new ApiClient(world.app.baseUrl).refreshCsrf();
      client.cookies.set('__Host-od-csrf', anonymousToken);
      assert.deepEqual(await notRefused(client, stateChanges, 'none'), [], 'no header');
      assert.deepEqual(await notRefused(client, stateChanges, { token: FORGED }), [], 'a made-up token');
      assert.deepEqual(
        await notRefused(client, stateChanges, { token: anonymousToken }),
        [],
        "the CSRF cookie's token is not the session's",
      );
      assert.deepEqual(
        await notRefused(client, stateChanges, { token: previous.toUpperCase() }),
        [],
        'nearly the token',
      );

      // The token of an earlier session of the same user stops working when a new session starts.
      const again = await signIn(world.app, world.clock, coordinator);
      assert.notEqual(again.csrfToken ?? (await again.refreshCsrf()), previous);
      assert.deepEqual(await notRefused(again, stateChanges, { token: previous }), [], 'the previous session’s token');
    });

    it('refuses state changes before signing in without the token of the CSRF cookie', async () => {
      const anonymousRoutes = stateChanges.filter((route) => route.policy === 'anonymous-api');
      assert.ok(anonymousRoutes.length >= 3);
      const client = new ApiClient(world.app.baseUrl);
      const token = await client.refreshCsrf();
      assert.equal(client.anonymousCsrfCookie, token, 'the token is the __Host-od-csrf cookie');
      assert.deepEqual(await notRefused(client, anonymousRoutes, 'none'), []);
      assert.deepEqual(await notRefused(client, anonymousRoutes, { token: FORGED }), []);

      const withoutCookie = new ApiClient(world.app.baseUrl);
      assert.deepEqual(await notRefused(withoutCookie, anonymousRoutes, { token }), [], 'a token without its cookie');

      const refusal = await client.post(
        '/api/v1/session',
        { email: coordinator.email, password: coordinator.password },
        { csrf: 'none' },
      );
      assert.equal(refusal.status, 403);
      assert.match(refusal.body.error.message, /beveiligingscode ontbreekt of verlopen is\. Laad de pagina opnieuw/);
      assert.equal(client.sessionCookie, undefined, 'nothing happened');
    });

    it('refuses the second step of a half signed-in session without its token', async () => {
      const client = new ApiClient(world.app.baseUrl);
      await client.post('/api/v1/session', { email: coordinator.email, password: coordinator.password });
      const secondFactorRoutes = stateChanges.filter((route) => route.policy === 'second-factor');
      assert.deepEqual(await notRefused(client, secondFactorRoutes, 'none'), []);
      assert.deepEqual(await notRefused(client, secondFactorRoutes, { token: client.anonymousCsrfCookie! }), []);
    });

    it('lets the right token through (the check is not refusing everything)', async () => {
      const client = await signIn(world.app, world.clock, coordinator);
      const passed = await notRefused(client, stateChanges, 'auto');
      assert.equal(passed.length, stateChanges.length, 'no route answers csrf.invalid to the right token');
    });

    it('sets the CSRF cookie as a __Host- cookie that scripts cannot read', async () => {
      const response = await new ApiClient(world.app.baseUrl).get('/api/v1/csrf');
      const cookie = response.setCookies.find((header) => header.startsWith('__Host-od-csrf='));
      assert.ok(cookie);
      for (const attribute of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Strict'])
        assert.ok(cookie.includes(`; ${attribute}`), `${attribute} in ${cookie}`);
    });
  });
}
