import * as client from 'openid-client';
import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { tokenHash } from './secrets.ts';
import { startSession } from './sessions.service.ts';
import type { IssuedSession } from './sign-in.service.ts';
import {
  claimLoginState,
  findActiveUserByEmail,
  findSsoConfigForSignIn,
  insertLoginState,
  type SsoConfig,
} from './sso.repository.ts';

/** A sign-in at the identity provider must come back within 10 minutes. */
export const SSO_STATE_TTL_MS = 10 * 60_000;
/** How long a discovered identity provider configuration is reused. */
const DISCOVERY_TTL_MS = 5 * 60_000;
/** Where the browser goes after the callback (back-office routes). */
export const SSO_FAILED_PATH = '/beheer/aanmelden?sso=failed';
export const SECOND_STEP_PATH = '/beheer/aanmelden/tweede-stap';
export const ENROLMENT_PATH = '/beheer/tweede-factor';

/** The redirect URI every municipality registers at its identity provider. */
export function ssoRedirectUri(publicBaseUrl: string): string {
  return `${publicBaseUrl}/api/v1/sso/callback`;
}

/**
 * Whether an issuer may be used: https always; plain http only on the loopback interface and only
 * while opendeur itself is served over http (development and tests), never in front of real users.
 */
export function issuerAllowed(issuer: string, publicBaseUrl: string): boolean {
  const url = new URL(issuer);
  if (url.protocol === 'https:') return true;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'http:' && loopback && publicBaseUrl.startsWith('http:');
}

/** Discovers an identity provider and builds the client for one municipality's settings. */
export async function discoverIssuer(
  settings: Pick<SsoConfig, 'issuer' | 'clientId' | 'clientSecret'>,
): Promise<client.Configuration> {
  const insecure = new URL(settings.issuer).protocol === 'http:';
  const execute = insecure ? [client.allowInsecureRequests] : [];
  const found = await client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
    execute,
    timeout: 10,
  });
  const metadata = found.serverMetadata();
  // The spec's default is client_secret_basic; use post only where the provider offers nothing else.
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const authentication =
    methods.includes('client_secret_post') && !methods.includes('client_secret_basic')
      ? client.ClientSecretPost(settings.clientSecret)
      : client.ClientSecretBasic(settings.clientSecret);
  const configuration = new client.Configuration(metadata, settings.clientId, settings.clientSecret, authentication);
  configuration.timeout = 10;
  for (const step of execute) step(configuration);
  return configuration;
}

/**
 * Discovered configurations per municipality, reused for a few minutes. Keyed by the stored settings
 * (read on every sign-in), so a changed setting takes effect at once on every instance.
 */
export class IssuerCache {
  readonly #entries = new Map<
    string,
    { key: string; expiresAt: number; configuration: Promise<client.Configuration> }
  >();

  constructor(private readonly discover: typeof discoverIssuer = discoverIssuer) {}

  /** The configuration for `municipalityCode`'s current settings, discovering it when needed. */
  get(municipalityCode: string, settings: SsoConfig, now = Date.now()): Promise<client.Configuration> {
    const key = JSON.stringify([
      settings.issuer,
      settings.clientId,
      tokenHash(settings.clientSecret),
      settings.updatedAt.getTime(),
    ]);
    const cached = this.#entries.get(municipalityCode);
    if (cached && cached.key === key && cached.expiresAt > now) return cached.configuration;
    const configuration = this.discover(settings);
    this.#entries.set(municipalityCode, { key, expiresAt: now + DISCOVERY_TTL_MS, configuration });
    // A failed discovery is not kept: the next sign-in tries again.
    configuration.catch(() => {
      if (this.#entries.get(municipalityCode)?.configuration === configuration) this.#entries.delete(municipalityCode);
    });
    return configuration;
  }

  /** Forgets a municipality's configuration (its settings changed). */
  forget(municipalityCode: string): void {
    this.#entries.delete(municipalityCode);
  }
}

/** Why a single sign-on failed; recorded in the audit log, never shown in detail to the browser. */
export type SsoFailureReason =
  | 'not_configured'
  | 'issuer_unreachable'
  | 'missing_state'
  | 'unknown_state'
  | 'expired_state'
  | 'browser_mismatch'
  | 'idp_error'
  | 'token_exchange'
  | 'no_email'
  | 'email_not_verified'
  | 'no_account';

/** Where the browser is sent next; on success of the start, the state to bind to the browser. */
export type SsoResult =
  | { ok: true; redirectTo: string; state: string }
  | { ok: false; redirectTo: string; reason: SsoFailureReason; detail?: string };

/** What the callback needs besides the database. */
export interface SsoEnvironment {
  db: Database;
  issuers: IssuerCache;
  publicBaseUrl: string;
  now: Date;
}

/**
 * Starts a sign-in through a municipality's identity provider: a fresh state, nonce and PKCE
 * verifier (S256), kept for 10 minutes with only the state's hash as key. Returns the authorization
 * URL and the state, which the route also binds to the browser.
 */
export async function startSsoSignIn(environment: SsoEnvironment, municipalityCode: string): Promise<SsoResult> {
  const { db, now } = environment;
  const settings = await findSsoConfigForSignIn(db, municipalityCode);
  if (!settings?.enabled || !issuerAllowed(settings.issuer, environment.publicBaseUrl)) {
    return fail(db, settings ? municipalityCode : null, 'not_configured');
  }
  let configuration: client.Configuration;
  try {
    configuration = await environment.issuers.get(municipalityCode, settings);
  } catch (error) {
    return fail(db, municipalityCode, 'issuer_unreachable', describe(error));
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  await inTenant(db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    insertLoginState(tx, {
      stateHash: tokenHash(state),
      municipalityCode,
      codeVerifier,
      nonce,
      now,
      expiresAt: new Date(now.getTime() + SSO_STATE_TTL_MS),
    }),
  );
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: ssoRedirectUri(environment.publicBaseUrl),
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { ok: true, redirectTo: url.href, state };
}

/**
 * Finishes a sign-in: claims the state (once), checks it belongs to this browser, exchanges the code
 * with the PKCE verifier and checks state and nonce, then finds the active account with the verified
 * e-mail address in the municipality the sign-in started for. The session that starts still needs
 * the user's own second factor.
 */
export async function completeSsoSignIn(
  environment: SsoEnvironment,
  callback: { search: string; state: string | undefined; browserState: string | undefined; userAgent: string | null },
): Promise<SsoResult & { session?: IssuedSession }> {
  const { db, now } = environment;
  if (!callback.state) return fail(db, null, 'missing_state');
  const claimed = await claimLoginState(db, tokenHash(callback.state));
  if (!claimed) return fail(db, null, 'unknown_state');
  const municipalityCode = claimed.municipalityCode;
  if (claimed.expiresAt <= now) return fail(db, municipalityCode, 'expired_state');
  // Bound to the browser that started it, so nobody can hand someone else their own sign-in (login CSRF).
  if (callback.browserState !== callback.state) return fail(db, municipalityCode, 'browser_mismatch');

  const settings = await findSsoConfigForSignIn(db, municipalityCode);
  if (!settings?.enabled || !issuerAllowed(settings.issuer, environment.publicBaseUrl)) {
    return fail(db, municipalityCode, 'not_configured');
  }
  let claims: Record<string, unknown>;
  try {
    const configuration = await environment.issuers.get(municipalityCode, settings);
    const tokens = await client.authorizationCodeGrant(
      configuration,
      new URL(`${ssoRedirectUri(environment.publicBaseUrl)}${callback.search}`),
      {
        pkceCodeVerifier: claimed.codeVerifier,
        expectedState: callback.state,
        expectedNonce: claimed.nonce,
        idTokenExpected: true,
      },
    );
    const idToken = tokens.claims()!;
    claims = { ...idToken };
    // Providers that follow the spec strictly put scope claims in the UserInfo response only.
    if (typeof idToken.email !== 'string') {
      claims = { ...(await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub)), ...idToken };
    }
  } catch (error) {
    const reason = error instanceof client.AuthorizationResponseError ? 'idp_error' : 'token_exchange';
    return fail(db, municipalityCode, reason, describe(error));
  }

  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email) return fail(db, municipalityCode, 'no_email');
  if (claims.email_verified !== undefined && claims.email_verified !== true && claims.email_verified !== 'true') {
    return fail(db, municipalityCode, 'email_not_verified');
  }
  const user = await inTenant(db, { kind: 'municipality', code: municipalityCode }, async (tx) => {
    const found = await findActiveUserByEmail(tx, municipalityCode, email);
    await appendAudit(tx, {
      actorUserId: found?.id ?? null,
      actorRole: null,
      municipalityCode,
      action: found ? 'sign_in.sso_accepted' : 'sign_in.sso_failed',
      objectType: found ? 'staff_user' : null,
      objectId: found?.id ?? null,
      details: found ? { method: 'oidc' } : { method: 'oidc', reason: 'no_account' },
    });
    return found;
  });
  if (!user) return { ok: false, redirectTo: SSO_FAILED_PATH, reason: 'no_account' };
  const session = await startSession(db, { id: user.id, municipalityCode }, 'password', callback.userAgent, now);
  return {
    ok: true,
    redirectTo: user.hasSecondFactor ? SECOND_STEP_PATH : ENROLMENT_PATH,
    state: callback.state,
    session,
  };
}

async function fail(
  db: Database,
  municipalityCode: string | null,
  reason: SsoFailureReason,
  detail?: string,
): Promise<SsoResult> {
  // No e-mail address and no IP address: who tried is unknown until the account is found.
  await appendAudit(db, {
    actorUserId: null,
    actorRole: null,
    municipalityCode,
    action: 'sign_in.sso_failed',
    details: { method: 'oidc', reason },
  });
  return { ok: false, redirectTo: SSO_FAILED_PATH, reason, ...(detail ? { detail } : {}) };
}

/** An error's kind and OAuth error code for the log; never its body, which may hold tokens. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
  return [error.name, code, oauthError].filter((part) => typeof part === 'string').join(' ');
}
