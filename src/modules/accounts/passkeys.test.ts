import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  SoftwareAuthenticator,
  type CreationOptions,
  type RequestOptions,
} from '../../../test/helpers/software-authenticator.ts';
import { inTenant, type TenantScope } from '../../db/tenant.ts';
import { SESSION_COOKIE } from '../../http/access-control.ts';
import { staffPasskeys, staffSessions } from './accounts.tables.ts';
import { hashPassword } from './password-policy.ts';
import { tokenHash } from './secrets.ts';
import { insertUser } from './users.repository.ts';

/** The browser's origin in these tests; the Chromium test uses http://localhost:<port> the same way. */
const ORIGIN = 'http://localhost:8123';
const PASSWORD = 'een lange zin als wachtwoord';
const AMSTERDAM = 'GM0363';
const ROTTERDAM = 'GM0599';

/** A minimal API client over app.inject: keeps the cookies and sends the CSRF token. */
class Client {
  private readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly app: FastifyInstance) {}

  get sessionToken(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  async call(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    for (const cookie of response.cookies) {
      const expired = cookie.expires instanceof Date && cookie.expires.getTime() <= Date.now();
      if (cookie.value === '' || expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    const json = response.headers['content-type']?.toString().includes('json')
      ? response.json<{ csrfToken?: unknown }>()
      : undefined;
    if (typeof json?.csrfToken === 'string') this.csrfToken = json.csrfToken;
    return response;
  }

  /** Step one: e-mail and password. */
  async signIn(email: string): Promise<LightMyRequestResponse> {
    await this.call('GET', '/api/v1/csrf');
    const response = await this.call('POST', '/api/v1/session', { email, password: PASSWORD });
    assert.equal(response.statusCode, 200, response.body);
    return response;
  }

  /** Refreshes the CSRF token after a response that issued a new session without showing it. */
  async refresh(): Promise<{ stage: string; secondFactors: { passkeys: number; recoveryCodesLeft: number } }> {
    const response = await this.call('GET', '/api/v1/session');
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  }
}

function errorId(response: LightMyRequestResponse): string | undefined {
  return response.json<{ error?: { id: string } }>().error?.id;
}

for (const target of databaseTargets()) {
  describe(`passkeys (${target.name})`, () => {
    let app: TestApp;
    const asScope = <T>(scope: TenantScope, work: Parameters<typeof inTenant<T>>[2]) =>
      inTenant(app.server.database.db, scope, work);

    /** A staff member with a password and no second factor yet. */
    async function createUser(municipalityCode: string | null = AMSTERDAM): Promise<{ id: string; email: string }> {
      const email = `staff-${randomUUID()}@example.nl`;
      const scope: TenantScope = municipalityCode
        ? { kind: 'municipality', code: municipalityCode }
        : { kind: 'national' };
      const id = await asScope(scope, async (tx) =>
        insertUser(tx, {
          email,
          displayName: 'Test Medewerker',
          municipalityCode,
          passwordHash: await hashPassword(PASSWORD),
          roles: municipalityCode ? ['responder'] : ['national_coordinator'],
        }),
      );
      return { id, email };
    }

    /** Adds a passkey with `authenticator` for the signed-in `client`; returns the registration answer. */
    async function enrol(client: Client, authenticator: SoftwareAuthenticator, name = 'Laptop') {
      const options = await client.call('POST', '/api/v1/account/passkeys/options');
      assert.equal(options.statusCode, 200, options.body);
      const credential = authenticator.register(options.json<CreationOptions>());
      const stored = await client.call('POST', '/api/v1/account/passkeys', { response: credential, name });
      return { stored, credential };
    }

    /** A user with one passkey, signed out; the client and authenticator to sign in again. */
    async function userWithPasskey(municipalityCode: string | null = AMSTERDAM) {
      const user = await createUser(municipalityCode);
      const client = new Client(app.server.app);
      const authenticator = new SoftwareAuthenticator(ORIGIN);
      await client.signIn(user.email);
      const { stored } = await enrol(client, authenticator);
      assert.equal(stored.statusCode, 200, stored.body);
      await client.refresh();
      assert.equal((await client.call('DELETE', '/api/v1/session')).statusCode, 204);
      return { user, client, authenticator };
    }

    async function passkeyOptions(client: Client): Promise<RequestOptions> {
      const response = await client.call('POST', '/api/v1/session/passkey/options');
      assert.equal(response.statusCode, 200, response.body);
      return response.json<RequestOptions>();
    }

    before(async () => {
      app = await startTestApp(target, { environment: { PUBLIC_BASE_URL: ORIGIN } });
    });
    after(async () => {
      await app?.stop();
    });

    it('enrols a passkey in the password stage: the session becomes full, with ten recovery codes', async () => {
      const user = await createUser();
      const client = new Client(app.server.app);
      const authenticator = new SoftwareAuthenticator(ORIGIN);
      await client.signIn(user.email);
      const halfSession = client.sessionToken;

      const optionsResponse = await client.call('POST', '/api/v1/account/passkeys/options');
      assert.equal(optionsResponse.statusCode, 200, optionsResponse.body);
      const options = optionsResponse.json<CreationOptions & Record<string, unknown>>();
      assert.deepEqual(options.rp, { name: 'opendeur', id: 'localhost' });
      assert.equal(options.user.name, user.email);
      assert.equal(Buffer.from(options.user.id, 'base64url').toString('hex'), user.id.replaceAll('-', ''));
      assert.deepEqual(options.authenticatorSelection, {
        residentKey: 'preferred',
        userVerification: 'preferred',
        requireResidentKey: false,
      });
      assert.equal(options.attestation, 'none');

      const credential = authenticator.register(options);
      const stored = await client.call('POST', '/api/v1/account/passkeys', {
        response: credential,
        name: 'Werklaptop',
      });
      assert.equal(stored.statusCode, 200, stored.body);
      const { recoveryCodes } = stored.json<{ recoveryCodes: string[] }>();
      assert.equal(recoveryCodes.length, 10);
      assert.notEqual(client.sessionToken, halfSession, 'a new session id after the second step');

      const view = await client.refresh();
      assert.equal(view.stage, 'full');
      assert.equal(view.secondFactors.passkeys, 1);
      assert.equal(view.secondFactors.recoveryCodesLeft, 10);

      const list = await client.call('GET', '/api/v1/account/passkeys');
      assert.equal(list.statusCode, 200, list.body);
      const { passkeys } = list.json<{ passkeys: Array<{ id: string; name: string; lastUsedAt: string | null }> }>();
      assert.equal(passkeys.length, 1);
      assert.equal(passkeys[0]!.name, 'Werklaptop');
      assert.equal(passkeys[0]!.lastUsedAt, null);

      const rows = await asScope({ kind: 'municipality', code: AMSTERDAM }, (tx) =>
        tx.select().from(staffPasskeys).where(eq(staffPasskeys.userId, user.id)),
      );
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.credentialId, credential.id);
      assert.equal(rows[0]!.municipalityCode, AMSTERDAM);
      assert.deepEqual(rows[0]!.transports, ['internal']);
      assert.equal(rows[0]!.counter, 0);

      const audit = await asScope({ kind: 'national' }, (tx) =>
        tx.execute<{ action: string }>(sql`SELECT action FROM audit_log WHERE actor_user_id = ${user.id} ORDER BY id`),
      );
      const actions = audit.rows.map((row) => row.action);
      assert.ok(actions.includes('second_factor.passkey_enrolled'), actions.join());
      assert.ok(actions.includes('second_factor.recovery_codes_issued'), actions.join());
      assert.ok(actions.includes('sign_in.succeeded'), actions.join());

      const oldSession = await app.server.app.inject({
        method: 'GET',
        url: '/api/v1/session',
        headers: { cookie: `${SESSION_COOKIE}=${halfSession}` },
      });
      assert.equal(oldSession.statusCode, 401, 'the half session is revoked');
    });

    it('does not let a password alone add a passkey once the account has a second factor', async () => {
      const { user, client } = await userWithPasskey();
      await client.signIn(user.email);
      const options = await client.call('POST', '/api/v1/account/passkeys/options');
      assert.equal(options.statusCode, 403);
      assert.equal(errorId(options), 'auth.second_factor_required');
      const list = await client.call('GET', '/api/v1/account/passkeys');
      assert.equal(list.statusCode, 403, 'the list needs a full session');
    });

    it('signs in with a password, then a passkey; the counter moves and the session id changes', async () => {
      const { user, client, authenticator } = await userWithPasskey();
      await client.signIn(user.email);
      const halfSession = client.sessionToken;
      const options = await passkeyOptions(client);
      assert.equal(options.rpId, 'localhost');
      assert.deepEqual(
        options.allowCredentials?.map((credential) => credential.id),
        authenticator.credentials.map((credential) => credential.id),
      );

      const signedIn = await client.call('POST', '/api/v1/session/passkey', {
        response: authenticator.assert(options),
      });
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      assert.equal(signedIn.json<{ stage: string }>().stage, 'full');
      assert.notEqual(client.sessionToken, halfSession);
      assert.equal((await client.call('GET', '/api/v1/account/passkeys')).statusCode, 200);

      const [row] = await asScope({ kind: 'municipality', code: AMSTERDAM }, (tx) =>
        tx.select().from(staffPasskeys).where(eq(staffPasskeys.userId, user.id)),
      );
      assert.equal(row!.counter, 1);
      assert.ok(row!.lastUsedAt);
    });

    it('works for a national coordinator (no municipality) too', async () => {
      const { user, client, authenticator } = await userWithPasskey(null);
      await client.signIn(user.email);
      const signedIn = await client.call('POST', '/api/v1/session/passkey', {
        response: authenticator.assert(await passkeyOptions(client)),
      });
      assert.equal(signedIn.statusCode, 200, signedIn.body);
      assert.equal(signedIn.json<{ stage: string }>().stage, 'full');
    });

    it('answers every challenge at most once, and only the newest one', async () => {
      const { user, client, authenticator } = await userWithPasskey();
      await client.signIn(user.email);

      const first = await passkeyOptions(client);
      const staleAssertion = authenticator.assert(first);
      const second = await passkeyOptions(client);
      assert.notEqual(first.challenge, second.challenge);
      const stale = await client.call('POST', '/api/v1/session/passkey', { response: staleAssertion });
      assert.equal(stale.statusCode, 401, 'an assertion for an older challenge');
      assert.equal(errorId(stale), 'passkey.invalid');

      // The refused attempt used up the newest challenge as well.
      const afterRefusal = await client.call('POST', '/api/v1/session/passkey', {
        response: authenticator.assert(second),
      });
      assert.equal(afterRefusal.statusCode, 400);
      assert.equal(errorId(afterRefusal), 'passkey.challenge_missing');

      const third = await passkeyOptions(client);
      const assertion = authenticator.assert(third);
      const signedIn = await client.call('POST', '/api/v1/session/passkey', { response: assertion });
      assert.equal(signedIn.statusCode, 200, signedIn.body);

      // Replayed as is, in a new half session: its challenge is not this session's.
      await client.signIn(user.email);
      const replayed = await client.call('POST', '/api/v1/session/passkey', { response: assertion });
      assert.equal(replayed.statusCode, 400);
      assert.equal(errorId(replayed), 'passkey.challenge_missing');
      await passkeyOptions(client);
      const replayedAgain = await client.call('POST', '/api/v1/session/passkey', { response: assertion });
      assert.equal(replayedAgain.statusCode, 401);
      assert.equal(errorId(replayedAgain), 'passkey.invalid');

      const [session] = await asScope({ kind: 'municipality', code: AMSTERDAM }, (tx) =>
        tx
          .select({ challenge: staffSessions.webauthnChallenge })
          .from(staffSessions)
          .where(eq(staffSessions.tokenHash, tokenHash(client.sessionToken!))),
      );
      assert.equal(session!.challenge, null, 'no challenge left on the session');

      // A challenge older than five minutes is refused.
      const late = await passkeyOptions(client);
      const sixMinutesAgo = Date.now() - 6 * 60_000;
      await asScope({ kind: 'municipality', code: AMSTERDAM }, (tx) =>
        tx
          .update(staffSessions)
          .set({ webauthnChallenge: `sign-in.${sixMinutesAgo}.${late.challenge}` })
          .where(eq(staffSessions.tokenHash, tokenHash(client.sessionToken!))),
      );
      const expired = await client.call('POST', '/api/v1/session/passkey', { response: authenticator.assert(late) });
      assert.equal(errorId(expired), 'passkey.challenge_missing');
    });

    it('refuses a registration answered twice, for another origin, or for a sign-in challenge', async () => {
      const user = await createUser();
      const client = new Client(app.server.app);
      const authenticator = new SoftwareAuthenticator(ORIGIN);
      await client.signIn(user.email);

      const phishing = new SoftwareAuthenticator('http://localhost.evil.example');
      const options = (await client.call('POST', '/api/v1/account/passkeys/options')).json<CreationOptions>();
      const wrongOrigin = await client.call('POST', '/api/v1/account/passkeys', {
        response: phishing.register(options),
        name: 'Phish',
      });
      assert.equal(wrongOrigin.statusCode, 400);
      assert.equal(errorId(wrongOrigin), 'passkey.registration_failed');

      const again = await client.call('POST', '/api/v1/account/passkeys', {
        response: authenticator.register(options),
        name: 'Laptop',
      });
      assert.equal(again.statusCode, 400, 'the challenge was used up by the refused attempt');
      assert.equal(errorId(again), 'passkey.challenge_missing');

      const { stored, credential } = await enrol(client, authenticator);
      assert.equal(stored.statusCode, 200, stored.body);
      await client.refresh();
      const twice = await client.call('POST', '/api/v1/account/passkeys', { response: credential, name: 'Laptop' });
      assert.equal(twice.statusCode, 400);
      assert.equal(errorId(twice), 'passkey.challenge_missing');

      // A sign-in challenge cannot finish a registration.
      const signInOptions = await passkeyOptions(client);
      const crossed = await client.call('POST', '/api/v1/account/passkeys', {
        response: new SoftwareAuthenticator(ORIGIN).register({ ...options, challenge: signInOptions.challenge }),
        name: 'Crossed',
      });
      assert.equal(crossed.statusCode, 400);
      assert.equal(errorId(crossed), 'passkey.challenge_missing');
    });

    it("refuses another user's passkey, also of another municipality, and counts the failures", async () => {
      const alice = await userWithPasskey(AMSTERDAM);
      const colleague = await userWithPasskey(AMSTERDAM);
      const stranger = await userWithPasskey(ROTTERDAM);

      await alice.client.signIn(alice.user.email);
      for (const other of [colleague, stranger]) {
        const options = await passkeyOptions(alice.client);
        const assertion = other.authenticator.assert(options, { credential: other.authenticator.credentials[0]! });
        const refused = await alice.client.call('POST', '/api/v1/session/passkey', { response: assertion });
        assert.equal(refused.statusCode, 401, refused.body);
        assert.equal(errorId(refused), 'passkey.unknown_credential');
      }
      // A made-up credential id, and no id at all.
      const options = await passkeyOptions(alice.client);
      const forged = { ...alice.authenticator.assert(options), id: 'AAAA', rawId: 'AAAA' };
      assert.equal(
        errorId(await alice.client.call('POST', '/api/v1/session/passkey', { response: forged })),
        'passkey.unknown_credential',
      );
      await passkeyOptions(alice.client);
      assert.equal(
        errorId(await alice.client.call('POST', '/api/v1/session/passkey', { response: {} })),
        'passkey.unknown_credential',
      );

      const audit = await asScope({ kind: 'national' }, (tx) =>
        tx.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM audit_log WHERE actor_user_id = ${alice.user.id} AND action = 'sign_in.second_factor_failed'`,
        ),
      );
      assert.equal(audit.rows[0]!.n, 4);
      const view = await alice.client.refresh();
      assert.equal(view.stage, 'password', 'still only the first step');
    });

    it('refuses an assertion whose counter did not move forward', async () => {
      const { user, client, authenticator } = await userWithPasskey();
      await client.signIn(user.email);
      const signedIn = await client.call('POST', '/api/v1/session/passkey', {
        response: authenticator.assert(await passkeyOptions(client), { counter: 5 }),
      });
      assert.equal(signedIn.statusCode, 200, signedIn.body);

      for (const counter of [3, 5]) {
        await client.signIn(user.email);
        const refused = await client.call('POST', '/api/v1/session/passkey', {
          response: authenticator.assert(await passkeyOptions(client), { counter }),
        });
        assert.equal(refused.statusCode, 401, `counter ${counter} after 5`);
        assert.equal(errorId(refused), 'passkey.invalid');
      }
      const [row] = await asScope({ kind: 'municipality', code: AMSTERDAM }, (tx) =>
        tx.select({ counter: staffPasskeys.counter }).from(staffPasskeys).where(eq(staffPasskeys.userId, user.id)),
      );
      assert.equal(row!.counter, 5);

      const forward = await client.call('POST', '/api/v1/session/passkey', {
        response: authenticator.assert(await passkeyOptions(client), { counter: 6 }),
      });
      assert.equal(forward.statusCode, 200, forward.body);
    });

    it('refuses an assertion whose signature does not match, and one for another site', async () => {
      const { user, client, authenticator } = await userWithPasskey();
      await client.signIn(user.email);
      const assertion = authenticator.assert(await passkeyOptions(client));
      const data = Buffer.from(assertion.response.authenticatorData, 'base64url');
      data.writeUInt32BE(data.readUInt32BE(33) + 1, 33); // a higher counter than the one signed
      const tampered = {
        ...assertion,
        response: { ...assertion.response, authenticatorData: data.toString('base64url') },
      };
      const refused = await client.call('POST', '/api/v1/session/passkey', { response: tampered });
      assert.equal(refused.statusCode, 401);
      assert.equal(errorId(refused), 'passkey.invalid');

      const elsewhere = new SoftwareAuthenticator('http://localhost.evil.example');
      const options = await passkeyOptions(client);
      const phished = elsewhere.assert(options, { credential: authenticator.credentials[0]! });
      assert.equal(
        errorId(await client.call('POST', '/api/v1/session/passkey', { response: phished })),
        'passkey.invalid',
      );
      assert.equal((await client.refresh()).stage, 'password');
    });

    it('accepts authenticators that keep no counter (always 0)', async () => {
      const { user, client, authenticator } = await userWithPasskey();
      for (let round = 0; round < 2; round++) {
        await client.signIn(user.email);
        const signedIn = await client.call('POST', '/api/v1/session/passkey', {
          response: authenticator.assert(await passkeyOptions(client), { counter: 0 }),
        });
        assert.equal(signedIn.statusCode, 200, signedIn.body);
      }
    });

    it('removes passkeys, but never the last second factor', async () => {
      const { user, client, authenticator } = await userWithPasskey();
      const other = await userWithPasskey();
      await client.signIn(user.email);
      await client.call('POST', '/api/v1/session/passkey', {
        response: authenticator.assert(await passkeyOptions(client)),
      });

      const listed = () =>
        client
          .call('GET', '/api/v1/account/passkeys')
          .then((response) => response.json<{ passkeys: Array<{ id: string; name: string }> }>().passkeys);
      const [only] = await listed();
      const last = await client.call('DELETE', `/api/v1/account/passkeys/${only!.id}`);
      assert.equal(last.statusCode, 409);
      assert.equal(errorId(last), 'passkey.last_second_factor');

      const second = new SoftwareAuthenticator(ORIGIN);
      const { stored } = await enrol(client, second, 'Telefoon');
      assert.equal(stored.statusCode, 200, stored.body);
      assert.deepEqual(stored.json(), { recoveryCodes: [] }, 'no new codes while some are left');
      assert.equal((await listed()).length, 2);

      // Someone else's passkey is not found, whatever its id.
      await other.client.signIn(other.user.email);
      await other.client.call('POST', '/api/v1/session/passkey', {
        response: other.authenticator.assert(await passkeyOptions(other.client)),
      });
      const [othersPasskey] = await other.client
        .call('GET', '/api/v1/account/passkeys')
        .then((response) => response.json<{ passkeys: Array<{ id: string }> }>().passkeys);
      const notMine = await client.call('DELETE', `/api/v1/account/passkeys/${othersPasskey!.id}`);
      assert.equal(notMine.statusCode, 404);
      assert.equal(errorId(notMine), 'passkey.not_found');
      assert.equal(errorId(await client.call('DELETE', '/api/v1/account/passkeys/not-an-id')), 'request.invalid');

      const removed = await client.call('DELETE', `/api/v1/account/passkeys/${only!.id}`);
      assert.equal(removed.statusCode, 204, removed.body);
      const left = await listed();
      assert.deepEqual(
        left.map((passkey) => passkey.name),
        ['Telefoon'],
      );
      assert.equal(
        errorId(await client.call('DELETE', `/api/v1/account/passkeys/${left[0]!.id}`)),
        'passkey.last_second_factor',
      );
      assert.equal(errorId(await client.call('DELETE', `/api/v1/account/passkeys/${only!.id}`)), 'passkey.not_found');

      const audit = await asScope({ kind: 'national' }, (tx) =>
        tx.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM audit_log WHERE actor_user_id = ${user.id} AND action = 'second_factor.passkey_removed'`,
        ),
      );
      assert.equal(audit.rows[0]!.n, 1);

      // The removed passkey no longer signs in.
      await client.signIn(user.email);
      const options = await passkeyOptions(client);
      assert.equal(options.allowCredentials?.length, 1);
      const gone = await client.call('POST', '/api/v1/session/passkey', {
        response: authenticator.assert(options, { credential: authenticator.credentials[0]! }),
      });
      assert.equal(errorId(gone), 'passkey.unknown_credential');
      const stillThere = await asScope({ kind: 'municipality', code: AMSTERDAM }, (tx) =>
        tx.select().from(staffPasskeys).where(eq(staffPasskeys.userId, other.user.id)),
      );
      assert.equal(stillThere.length, 1, "the other user's passkey is untouched");
    });

    it('describes the passkey operations in the OpenAPI document', async () => {
      const response = await app.server.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      assert.equal(response.statusCode, 200);
      const paths = Object.keys(response.json<{ paths: Record<string, unknown> }>().paths);
      for (const path of [
        '/account/passkeys/options',
        '/account/passkeys',
        '/account/passkeys/{id}',
        '/session/passkey/options',
        '/session/passkey',
      ]) {
        assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
      }
    });

    it('refuses a removal in the password stage and passkey options to a user without passkeys', async () => {
      const { user, client } = await userWithPasskey();
      await client.signIn(user.email);
      const removal = await client.call('DELETE', '/api/v1/account/passkeys/AAAAAAAAAAAAAAAAAAAAAA');
      assert.equal(removal.statusCode, 403);
      assert.equal(errorId(removal), 'auth.second_factor_required');

      const newcomer = new Client(app.server.app);
      await newcomer.signIn((await createUser()).email);
      const options = await newcomer.call('POST', '/api/v1/session/passkey/options');
      assert.equal(options.statusCode, 409);
      assert.equal(errorId(options), 'second_factor.not_enrolled');
    });
  });
}
