import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  signInAtProvider,
  startIdentityProvider,
  type TestIdentityProvider,
} from '../../../test/helpers/identity-provider.ts';
import { findFreePort } from '../../db/embedded-server.ts';
import { SESSION_COOKIE } from '../../http/access-control.ts';
import { SSO_BROWSER_COOKIE } from './sso.routes.ts';

const AMSTERDAM = 'GM0363';
const ROTTERDAM = 'GM0599';
const FAILED = '/beheer/aanmelden?sso=failed';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An API answer as far as these tests read it. */
interface ApiAnswer {
  error?: { id: string; field?: string };
  configured?: boolean;
  enabled?: boolean;
}

/** The value a response sets for cookie `name`, if any. */
function setCookie(response: Response, name: string): string | undefined {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(';')[0] || undefined;
}

for (const target of databaseTargets()) {
  describe(`single sign-on with OpenID Connect (${target.name})`, () => {
    let app: TestApp;
    let idp: TestIdentityProvider;
    let owner: pg.Pool;
    const ids: Record<string, string> = {};
    const coordinators: Record<'amsterdam' | 'rotterdam' | 'national', { cookie: string; csrf: string }> = {} as never;
    const asOwner = async <Row extends pg.QueryResultRow = Record<string, unknown>>(
      text: string,
      values: unknown[] = [],
    ) => (await owner.query<Row>(text, values)).rows;

    async function addUser(
      label: string,
      code: string | null,
      email: string,
      extra: { totp?: boolean; active?: boolean; role?: string } = {},
    ) {
      const [user] = await asOwner<{ id: string }>(
        `INSERT INTO staff_users (municipality_code, email, display_name, totp_secret, totp_confirmed_at, active)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          code,
          email,
          label,
          extra.totp ? 'JBSWY3DPEHPK3PXP' : null,
          extra.totp ? new Date() : null,
          extra.active ?? true,
        ],
      );
      ids[label] = user!.id;
      await asOwner('INSERT INTO staff_roles (user_id, municipality_code, role) VALUES ($1, $2, $3)', [
        user!.id,
        code,
        extra.role ?? 'responder',
      ]);
      return user!.id;
    }

    /** A full session for a coordinator, made directly in the database (their sign-in is tested elsewhere). */
    async function fullSession(userId: string, code: string | null) {
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(32).toString('base64url');
      await asOwner(
        `INSERT INTO staff_sessions (token_hash, user_id, municipality_code, stage, csrf_token, expires_at)
         VALUES ($1, $2, $3, 'full', $4, now() + interval '1 hour')`,
        [sha256(token), userId, code, csrf],
      );
      return { cookie: `${SESSION_COOKIE}=${token}`, csrf };
    }

    async function api(who: { cookie: string; csrf: string }, method: string, path: string, body?: unknown) {
      const response = await fetch(`${app.baseUrl}${path}`, {
        method,
        headers: {
          cookie: who.cookie,
          'x-csrf-token': who.csrf,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      return { status: response.status, text, json: text ? (JSON.parse(text) as ApiAnswer) : undefined };
    }

    /** Starts a sign-in for `code`; returns where the app sends the browser and the browser-binding cookie. */
    async function start(code: string) {
      const response = await fetch(`${app.baseUrl}/api/v1/sso/${code}/start`, { redirect: 'manual' });
      assert.equal(response.status, 303);
      return { location: response.headers.get('location')!, browser: setCookie(response, SSO_BROWSER_COOKIE) };
    }

    /** Comes back from the identity provider to the app's callback, with or without the binding cookie. */
    async function callback(url: URL | string, browser: string | undefined) {
      const response = await fetch(url, {
        redirect: 'manual',
        headers: browser ? { cookie: `${SSO_BROWSER_COOKIE}=${browser}` } : {},
      });
      assert.equal(response.status, 303);
      return { location: response.headers.get('location')!, session: setCookie(response, SESSION_COOKIE) };
    }

    /** The whole sign-in: the app, the identity provider as `login`, and back. */
    async function signIn(code: string, login: string, meddle?: (state: string) => Promise<void>) {
      const started = await start(code);
      assert.ok(started.location.startsWith(`${idp.issuer}/`), started.location);
      const back = await signInAtProvider(idp, started.location, login);
      assert.equal(`${back.origin}${back.pathname}`, `${app.baseUrl}/api/v1/sso/callback`);
      await meddle?.(new URL(started.location).searchParams.get('state')!);
      return { ...(await callback(back, started.browser)), back, browser: started.browser };
    }

    async function sessionOf(token: string) {
      const response = await fetch(`${app.baseUrl}/api/v1/session`, {
        headers: { cookie: `${SESSION_COOKIE}=${token}` },
      });
      assert.equal(response.status, 200);
      return (await response.json()) as {
        stage: string;
        user: { id: string; email: string; municipalityCode: string };
      };
    }

    async function lastSsoAudit() {
      const [row] = await asOwner<{
        action: string;
        municipality_code: string | null;
        actor_user_id: string | null;
        details: Record<string, string>;
      }>(
        `SELECT action, municipality_code, actor_user_id, details FROM audit_log WHERE action LIKE 'sign_in.sso_%' ORDER BY id DESC LIMIT 1`,
      );
      return row!;
    }

    before(async () => {
      const port = await findFreePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      idp = await startIdentityProvider({
        redirectUri: `${baseUrl}/api/v1/sso/callback`,
        accounts: {
          amsterdam: { email: 'SSO.Amsterdam@example.org', emailVerified: true },
          newcomer: { email: 'new.amsterdam@example.org' },
          rotterdam: { email: 'sso.rotterdam@example.org', emailVerified: true },
          unverified: { email: 'sso.amsterdam@example.org', emailVerified: false },
          inactive: { email: 'gone.amsterdam@example.org', emailVerified: true },
          anonymous: {},
        },
      });
      app = await startTestApp(target, { environment: { PORT: String(port), PUBLIC_BASE_URL: baseUrl } });
      assert.equal(app.baseUrl, baseUrl);
      owner = new pg.Pool({ connectionString: app.server.databaseUrl, max: 2 });
      await addUser('amsterdam', AMSTERDAM, 'sso.amsterdam@example.org', { totp: true });
      await addUser('newcomer', AMSTERDAM, 'new.amsterdam@example.org');
      await addUser('rotterdam', ROTTERDAM, 'sso.rotterdam@example.org', { totp: true });
      await addUser('inactive', AMSTERDAM, 'gone.amsterdam@example.org', { totp: true, active: false });
      for (const [label, code, role] of [
        ['amsterdam', AMSTERDAM, 'municipal_coordinator'],
        ['rotterdam', ROTTERDAM, 'municipal_coordinator'],
        ['national', null, 'national_coordinator'],
      ] as const) {
        const id = await addUser(`coordinator ${label}`, code, `coordinator.${label}@example.org`, {
          totp: true,
          role,
        });
        coordinators[label] = await fullSession(id, code);
      }
    });
    after(async () => {
      await owner?.end();
      await app?.stop();
      await idp?.stop();
    });

    it("lets a coordinator set their own municipality's SSO, never shows the secret, and audits it", async () => {
      const settings = { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, enabled: true };
      const url = `/api/v1/municipalities/${AMSTERDAM}/sso`;

      const foreign = await api(coordinators.rotterdam, 'PUT', url, settings);
      assert.deepEqual([foreign.status, foreign.json?.error?.id], [403, 'auth.forbidden']);
      assert.equal((await api(coordinators.rotterdam, 'GET', url)).status, 403);
      const noCsrf = await api({ ...coordinators.amsterdam, csrf: 'x'.repeat(43) }, 'PUT', url, settings);
      assert.deepEqual([noCsrf.status, noCsrf.json?.error?.id], [403, 'csrf.invalid']);

      const withoutSecret = { issuer: idp.issuer, clientId: idp.clientId, enabled: true };
      const missing = await api(coordinators.amsterdam, 'PUT', url, withoutSecret);
      assert.deepEqual(
        [missing.status, missing.json?.error?.id, missing.json?.error?.field],
        [400, 'sso.secret_required', 'clientSecret'],
      );
      const insecure = await api(coordinators.amsterdam, 'PUT', url, { ...settings, issuer: 'http://idp.example.org' });
      assert.deepEqual([insecure.status, insecure.json?.error?.id], [400, 'sso.issuer_insecure']);
      const nowhere = await api(coordinators.amsterdam, 'PUT', url, {
        ...settings,
        issuer: `http://127.0.0.1:${await findFreePort()}`,
      });
      assert.deepEqual([nowhere.status, nowhere.json?.error?.id], [400, 'sso.issuer_unreachable']);

      const saved = await api(coordinators.amsterdam, 'PUT', url, settings);
      assert.equal(saved.status, 200, saved.text);
      assert.ok(!saved.text.includes(idp.clientSecret));
      const read = await api(coordinators.amsterdam, 'GET', url);
      assert.ok(!read.text.includes(idp.clientSecret));
      assert.deepEqual(
        { ...read.json, updatedAt: undefined },
        {
          municipalityCode: AMSTERDAM,
          configured: true,
          issuer: idp.issuer,
          clientId: idp.clientId,
          hasSecret: true,
          enabled: true,
          redirectUri: `${app.baseUrl}/api/v1/sso/callback`,
          updatedAt: undefined,
        },
      );
      // Saving again without the secret keeps the stored one.
      assert.equal((await api(coordinators.amsterdam, 'PUT', url, withoutSecret)).status, 200);
      const [stored] = await asOwner<{ client_secret: string }>(
        'SELECT client_secret FROM municipality_sso WHERE municipality_code = $1',
        [AMSTERDAM],
      );
      assert.equal(stored!.client_secret, idp.clientSecret);

      const audits = await asOwner<{
        actor_user_id: string;
        municipality_code: string;
        details: Record<string, unknown>;
      }>(`SELECT actor_user_id, municipality_code, details FROM audit_log WHERE action = 'sso.configured' ORDER BY id`);
      assert.equal(audits.length, 2);
      assert.deepEqual(
        audits.map((row) => [row.actor_user_id, row.municipality_code]),
        [
          [ids['coordinator amsterdam'], AMSTERDAM],
          [ids['coordinator amsterdam'], AMSTERDAM],
        ],
      );
      assert.ok(!JSON.stringify(audits).includes(idp.clientSecret));

      // A national coordinator may set any municipality's; here Rotterdam's, switched off.
      const rotterdam = await api(coordinators.national, 'PUT', `/api/v1/municipalities/${ROTTERDAM}/sso`, {
        ...settings,
        enabled: false,
      });
      assert.equal(rotterdam.status, 200, rotterdam.text);
      assert.equal(rotterdam.json?.enabled, false);
      const unknown = await api(coordinators.national, 'GET', '/api/v1/municipalities/GM9999/sso');
      assert.deepEqual([unknown.status, unknown.json?.error?.id], [404, 'sso.unknown_municipality']);
    });

    it('keeps the SSO tables behind row-level security, readable before sign-in only through the narrow functions', async () => {
      const pool = app.server.database.pool;
      assert.equal((await pool.query('SELECT * FROM municipality_sso')).rowCount, 0);
      const config = await pool.query<{ issuer: string }>('SELECT * FROM auth_find_sso_config($1)', [AMSTERDAM]);
      assert.deepEqual([config.rowCount, config.rows[0]?.issuer], [1, idp.issuer]);
      assert.equal((await pool.query('SELECT * FROM auth_find_sso_config($1)', ['GM9999'])).rowCount, 0);
    });

    it('signs a GM0363 user in through its identity provider into a session that still needs the second factor', async () => {
      const started = await start(AMSTERDAM);
      const authorization = new URL(started.location);
      const parameters = Object.fromEntries(authorization.searchParams) as Record<string, string>;
      assert.equal(`${authorization.origin}${authorization.pathname}`, `${idp.issuer}/auth`);
      assert.deepEqual(
        [
          parameters.response_type,
          parameters.scope,
          parameters.redirect_uri,
          parameters.code_challenge_method,
          parameters.client_id,
        ],
        ['code', 'openid email profile', `${app.baseUrl}/api/v1/sso/callback`, 'S256', idp.clientId],
      );
      assert.ok(parameters.state && parameters.nonce && parameters.code_challenge);
      assert.equal(started.browser, parameters.state, 'the state is bound to this browser');
      // Stored by hash only, with the verifier and nonce, for 10 minutes.
      const [row] = await asOwner<{
        state_hash: string;
        municipality_code: string;
        code_verifier: string;
        nonce: string;
        minutes: number;
      }>(
        `SELECT state_hash, municipality_code, code_verifier, nonce,
           round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes
         FROM sso_login_states WHERE state_hash = $1`,
        [sha256(parameters.state)],
      );
      assert.deepEqual([row?.municipality_code, row?.nonce, row?.minutes], [AMSTERDAM, parameters.nonce, 10]);
      assert.equal(
        createHash('sha256').update(row!.code_verifier).digest('base64url'),
        parameters.code_challenge,
        'the challenge is the S256 of the stored verifier',
      );

      const back = await signInAtProvider(idp, started.location, 'amsterdam');
      assert.ok(back.searchParams.get('code'));
      const result = await callback(back, started.browser);
      assert.equal(result.location, '/beheer/aanmelden/tweede-stap');
      assert.ok(result.session);
      const session = await sessionOf(result.session);
      assert.deepEqual(
        [session.stage, session.user.id, session.user.municipalityCode],
        ['password', ids.amsterdam, AMSTERDAM],
      );
      // The full session still needs the user's own second factor.
      const team = await fetch(`${app.baseUrl}/api/v1/team`, {
        headers: { cookie: `${SESSION_COOKIE}=${result.session}` },
      });
      assert.equal(team.status, 403);
      assert.equal(
        (await asOwner('SELECT 1 FROM sso_login_states WHERE state_hash = $1', [sha256(parameters.state)])).length,
        0,
      );
      assert.deepEqual(await lastSsoAudit(), {
        action: 'sign_in.sso_accepted',
        municipality_code: AMSTERDAM,
        actor_user_id: ids.amsterdam,
        details: { method: 'oidc' },
      });

      // The same answer a second time is refused: the state worked once.
      const replayed = await callback(back, started.browser);
      assert.deepEqual([replayed.location, replayed.session], [FAILED, undefined]);
      assert.equal((await lastSsoAudit()).details.reason, 'unknown_state');
    });

    it('sends a user without a second factor on to set one up', async () => {
      const result = await signIn(AMSTERDAM, 'newcomer');
      assert.equal(result.location, '/beheer/tweede-factor');
      assert.equal((await sessionOf(result.session!)).user.id, ids.newcomer);
    });

    it("refuses a GM0599 user who comes in through GM0363's identity provider", async () => {
      const result = await signIn(AMSTERDAM, 'rotterdam');
      assert.deepEqual([result.location, result.session], [FAILED, undefined]);
      assert.deepEqual(await lastSsoAudit(), {
        action: 'sign_in.sso_failed',
        municipality_code: AMSTERDAM,
        actor_user_id: null,
        details: { method: 'oidc', reason: 'no_account' },
      });
    });

    it('refuses an unverified e-mail address, a missing one, and a deactivated account', async () => {
      for (const [login, reason] of [
        ['unverified', 'email_not_verified'],
        ['anonymous', 'no_email'],
        ['inactive', 'no_account'],
      ] as const) {
        const result = await signIn(AMSTERDAM, login);
        assert.deepEqual([result.location, result.session], [FAILED, undefined], login);
        assert.equal((await lastSsoAudit()).details.reason, reason, login);
      }
    });

    it('refuses an unknown municipality, one without SSO, and one whose SSO is switched off', async () => {
      for (const code of ['GM9999', 'GM0014', ROTTERDAM, 'not-a-code']) {
        const result = await start(code);
        assert.deepEqual([result.location, result.browser], [FAILED, undefined], code);
        assert.equal((await lastSsoAudit()).details.reason, 'not_configured', code);
      }
      // Switched off while the user was at the identity provider.
      const result = await signIn(AMSTERDAM, 'amsterdam', async () => {
        await asOwner('UPDATE municipality_sso SET enabled = false WHERE municipality_code = $1', [AMSTERDAM]);
      });
      await asOwner('UPDATE municipality_sso SET enabled = true WHERE municipality_code = $1', [AMSTERDAM]);
      assert.deepEqual([result.location, result.session], [FAILED, undefined]);
      assert.equal((await lastSsoAudit()).details.reason, 'not_configured');
    });

    it('really uses the PKCE verifier: a changed one makes the identity provider refuse the code', async () => {
      const result = await signIn(AMSTERDAM, 'amsterdam', async (state) => {
        const changed = await asOwner(
          `UPDATE sso_login_states SET code_verifier = $2 WHERE state_hash = $1 RETURNING 1`,
          [sha256(state), randomBytes(32).toString('base64url')],
        );
        assert.equal(changed.length, 1);
      });
      assert.ok(result.back.searchParams.get('code'), 'the identity provider did give a code');
      assert.deepEqual([result.location, result.session], [FAILED, undefined]);
      assert.equal((await lastSsoAudit()).details.reason, 'token_exchange');
    });

    it('also checks the nonce, the expiry, and that the answer comes back to the browser that started', async () => {
      const nonce = await signIn(AMSTERDAM, 'amsterdam', async (state) => {
        await asOwner(`UPDATE sso_login_states SET nonce = 'another' WHERE state_hash = $1`, [sha256(state)]);
      });
      assert.deepEqual(
        [nonce.location, nonce.session, (await lastSsoAudit()).details.reason],
        [FAILED, undefined, 'token_exchange'],
      );

      const expired = await signIn(AMSTERDAM, 'amsterdam', async (state) => {
        await asOwner(`UPDATE sso_login_states SET expires_at = now() - interval '1 second' WHERE state_hash = $1`, [
          sha256(state),
        ]);
      });
      assert.deepEqual(
        [expired.location, expired.session, (await lastSsoAudit()).details.reason],
        [FAILED, undefined, 'expired_state'],
      );

      // Someone else's answer (say, an attacker's own sign-in) opened in a browser that did not start it.
      const started = await start(AMSTERDAM);
      const back = await signInAtProvider(idp, started.location, 'amsterdam');
      const elsewhere = await callback(back, undefined);
      assert.deepEqual([elsewhere.location, elsewhere.session], [FAILED, undefined]);
      assert.equal((await lastSsoAudit()).details.reason, 'browser_mismatch');
      assert.deepEqual(
        await callback(back, started.browser),
        { location: FAILED, session: undefined },
        'and the state is used up',
      );
    });

    it("refuses the identity provider's error answer and a callback without state", async () => {
      const started = await start(AMSTERDAM);
      const state = new URL(started.location).searchParams.get('state')!;
      const denied = new URL(`${app.baseUrl}/api/v1/sso/callback`);
      denied.search = new URLSearchParams({ error: 'access_denied', state, iss: idp.issuer }).toString();
      assert.deepEqual(await callback(denied, started.browser), { location: FAILED, session: undefined });
      assert.equal((await lastSsoAudit()).details.reason, 'idp_error');
      assert.deepEqual(await callback(`${app.baseUrl}/api/v1/sso/callback?code=x`, started.browser), {
        location: FAILED,
        session: undefined,
      });
      assert.equal((await lastSsoAudit()).details.reason, 'missing_state');
    });

    it('lets a coordinator remove the settings, after which sign-in through it is refused', async () => {
      const url = `/api/v1/municipalities/${AMSTERDAM}/sso`;
      assert.equal((await api(coordinators.amsterdam, 'DELETE', url)).status, 204);
      assert.equal((await api(coordinators.amsterdam, 'GET', url)).json?.configured, false);
      assert.equal((await api(coordinators.amsterdam, 'DELETE', url)).status, 404);
      assert.equal((await start(AMSTERDAM)).location, FAILED);
      assert.equal(
        (await asOwner(`SELECT 1 FROM audit_log WHERE action = 'sso.removed' AND municipality_code = $1`, [AMSTERDAM]))
          .length,
        1,
      );
      assert.deepEqual(await asOwner('SELECT * FROM audit_verify()'), [], 'the audit chain is intact');
    });
  });
}
