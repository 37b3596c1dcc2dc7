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
/** The 'responder' policy: a municipality's responders and coordinator, never national staff. */
const RESPONDERS = ['amsterdamCoordinator', 'amsterdamResponder', 'rotterdamCoordinator'] as const;
/** A conversation id nobody has: admitted callers get 404, the rest are stopped by the policy first. */
/** The front desk screen: front-desk staff, responders and municipal coordinators. */
const FRONT_DESK = [...RESPONDERS, 'amsterdamFrontDesk'] as const;
const NO_CONVERSATION = '/api/v1/conversations/00000000-0000-4000-8000-000000000000';
const NOT_FOUND = error(404, 'conversation.not_found');
const FAKE_TOKEN = 'x'.repeat(43);
/** An id nothing has (programme rows). */
const NO_ID = '00000000-0000-4000-8000-000000000000';
const NOT_OWN = error(403, 'programme.not_own_municipality');
const NOT_OWN_ROSTER = error(403, 'roster.not_own_municipality');

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
  { method: 'GET', url: '/api/v1/conversations', policy: 'responder', expect: staffPolicy(ok(), RESPONDERS) },
  {
    method: 'GET',
    url: '/api/v1/conversations/assignees',
    policy: 'responder',
    expect: staffPolicy(ok(), RESPONDERS),
  },
  {
    method: 'GET',
    url: '/api/v1/conversations/events',
    policy: 'responder',
    stream: true,
    expect: staffPolicy(ok(), RESPONDERS),
  },
  {
    method: 'GET',
    url: '/api/v1/conversations/:id',
    policy: 'responder',
    request: () => ({ path: NO_CONVERSATION }),
    expect: staffPolicy(NOT_FOUND, RESPONDERS),
  },
  ...(['replies', 'notes'] as const).map((action): MatrixRow => ({
    method: 'POST',
    url: `/api/v1/conversations/:id/${action}`,
    policy: 'responder',
    request: () => ({ path: `${NO_CONVERSATION}/${action}`, body: { body: 'Hallo' } }),
    expect: staffPolicy(NOT_FOUND, RESPONDERS),
  })),
  {
    method: 'POST',
    url: '/api/v1/conversations/:id/assign',
    policy: 'responder',
    request: () => ({ path: `${NO_CONVERSATION}/assign`, body: { userId: null } }),
    expect: staffPolicy(NOT_FOUND, RESPONDERS),
  },
  ...(['close', 'reopen'] as const).map((action): MatrixRow => ({
    method: 'POST',
    url: `/api/v1/conversations/:id/${action}`,
    policy: 'responder',
    request: () => ({ path: `${NO_CONVERSATION}/${action}` }),
    expect: staffPolicy(NOT_FOUND, RESPONDERS),
  })),
  // Cases: the policy admits a municipality's responders and coordinator; on a case nobody has they get 404.
  { method: 'GET', url: '/api/v1/cases', policy: 'responder', expect: staffPolicy(ok(), RESPONDERS) },
  {
    method: 'POST',
    url: '/api/v1/cases',
    policy: 'responder',
    request: () => ({ body: { origin: 'manual' } }),
    expect: staffPolicy(ok(201), RESPONDERS),
  },
  ...(['classification', 'assignees'] as const).map((list): MatrixRow => ({
    method: 'GET',
    url: `/api/v1/cases/${list}`,
    policy: 'responder',
    expect: staffPolicy(ok(), RESPONDERS),
  })),
  {
    method: 'POST',
    url: '/api/v1/conversations/:id/case',
    policy: 'responder',
    request: () => ({ path: `${NO_CONVERSATION}/case` }),
    expect: staffPolicy(NOT_FOUND, RESPONDERS),
  },
  ...(
    [
      ['GET', '', undefined],
      ['PATCH', '', { summary: 'Kort' }],
      ['POST', '/status', { status: 'in_progress' }],
      ['POST', '/assignees', { userId: NO_ID }],
      ['DELETE', `/assignees/:userId`, undefined],
      ['POST', '/events', { kind: 'note', text: 'Notitie' }],
      ['PUT', '/consent', { consent: 'given' }],
      ['PUT', '/classification', { category: 'school' }],
      ['POST', '/break-glass', { reason: 'Een reden van minstens twintig tekens.' }],
    ] as const
  ).map(([method, suffix, body]): MatrixRow => ({
    method,
    url: `/api/v1/cases/:id${suffix}`,
    policy: 'responder',
    request: () => ({ path: `/api/v1/cases/${NO_ID}${suffix.replace(':userId', NO_ID)}`, body }),
    expect: staffPolicy(error(404, 'case.not_found'), RESPONDERS),
  })),
  // The Meldcode of a case nobody has: admitted callers get 404 from openCase.
  {
    method: 'GET',
    url: '/api/v1/cases/:id/meldcode',
    policy: 'responder',
    request: () => ({ path: `/api/v1/cases/${NO_ID}/meldcode` }),
    expect: staffPolicy(error(404, 'case.not_found'), RESPONDERS),
  },
  {
    method: 'POST',
    url: '/api/v1/cases/:id/meldcode/:step',
    policy: 'responder',
    request: () => ({
      path: `/api/v1/cases/${NO_ID}/meldcode/1`,
      body: { answers: { acute_danger: false }, decision: 'signals_mapped' },
    }),
    expect: staffPolicy(error(404, 'case.not_found'), RESPONDERS),
  },
  // Follow-up tasks, legal hold, export and case settings; on a case nobody has admitted callers get 404.
  ...(
    [
      ['GET', '/tasks', undefined],
      ['POST', '/tasks', { title: 'Nabellen', dueAt: '2030-01-01T09:00:00Z' }],
      ['POST', '/tasks/:taskId/done', undefined],
      ['GET', '/export.pdf', undefined],
    ] as const
  ).map(([method, suffix, body]): MatrixRow => ({
    method,
    url: `/api/v1/cases/:id${suffix}`,
    policy: 'responder',
    request: () => ({ path: `/api/v1/cases/${NO_ID}${suffix.replace(':taskId', NO_ID)}`, body }),
    expect: staffPolicy(error(404, 'case.not_found'), RESPONDERS),
  })),
  // A legal hold is the coordinator's: a responder is refused before the case is looked up.
  ...(
    [
      ['PUT', { reason: 'Verzoek van de rechtbank' }],
      ['DELETE', undefined],
    ] as const
  ).map(([method, body]): MatrixRow => ({
    method,
    url: '/api/v1/cases/:id/legal-hold',
    policy: 'responder',
    request: () => ({ path: `/api/v1/cases/${NO_ID}/legal-hold`, body }),
    expect: staffPolicy(error(404, 'case.not_found'), RESPONDERS, { amsterdamResponder: FORBIDDEN }),
  })),
  { method: 'GET', url: '/api/v1/case-settings', policy: 'responder', expect: staffPolicy(ok(), RESPONDERS) },
  {
    method: 'PUT',
    url: '/api/v1/case-settings',
    policy: 'responder',
    request: () => ({ body: { retentionMonthsReferred: 240, retentionMonthsOther: 60, staleAfterDays: 7 } }),
    expect: staffPolicy(ok(), RESPONDERS, { amsterdamResponder: FORBIDDEN }),
  },
  // Issue 7: toolkit, stickers, sticker orders, QR visits.
  { method: 'GET', url: '/api/v1/toolkit', policy: 'staff', expect: staffPolicy(ok()) },
  {
    method: 'GET',
    url: '/api/v1/toolkit/:slug',
    policy: 'staff',
    request: () => ({ path: '/api/v1/toolkit/baliekaart' }),
    expect: staffPolicy(ok()),
  },
  {
    method: 'PUT',
    url: '/api/v1/toolkit/:slug',
    policy: 'national',
    request: () => ({ path: '/api/v1/toolkit/baliekaart', body: { title: 'x', markdown: '', baseVersion: 1 } }),
    expect: staffPolicy(error(400, 'request.invalid'), ['national']),
  },
  {
    method: 'GET',
    url: '/api/v1/toolkit/:slug/versions',
    policy: 'staff',
    request: () => ({ path: '/api/v1/toolkit/baliekaart/versions' }),
    expect: staffPolicy(ok()),
  },
  {
    method: 'GET',
    url: '/api/v1/toolkit/:slug/versions/:version',
    policy: 'staff',
    request: () => ({ path: '/api/v1/toolkit/baliekaart/versions/1' }),
    expect: staffPolicy(ok()),
  },
  {
    method: 'GET',
    url: '/api/v1/stickers/:code/sticker.pdf',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/stickers/GM0363/sticker.pdf?lang=fr' }),
    expect: staffPolicy(error(400, 'request.invalid'), COORDINATORS),
  },
  {
    method: 'GET',
    url: '/api/v1/stickers/:code/poster.pdf',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/stickers/GM9999/poster.pdf' }),
    expect: staffPolicy(error(404, 'sticker.unknown_municipality'), COORDINATORS, {
      rotterdamCoordinator: FORBIDDEN,
      amsterdamCoordinator: FORBIDDEN,
    }),
  },
  { method: 'GET', url: '/api/v1/sticker-orders', policy: 'coordinator', expect: staffPolicy(ok(), COORDINATORS) },
  {
    method: 'POST',
    url: '/api/v1/sticker-orders',
    policy: 'coordinator',
    request: () => ({ body: { stickers: 0, posters: 0 } }),
    expect: staffPolicy(error(400, 'request.invalid'), COORDINATORS),
  },
  {
    method: 'POST',
    url: '/api/v1/sticker-orders/:id/status',
    policy: 'national',
    request: () => ({
      path: '/api/v1/sticker-orders/00000000-0000-4000-8000-000000000000/status',
      body: { status: 'approved' },
    }),
    expect: staffPolicy(error(404, 'sticker_order.not_found'), ['national']),
  },
  {
    method: 'GET',
    url: '/api/v1/qr-visits',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/qr-visits?municipality=GM0363' }),
    expect: staffPolicy(ok(), COORDINATORS, { rotterdamCoordinator: FORBIDDEN }),
  },
  { method: 'GET', url: '/api/v1/openapi.json', policy: 'public', expect: everyone(ok()) },
  // On-call alerts: acknowledging needs the token from the e-mail; an unknown one is a 404 page.
  {
    method: 'POST',
    url: '/alerts/bevestig',
    policy: 'public',
    request: () => ({ body: { token: FAKE_TOKEN } }),
    expect: everyone(ok(404)),
  },
  // Referrals: the receiving party's link needs the token from the e-mail; an unknown one is a 404 page.
  ...(['bevestigen', 'terugkoppeling'] as const).map((action): MatrixRow => ({
    method: 'POST',
    url: `/verwijzing/${action}`,
    policy: 'public',
    request: () => ({ body: { token: FAKE_TOKEN, feedback: 'Ontvangen' } }),
    expect: everyone(ok(404)),
  })),
  // The directory: the team reads it, only the coordinator writes (checked in the service).
  { method: 'GET', url: '/api/v1/referral-parties', policy: 'responder', expect: staffPolicy(ok(), RESPONDERS) },
  {
    method: 'POST',
    url: '/api/v1/referral-parties',
    policy: 'responder',
    request: () => ({ body: { name: 'Wijkteam Matrix', kind: 'wijkteam' } }),
    expect: staffPolicy(ok(), RESPONDERS, { amsterdamResponder: FORBIDDEN }),
  },
  {
    method: 'PUT',
    url: '/api/v1/referral-parties/:id',
    policy: 'responder',
    request: () => ({
      path: `/api/v1/referral-parties/${NO_ID}`,
      body: { name: 'Wijkteam Matrix', kind: 'wijkteam', active: true },
    }),
    expect: staffPolicy(error(404, 'referral_party.not_found'), RESPONDERS, { amsterdamResponder: FORBIDDEN }),
  },
  // A case's referrals: on a case nobody has, admitted callers get 404.
  ...(
    [
      ['GET', '', undefined],
      ['POST', '', { kind: 'police' }],
      ['POST', `/${NO_ID}/send`, {}],
    ] as const
  ).map(([method, suffix, body]): MatrixRow => ({
    method,
    url: `/api/v1/cases/:id/referrals${suffix.replace(NO_ID, ':referralId')}`,
    policy: 'responder',
    request: () => ({ path: `/api/v1/cases/${NO_ID}/referrals${suffix}`, body }),
    expect: staffPolicy(error(404, 'case.not_found'), RESPONDERS),
  })),
  { method: 'GET', url: '/api/v1/alerts', policy: 'responder', expect: staffPolicy(ok(), RESPONDERS) },
  {
    method: 'GET',
    url: '/api/v1/alerts/events',
    policy: 'responder',
    stream: true,
    expect: staffPolicy(ok(), RESPONDERS),
  },
  {
    method: 'POST',
    url: '/api/v1/alerts/:id/acknowledge',
    policy: 'responder',
    request: () => ({ path: `/api/v1/alerts/${NO_ID}/acknowledge` }),
    expect: staffPolicy(error(404, 'alert.not_found'), RESPONDERS),
  },
  { method: 'GET', url: '/api/v1/front-desk', policy: 'staff', expect: staffPolicy(ok(), FRONT_DESK) },
  {
    method: 'POST',
    url: '/api/v1/front-desk/contacts',
    policy: 'staff',
    request: () => ({ body: { kind: 'walk_in' } }),
    expect: staffPolicy(ok(), FRONT_DESK),
  },
  // The child's forms: public, no session, no CSRF token (they read no cookie). Amsterdam does not
  // take part in this world, so every form leads back to its page.
  ...['', '/ar', '/en'].flatMap((prefix) =>
    ['schrijf', 'lees', 'lees/antwoord', 'lees/verwijder'].map((action): MatrixRow => ({
      method: 'POST',
      url: `${prefix}/gemeente/:slug/${action}`,
      policy: 'public',
      request: () => ({ path: `${prefix}/gemeente/amsterdam/${action}`, body: {} }),
      expect: everyone(ok(303)),
    })),
  ),
  // Enrolment: public forms without cookies; an empty form is answered with its errors.
  ...['', '/ar', '/en'].flatMap((prefix) =>
    ['aanmelden', 'aanmelden/bevestig'].map((action): MatrixRow => ({
      method: 'POST',
      url: `${prefix}/${action}`,
      policy: 'public',
      request: () => ({ path: `${prefix}/${action}`, body: {} }),
      expect: everyone(ok(400)),
    })),
  ),
  // The programme: applications are the national coordinator's; checklist and settings per municipality.
  { method: 'GET', url: '/api/v1/programme/applications', policy: 'national', expect: staffPolicy(ok(), ['national']) },
  ...(
    [
      ['phone-check', { note: 'gebeld' }],
      ['approve', undefined],
      ['reject', { reason: 'geen gemeente' }],
    ] as const
  ).map(([action, body]): MatrixRow => ({
    method: 'POST',
    url: `/api/v1/programme/applications/:id/${action}`,
    policy: 'national',
    request: () => ({ path: `/api/v1/programme/applications/${NO_ID}/${action}`, ...(body ? { body } : {}) }),
    expect: staffPolicy(error(404, 'programme.application_not_found'), ['national']),
  })),
  {
    method: 'GET',
    url: '/api/v1/programme/readiness-items',
    policy: 'coordinator',
    expect: staffPolicy(ok(), COORDINATORS),
  },
  {
    method: 'POST',
    url: '/api/v1/programme/readiness-items',
    policy: 'national',
    request: () => ({ body: {} }),
    expect: staffPolicy(error(400, 'request.invalid'), ['national']),
  },
  {
    method: 'PUT',
    url: '/api/v1/programme/readiness-items/:id',
    policy: 'national',
    request: () => ({
      path: `/api/v1/programme/readiness-items/${NO_ID}`,
      body: { title: 'Nieuw punt', description: '', position: 9, active: true },
    }),
    expect: staffPolicy(error(404, 'programme.readiness_item_not_found'), ['national']),
  },
  {
    method: 'GET',
    url: '/api/v1/programme/readiness/:code',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/programme/readiness/GM0363' }),
    expect: staffPolicy(ok(), COORDINATORS, { rotterdamCoordinator: NOT_OWN }),
  },
  ...(['PUT', 'DELETE'] as const).map((method): MatrixRow => ({
    method,
    url: '/api/v1/programme/readiness/:code/items/:itemId',
    policy: 'coordinator',
    request: () => ({
      path: `/api/v1/programme/readiness/GM0363/items/${NO_ID}`,
      ...(method === 'PUT' ? { body: {} } : {}),
    }),
    // Only the municipality's own coordinator ticks; the national coordinator watches.
    expect: staffPolicy(error(404, 'programme.readiness_item_not_found'), COORDINATORS, {
      national: NOT_OWN,
      rotterdamCoordinator: NOT_OWN,
    }),
  })),
  {
    method: 'GET',
    url: '/api/v1/programme/readiness/:code/items/:itemId/photo',
    policy: 'coordinator',
    request: () => ({ path: `/api/v1/programme/readiness/GM0363/items/${NO_ID}/photo` }),
    expect: staffPolicy(error(404, 'not_found'), COORDINATORS, { rotterdamCoordinator: NOT_OWN }),
  },
  // The roster: the municipality's own coordinator edits, the national coordinator reads and overrides.
  {
    method: 'GET',
    url: '/api/v1/roster/:code',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/roster/GM0363' }),
    expect: staffPolicy(ok(), COORDINATORS, { rotterdamCoordinator: NOT_OWN_ROSTER }),
  },
  {
    method: 'GET',
    url: '/api/v1/roster/:code/figures',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/roster/GM0363/figures' }),
    expect: staffPolicy(ok(), COORDINATORS, { rotterdamCoordinator: NOT_OWN_ROSTER }),
  },
  ...(
    [
      ['PUT', 'shifts', { shifts: [{ weekday: 1, startMinute: 0, endMinute: 60, userId: NO_ID, role: 'on_duty' }] }],
      [
        'POST',
        'exceptions',
        { userId: NO_ID, replacementUserId: null, startsLocal: '2026-12-24 00:00', endsLocal: '2026-12-25 00:00' },
      ],
      ['PUT', 'chain', { userIds: [NO_ID] }],
      [
        'PUT',
        'settings',
        {
          escalationMinutes: 10,
          responseTargetMinutes: 30,
          fallbackAgreed: null,
          phones: [{ userId: NO_ID, phone: null }],
        },
      ],
    ] as const
  ).map(([method, part, body]): MatrixRow => ({
    method,
    url: `/api/v1/roster/:code/${part}`,
    policy: 'coordinator',
    request: () => ({ path: `/api/v1/roster/GM0363/${part}`, body }),
    expect: staffPolicy(error(400, 'roster.member_invalid'), COORDINATORS, {
      national: NOT_OWN_ROSTER,
      rotterdamCoordinator: NOT_OWN_ROSTER,
    }),
  })),
  {
    method: 'DELETE',
    url: '/api/v1/roster/:code/exceptions/:id',
    policy: 'coordinator',
    request: () => ({ path: `/api/v1/roster/GM0363/exceptions/${NO_ID}` }),
    expect: staffPolicy(error(404, 'roster.exception_not_found'), COORDINATORS, {
      national: NOT_OWN_ROSTER,
      rotterdamCoordinator: NOT_OWN_ROSTER,
    }),
  },
  {
    method: 'PUT',
    url: '/api/v1/roster/:code/coverage-override',
    policy: 'national',
    request: () => ({ path: '/api/v1/roster/GM0363/coverage-override', body: { reason: null } }),
    expect: staffPolicy(ok(204), ['national']),
  },
  {
    method: 'GET',
    url: '/api/v1/programme/settings/:code',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/programme/settings/GM0363' }),
    expect: staffPolicy(ok(), COORDINATORS, { rotterdamCoordinator: NOT_OWN }),
  },
  ...(
    [
      ['PUT', 'contact', { phone: 'geen nummer' }, 'programme.phone_invalid'],
      ['PUT', 'appearance', { accentColour: '#ffff00', languages: [] }, 'programme.contrast_too_low'],
      ['PUT', 'logo', { image: 'aGFsbG8=' }, 'programme.logo_invalid'],
    ] as const
  ).map(([method, part, body, id]): MatrixRow => ({
    method,
    url: `/api/v1/programme/settings/:code/${part}`,
    policy: 'coordinator',
    request: () => ({ path: `/api/v1/programme/settings/GM0363/${part}`, body }),
    expect: staffPolicy(error(400, id), COORDINATORS, { rotterdamCoordinator: NOT_OWN }),
  })),
  {
    method: 'DELETE',
    url: '/api/v1/programme/settings/:code/logo',
    policy: 'coordinator',
    request: () => ({ path: '/api/v1/programme/settings/GM0363/logo' }),
    expect: staffPolicy(ok(204), COORDINATORS, { rotterdamCoordinator: NOT_OWN }),
  },
  // Testimonials: only the national coordinator.
  { method: 'GET', url: '/api/v1/testimonials', policy: 'national', expect: staffPolicy(ok(), ['national']) },
  {
    method: 'POST',
    url: '/api/v1/testimonials',
    policy: 'national',
    request: () => ({ body: {} }),
    expect: staffPolicy(error(400, 'request.invalid'), ['national']),
  },
  {
    method: 'PUT',
    url: '/api/v1/testimonials/:id',
    policy: 'national',
    request: () => ({
      path: `/api/v1/testimonials/${NO_ID}`,
      body: {
        municipalityCode: 'GM0363',
        mayorName: 'A. Burgemeester',
        quote: 'De deur staat open.',
        publishFrom: '2026-01-01',
      },
    }),
    expect: staffPolicy(error(404, 'testimonial.not_found'), ['national']),
  },
  ...(['publish', 'withdraw'] as const).map((action): MatrixRow => ({
    method: 'POST',
    url: `/api/v1/testimonials/:id/${action}`,
    policy: 'national',
    request: () => ({ path: `/api/v1/testimonials/${NO_ID}/${action}` }),
    expect: staffPolicy(error(404, 'testimonial.not_found'), ['national']),
  })),
];

/** The public pages (no cookies read, nothing to deny), with a path to try each at. */
export const PUBLIC_ROUTES: Array<{ url: string; path: string; onlyWhenBuilt?: boolean }> = [
  { url: '/healthz', path: '/healthz' },
  { url: '/readyz', path: '/readyz' },
  { url: '/g/:code', path: '/g/0363' },
  { url: '/styles/:file', path: '/styles/site.css' },
  { url: '/styles/gemeente/:file', path: '/styles/gemeente/GM0363.css' },
  { url: '/gemeente/:slug/logo', path: '/gemeente/amsterdam/logo' },
  { url: '/getuigenissen/:id/foto', path: `/getuigenissen/${NO_ID}/foto` },
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
    { url: `${prefix}/gemeente/:slug/lees`, path: `${prefix}/gemeente/amsterdam/lees` },
    { url: `${prefix}/wie-doet-mee`, path: `${prefix}/wie-doet-mee` },
    { url: `${prefix}/aanmelden`, path: `${prefix}/aanmelden` },
    { url: `${prefix}/aanmelden/bevestig`, path: `${prefix}/aanmelden/bevestig?token=${FAKE_TOKEN}` },
  ]),
  { url: '/alerts/bevestig', path: `/alerts/bevestig?token=${FAKE_TOKEN}` },
  { url: '/verwijzing', path: `/verwijzing?token=${FAKE_TOKEN}` },
  { url: '/beheer', path: '/beheer' },
  { url: '/beheer/', path: '/beheer/' },
  { url: '/beheer/*', path: '/beheer/team' },
  { url: '/beheer/assets/*', path: '/beheer/assets/none.js', onlyWhenBuilt: true },
];
