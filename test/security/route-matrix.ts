import { currentTotp } from '../../src/modules/accounts/totp.ts';
import { strongPassword } from '../helpers/staff.ts';
import {
  error,
  everyone,
  FORBIDDEN,
  ok,
  SECOND_FACTOR,
  secondFactorPolicy,
  staffPolicy,
  type MatrixRow,
  type RequestContext,
} from './matrix-outcomes.ts';

const COORDINATORS = ['national', 'amsterdamCoordinator', 'rotterdamCoordinator'] as const;
const AUDIT_READERS = ['national', 'amsterdamPrivacyOfficer', 'rotterdamPrivacyOfficer'] as const;
const FAKE_TOKEN = 'x'.repeat(43);

/** A 6-digit code that is certainly wrong now for the caller's authenticator being set up. */
async function wrongCodeForPending({ world, caller, owner, clock }: RequestContext): Promise<string> {
  const member =
    caller === 'halfSignedIn' ? world.halfMember : caller === 'anonymous' ? undefined : world.people[caller];
  if (!member) return '000000';
  const { rows } = await owner.query<{ secret: string | null }>(
    'SELECT totp_pending_secret AS secret FROM staff_users WHERE id = $1',
    [member.userId],
  );
  const secret = rows[0]?.secret;
  if (!secret) return '000000';
  const valid = new Set([-30_000, 0, 30_000].map((offset) => currentTotp(secret, clock().getTime() + offset)));
  let code = 0;
  while (valid.has(String(code).padStart(6, '0'))) code++;
  return String(code).padStart(6, '0');
}

/**
 * Every API route with what each caller gets. Rows run in this order (the pending authenticator of
 * POST /account/totp is refused by the confirm row after it). GET rows stand for their HEAD twins.
 */
export const API_MATRIX: MatrixRow[] = [
  { method: 'GET', url: '/api/v1/csrf', policy: 'anonymous-api', expect: everyone(ok()) },
  { method: 'GET', url: '/api/v1/session', policy: 'second-factor', expect: secondFactorPolicy(ok()) },
  {
    method: 'POST',
    url: '/api/v1/session',
    policy: 'anonymous-api',
    request: () => ({ body: { email: 'geen adres', password: 'x' } }),
    expect: everyone(error(400, 'request.invalid')),
  },
  {
    method: 'POST',
    url: '/api/v1/session/totp',
    policy: 'second-factor',
    request: () => ({ body: { code: 'abc' } }),
    expect: secondFactorPolicy(error(400, 'request.invalid')),
  },
  {
    method: 'POST',
    url: '/api/v1/session/recovery-code',
    policy: 'second-factor',
    request: () => ({ body: { code: 'x' } }),
    expect: secondFactorPolicy(error(400, 'request.invalid')),
  },
  {
    method: 'DELETE',
    url: '/api/v1/session',
    policy: 'second-factor',
    freshSession: true,
    expect: secondFactorPolicy(ok(204)),
  },
  {
    method: 'POST',
    url: '/api/v1/setup',
    policy: 'anonymous-api',
    request: () => ({
      body: { token: FAKE_TOKEN, email: 'nog.een@example.org', displayName: 'Nog een', password: strongPassword() },
    }),
    expect: everyone(error(409, 'setup.already_done')),
  },
  // Before the second step, only an account without any second factor may enrol one.
  {
    method: 'POST',
    url: '/api/v1/account/totp',
    policy: 'second-factor',
    expect: secondFactorPolicy(ok(), SECOND_FACTOR),
  },
  {
    method: 'POST',
    url: '/api/v1/account/totp/confirm',
    policy: 'second-factor',
    request: async (context) => ({ body: { code: await wrongCodeForPending(context) } }),
    expect: secondFactorPolicy(error(401, 'second_factor.invalid_code'), SECOND_FACTOR),
  },
  { method: 'POST', url: '/api/v1/account/recovery-codes', policy: 'staff', expect: staffPolicy(ok()) },
  {
    method: 'POST',
    url: '/api/v1/account/password',
    policy: 'staff',
    request: () => ({ body: { currentPassword: 'niet mijn wachtwoord', newPassword: strongPassword() } }),
    expect: staffPolicy(error(400, 'password.wrong_current')),
  },
  { method: 'GET', url: '/api/v1/account/sessions', policy: 'staff', expect: staffPolicy(ok()) },
  {
    method: 'DELETE',
    url: '/api/v1/account/sessions/:id',
    policy: 'staff',
    request: () => ({ path: '/api/v1/account/sessions/0000000000000000' }),
    expect: staffPolicy(error(404, 'not_found')),
  },
  { method: 'DELETE', url: '/api/v1/account/sessions', policy: 'staff', expect: staffPolicy(ok(204)) },
  {
    method: 'POST',
    url: '/api/v1/account/passkeys/options',
    policy: 'second-factor',
    expect: secondFactorPolicy(ok(), SECOND_FACTOR),
  },
  {
    method: 'POST',
    url: '/api/v1/account/passkeys',
    policy: 'second-factor',
    request: () => ({ body: {} }),
    expect: secondFactorPolicy(error(400, 'request.invalid')),
  },
  { method: 'GET', url: '/api/v1/account/passkeys', policy: 'staff', expect: staffPolicy(ok()) },
  {
    method: 'DELETE',
    url: '/api/v1/account/passkeys/:id',
    policy: 'staff',
    request: () => ({ path: `/api/v1/account/passkeys/${'p'.repeat(22)}` }),
    expect: staffPolicy(error(404, 'passkey.not_found')),
  },
  {
    method: 'POST',
    url: '/api/v1/session/passkey/options',
    policy: 'second-factor',
    expect: secondFactorPolicy(error(409, 'second_factor.not_enrolled')), // nobody here has a passkey
  },
  {
    method: 'POST',
    url: '/api/v1/session/passkey',
    policy: 'second-factor',
    request: () => ({ body: {} }),
    expect: secondFactorPolicy(error(400, 'request.invalid')),
  },
  // Asked for GM0363's team: Amsterdam's coordinator and a national coordinator only.
  {
    method: 'GET',
    url: '/api/v1/team',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/team?municipality=GM0363' }),
    expect: staffPolicy(ok(), COORDINATORS, { rotterdamCoordinator: FORBIDDEN }),
  },
  { method: 'GET', url: '/api/v1/municipalities', policy: 'staff', expect: staffPolicy(ok()) },
  {
    method: 'POST',
    url: '/api/v1/invitations',
    policy: 'coordinator',
    request: ({ caller }) => ({
      body: {
        email: `via.${caller.toLowerCase()}@example.org`,
        displayName: 'Via de matrix',
        municipalityCode: 'GM0363',
        roles: ['responder'],
      },
    }),
    expect: staffPolicy(ok(), COORDINATORS, { rotterdamCoordinator: error(403, 'invitation.wrong_municipality') }),
  },
  {
    method: 'GET',
    url: '/api/v1/invitations/:token',
    policy: 'anonymous-api',
    request: () => ({ path: `/api/v1/invitations/${FAKE_TOKEN}` }),
    expect: everyone(error(404, 'invitation.invalid')),
  },
  {
    method: 'POST',
    url: '/api/v1/invitations/:token/accept',
    policy: 'anonymous-api',
    request: () => ({ path: `/api/v1/invitations/${FAKE_TOKEN}/accept`, body: { password: strongPassword() } }),
    expect: everyone(error(404, 'invitation.invalid')),
  },
  {
    method: 'PUT',
    url: '/api/v1/team/:id/roles',
    policy: 'coordinator',
    request: ({ world }) => ({
      path: `/api/v1/team/${world.amsterdamTarget.userId}/roles`,
      body: { roles: ['responder'] },
    }),
    expect: staffPolicy(ok(204), COORDINATORS, { rotterdamCoordinator: error(404, 'team.not_found') }),
  },
  {
    method: 'POST',
    url: '/api/v1/team/:id/deactivate',
    policy: 'coordinator',
    request: ({ world }) => ({ path: `/api/v1/team/${world.amsterdamToDeactivate.userId}/deactivate` }),
    expect: staffPolicy(ok(204), COORDINATORS, { rotterdamCoordinator: error(404, 'team.not_found') }),
  },
  {
    method: 'GET',
    url: '/api/v1/municipalities/:code/sso',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/municipalities/GM0363/sso' }),
    expect: staffPolicy(ok(), COORDINATORS, { rotterdamCoordinator: FORBIDDEN }),
  },
  {
    method: 'PUT',
    url: '/api/v1/municipalities/:code/sso',
    policy: 'coordinator',
    request: () => ({
      path: '/api/v1/municipalities/GM0363/sso',
      body: { issuer: 'https://idp.example', clientId: 'opendeur', enabled: true },
    }),
    expect: staffPolicy(error(400, 'sso.secret_required'), COORDINATORS, { rotterdamCoordinator: FORBIDDEN }),
  },
  {
    method: 'DELETE',
    url: '/api/v1/municipalities/:code/sso',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/municipalities/GM0363/sso' }),
    expect: staffPolicy(error(404, 'not_found'), COORDINATORS, { rotterdamCoordinator: FORBIDDEN }),
  },
  { method: 'GET', url: '/api/v1/sso/municipalities', policy: 'anonymous-api', expect: everyone(ok()) },
  {
    method: 'GET',
    url: '/api/v1/sso/:code/start',
    policy: 'anonymous-api',
    request: () => ({ path: '/api/v1/sso/GM0363/start' }),
    expect: everyone(ok(303)),
  },
  { method: 'GET', url: '/api/v1/sso/callback', policy: 'anonymous-api', expect: everyone(ok(303)) },
  { method: 'GET', url: '/api/v1/audit', policy: 'audit-reader', expect: staffPolicy(ok(), AUDIT_READERS) },
  { method: 'GET', url: '/api/v1/audit.csv', policy: 'audit-reader', expect: staffPolicy(ok(), AUDIT_READERS) },
  { method: 'GET', url: '/api/v1/audit/verify', policy: 'audit-reader', expect: staffPolicy(ok(), AUDIT_READERS) },
  { method: 'GET', url: '/api/v1/openapi.json', policy: 'public', expect: everyone(ok()) },
];

/** The public pages (no cookies read, nothing to deny), with a path to try each at. */
export const PUBLIC_ROUTES: Array<{ url: string; path: string; onlyWhenBuilt?: boolean }> = [
  { url: '/healthz', path: '/healthz' },
  { url: '/readyz', path: '/readyz' },
  { url: '/g/:code', path: '/g/0363' },
  { url: '/styles/:file', path: '/styles/site.css' },
  ...['', '/ar', '/en'].flatMap((prefix) => [
    ...(prefix === ''
      ? [{ url: '/', path: '/' }]
      : [
          { url: prefix, path: prefix },
          { url: `${prefix}/`, path: `${prefix}/` },
        ]),
    { url: `${prefix}/zoek`, path: `${prefix}/zoek?q=amsterdam` },
    { url: `${prefix}/gemeente/:slug`, path: `${prefix}/gemeente/amsterdam` },
    { url: `${prefix}/gemeente/:slug/schrijf`, path: `${prefix}/gemeente/amsterdam/schrijf` },
  ]),
  { url: '/beheer', path: '/beheer' },
  { url: '/beheer/', path: '/beheer/' },
  { url: '/beheer/*', path: '/beheer/team' },
  { url: '/beheer/assets/*', path: '/beheer/assets/none.js', onlyWhenBuilt: true },
];
