/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { ApiClient } from '../../../test/helpers/api-client.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { strongPassword, tokenFromLink } from '../../../test/helpers/staff.ts';
import { SESSION_COOKIE } from '../../http/access-control.ts';

for (const target of databaseTargets()) {
  describe(`first-run setup (${target.name})`, () => {
    let world: AccountsApp;
    let restarted: TestApp | undefined;
    let token: string;
    const setupBody = (overrides: Record<string, string> = {}) => ({
      token,
      email: 'eerste@example.org',
      displayName: 'Eerste Coördinator',
      password: strongPassword(),
      ...overrides,
    });

    before(async () => {
      world = await startAccountsApp(target);
    });
    after(async () => {
      await restarted?.stop();
      await world?.stop();
    });

    /** Starts a second app on the same database: what restarting the server does. */
    async function restart(): Promise<TestApp> {
      await restarted?.stop();
      restarted = await startTestApp(target, { databaseUrl: world.app.server.databaseUrl, clock: world.clock });
      return restarted;
    }

    it('prints a one-time setup link on a first run', () => {
      const { setupUrl } = world.app.server;
      assert.ok(setupUrl, 'startServer returns setupUrl when there are no staff accounts');
      assert.match(setupUrl, /\/beheer\/setup#token=[\w-]{43}$/);
      token = tokenFromLink(setupUrl, '/beheer/setup');
    });

    it('refuses a wrong token and, after 1 hour, the right one, with a clear message', async () => {
      const client = new ApiClient(world.app.baseUrl, { acceptLanguage: 'en' });
      const wrong = await client.post('/api/v1/setup', setupBody({ token: 'x'.repeat(43) }));
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error.id, 'setup.invalid_token');

      world.clock.minutes(61);
      const expired = await client.post('/api/v1/setup', setupBody());
      assert.equal(expired.status, 400);
      assert.equal(expired.body.error.id, 'setup.invalid_token');
      assert.match(expired.body.error.message, /expired \(after 1 hour\)\. Restart the server for a new link/);
    });

    it('gives a new link on restart, which stops the old one working', async () => {
      const app = await restart();
      assert.ok(app.server.setupUrl);
      const fresh = tokenFromLink(app.server.setupUrl, '/beheer/setup');
      assert.notEqual(fresh, token);
      world.clock.set(new Date(world.clock().getTime() - 61 * 60_000)); // back inside the old link's hour
      const old = await new ApiClient(world.app.baseUrl).post('/api/v1/setup', setupBody());
      assert.equal(old.body.error?.id, 'setup.invalid_token', 'a restart replaces the earlier link');
      world.clock.minutes(61);
      token = fresh;
    });

    it('checks the password before spending the token', async () => {
      const client = new ApiClient(world.app.baseUrl);
      const short = await client.post('/api/v1/setup', setupBody({ password: 'kort' }));
      assert.equal(short.status, 400);
      assert.deepEqual([short.body.error.id, short.body.error.field], ['password.too_short', 'password']);
      const common = await client.post('/api/v1/setup', setupBody({ password: 'password1234' }));
      assert.deepEqual(
        [common.status, common.body.error.id, common.body.error.field],
        [400, 'password.too_common', 'password'],
      );
      const ownAddress = await client.post('/api/v1/setup', setupBody({ password: 'eerste-is-de-beste' }));
      assert.deepEqual(
        [ownAddress.status, ownAddress.body.error.id, ownAddress.body.error.field],
        [400, 'password.contains_email', 'password'],
      );
      const badEmail = await client.post('/api/v1/setup', setupBody({ email: 'geen-adres' }));
      assert.equal(badEmail.status, 400);
      assert.deepEqual([badEmail.body.error.id, badEmail.body.error.field], ['request.invalid', 'email']);
    });

    it('creates the national coordinator, signed in until the second factor', async () => {
      const client = new ApiClient(world.app.baseUrl);
      const response = await client.post('/api/v1/setup', setupBody({ email: 'Eerste@Example.org' }));
      assert.equal(response.status, 200, response.text);
      assert.equal(response.body.stage, 'password');
      assert.deepEqual(response.body.user.roles, ['national_coordinator']);
      assert.equal(response.body.user.municipalityCode, null);
      assert.equal(response.body.user.email, 'eerste@example.org', 'e-mail addresses are kept in lower case');
      assert.deepEqual(response.body.secondFactors, { totp: false, passkeys: 0, recoveryCodesLeft: 0 });

      const cookie = response.setCookies.find((header) => header.startsWith(`${SESSION_COOKIE}=`));
      assert.ok(cookie, 'a session cookie is set');
      assert.match(cookie, /; Path=\//);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; Secure/);
      assert.match(cookie, /; SameSite=Strict/);
      assert.doesNotMatch(cookie, /Domain=/i, '__Host- cookies have no Domain');

      const session = await client.get('/api/v1/session');
      assert.equal(session.status, 200);
      assert.equal(session.body.stage, 'password');
      const staffOnly = await client.get('/api/v1/municipalities');
      assert.equal(staffOnly.status, 403);
      assert.equal(staffOnly.body.error.id, 'auth.second_factor_required');
    });

    it('works once: the same link and any later one are refused once an account exists', async () => {
      const again = await new ApiClient(world.app.baseUrl).post(
        '/api/v1/setup',
        setupBody({ email: 'tweede@example.org' }),
      );
      assert.equal(again.status, 409);
      assert.equal(again.body.error.id, 'setup.already_done');
      const other = await new ApiClient(world.app.baseUrl).post('/api/v1/setup', setupBody({ token: 'y'.repeat(43) }));
      assert.equal(other.body.error.id, 'setup.already_done');

      const app = await restart();
      assert.equal(app.server.setupUrl, undefined, 'no setup link once someone has an account');
    });

    it('records the setup in the audit log', async () => {
      const rows = await world.app.owner.pool.query<{
        action: string;
        actor_role: string;
        municipality_code: string | null;
      }>(
        `SELECT action, actor_role, municipality_code FROM audit_log WHERE action = 'setup.first_coordinator_created'`,
      );
      assert.deepEqual(rows.rows, [
        { action: 'setup.first_coordinator_created', actor_role: 'national_coordinator', municipality_code: null },
      ]);
    });
  });
}
