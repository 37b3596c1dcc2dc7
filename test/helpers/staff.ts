import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { SessionView, StaffRole } from '../../src/modules/accounts/accounts.schema.ts';
import { currentTotp } from '../../src/modules/accounts/totp.ts';
import { ApiClient } from './api-client.ts';
import type { TestApp } from './app.ts';
import type { TestClock } from './clock.ts';
import type { TestMailbox } from './smtp.ts';

/** A staff member made through the API, signed in with a full session in `client`. */
export interface StaffMember {
  client: ApiClient;
  userId: string;
  email: string;
  password: string;
  municipalityCode: string | null;
  roles: StaffRole[];
  totpSecret: string;
  recoveryCodes: string[];
}

/** A strong password nobody else has (and that holds no e-mail address). */
export function strongPassword(): string {
  return `Deur ${randomBytes(9).toString('base64url')} open`;
}

/** The token in a link such as `…/beheer/uitnodiging#token=…`. */
export function tokenFromLink(text: string, path: string): string {
  const match = new RegExp(`${path.replace(/\//g, '\\/')}#token=([\\w-]+)`).exec(text);
  assert.ok(match, `no ${path}#token=… link in: ${text}`);
  return match[1]!;
}

/**
 * The code the authenticator app shows. The clock moves on 30 s first, so the code belongs to a
 * time step not used before (the server refuses a step twice).
 */
export function nextTotp(secret: string, clock: TestClock): string {
  clock.advance(30_000);
  return currentTotp(secret, clock().getTime());
}

/** Enrols an authenticator app in `client`'s session; answers its secret and the recovery codes. */
export async function enrolTotp(
  client: ApiClient,
  clock: TestClock,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const started = await client.post<{ secret: string }>('/api/v1/account/totp');
  assert.equal(started.status, 200, started.text);
  const secret = started.body.secret;
  const confirmed = await client.post<{ recoveryCodes: string[] }>('/api/v1/account/totp/confirm', {
    code: nextTotp(secret, clock),
  });
  assert.equal(confirmed.status, 200, confirmed.text);
  return { secret, recoveryCodes: confirmed.body.recoveryCodes };
}

/** First run: the national coordinator from the setup link, with TOTP enrolled. */
export async function setUpFirstCoordinator(
  app: TestApp,
  clock: TestClock,
  email = 'landelijk@example.org',
): Promise<StaffMember> {
  assert.ok(app.server.setupUrl, 'a first run prints a setup link');
  const token = tokenFromLink(app.server.setupUrl, '/beheer/setup');
  const client = new ApiClient(app.baseUrl);
  const password = strongPassword();
  const setup = await client.post<SessionView>('/api/v1/setup', {
    token,
    email,
    displayName: 'Landelijk Coördinator',
    password,
  });
  assert.equal(setup.status, 200, setup.text);
  const { secret, recoveryCodes } = await enrolTotp(client, clock);
  return {
    client,
    userId: setup.body.user.id,
    email,
    password,
    municipalityCode: null,
    roles: ['national_coordinator'],
    totpSecret: secret,
    recoveryCodes,
  };
}

/** What an invitation is for. */
export interface Invitee {
  email: string;
  displayName?: string;
  municipalityCode: string | null;
  roles: StaffRole[];
}

/** `inviter` invites; answers the token from the e-mail the SMTP server received. */
export async function invite(inviter: StaffMember, mailbox: TestMailbox, invitee: Invitee): Promise<string> {
  const response = await inviter.client.post('/api/v1/invitations', {
    email: invitee.email,
    displayName: invitee.displayName ?? invitee.email.split('@')[0],
    municipalityCode: invitee.municipalityCode,
    roles: invitee.roles,
  });
  assert.equal(response.status, 200, response.text);
  const mail = await mailbox.waitForMail(invitee.email);
  return tokenFromLink(mail.text, '/beheer/uitnodiging');
}

/** Accepts an invitation in a new client and enrols TOTP: a staff member with a full session. */
export async function acceptAndEnrol(
  app: TestApp,
  clock: TestClock,
  token: string,
  invitee: Invitee,
): Promise<StaffMember> {
  const client = new ApiClient(app.baseUrl);
  const password = strongPassword();
  const accepted = await client.post<SessionView>(`/api/v1/invitations/${token}/accept`, { password });
  assert.equal(accepted.status, 200, accepted.text);
  assert.equal(accepted.body.stage, 'password');
  const { secret, recoveryCodes } = await enrolTotp(client, clock);
  return {
    client,
    userId: accepted.body.user.id,
    email: invitee.email,
    password,
    municipalityCode: invitee.municipalityCode,
    roles: invitee.roles,
    totpSecret: secret,
    recoveryCodes,
  };
}

/** Invites, accepts and enrols in one go. */
export async function addStaff(
  app: TestApp,
  clock: TestClock,
  mailbox: TestMailbox,
  inviter: StaffMember,
  invitee: Invitee,
) {
  return acceptAndEnrol(app, clock, await invite(inviter, mailbox, invitee), invitee);
}

/** Signs `member` in afresh in a new client (password, then a TOTP code); answers the client. */
export async function signIn(
  app: TestApp,
  clock: TestClock,
  member: Pick<StaffMember, 'email' | 'password' | 'totpSecret'>,
  client = new ApiClient(app.baseUrl),
) {
  const password = await client.post('/api/v1/session', { email: member.email, password: member.password });
  assert.equal(password.status, 200, password.text);
  const totp = await client.post<SessionView>('/api/v1/session/totp', { code: nextTotp(member.totpSecret, clock) });
  assert.equal(totp.status, 200, totp.text);
  assert.equal(totp.body.stage, 'full');
  return client;
}
