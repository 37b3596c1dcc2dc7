import { createHash } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { ApiError, apiError, type ApiErrorId } from '../../http/api-errors.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { ownAccountAuditEntry, type Actor } from './actor.ts';
import { assertMayEnrol, issueRecoveryCodes } from './enrolment.service.ts';
import {
  claimPasskeyCounter,
  deletePasskey,
  findUserPasskey,
  insertPasskey,
  listUserPasskeys,
  lockUser,
  storeSessionChallenge,
  takeSessionChallenge,
} from './passkeys.repository.ts';
import { ownScope } from './sessions.service.ts';
import { finishSecondFactor, type AttemptSource, type IssuedSession } from './sign-in.service.ts';
import { findSecondFactors } from './users.repository.ts';

/** A challenge is valid this long after its options were issued (and only once). */
export const CHALLENGE_TTL_MS = 5 * 60_000;
const TRANSPORTS = new Set(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

/** Who the passkeys are for: the site's host name (the RP ID) and its exact origin. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

/**
 * The relying party of PUBLIC_BASE_URL. Browsers accept `localhost` over plain http, but no IP
 * address as RP ID: the back office must be reached by the host name in PUBLIC_BASE_URL.
 */
export function relyingPartyOf(publicBaseUrl: string): RelyingParty {
  const url = new URL(publicBaseUrl);
  return { id: url.hostname, name: 'opendeur', origin: url.origin };
}

/** The id the API uses for a passkey: short and URL-safe, whatever the length of the credential id. */
export function passkeyHandle(credentialId: string): string {
  return createHash('sha256').update(credentialId).digest('base64url').slice(0, 22);
}

/** Starts adding a passkey: creation options, with the challenge kept on the session. */
export async function startPasskeyRegistration(
  db: Database,
  actor: Actor,
  rp: RelyingParty,
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  await assertMayEnrol(db, actor);
  const existing = await inTenant(db, ownScope(actor.municipalityCode), (tx) => listUserPasskeys(tx, actor.userId));
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: actor.email,
    userDisplayName: actor.displayName,
    userID: userHandleOf(actor.userId),
    timeout: CHALLENGE_TTL_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await keepChallenge(db, actor, 'register', options.challenge, now);
  return options;
}

/**
 * Verifies and stores a new passkey. Returns new recovery codes when the user had none left
 * (shown once), else an empty list.
 */
export async function finishPasskeyRegistration(
  db: Database,
  actor: Actor,
  rp: RelyingParty,
  request: { response: Record<string, unknown>; name: string },
  now: Date,
): Promise<string[]> {
  await assertMayEnrol(db, actor);
  const challenge = await takeChallenge(db, actor, 'register', now);
  if (!challenge) throw apiError('passkey.challenge_missing');
  const verification = await verifyRegistrationResponse({
    response: request.response as unknown as RegistrationResponseJSON,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    // A second factor after a password: presence is enough, a PIN or fingerprint is welcome but not required.
    requireUserVerification: false,
  }).catch((error: unknown) => {
    throw rejection('passkey.registration_failed', error);
  });
  if (!verification.verified) throw rejection('passkey.registration_failed', 'not verified');
  const { credential } = verification.registrationInfo;
  const handle = passkeyHandle(credential.id);
  return inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
    await lockUser(tx, actor.userId);
    const stored = await insertPasskey(tx, {
      credentialId: credential.id,
      userId: actor.userId,
      municipalityCode: actor.municipalityCode,
      publicKey: Buffer.from(credential.publicKey),
      counter: credential.counter,
      transports: (credential.transports ?? []).filter((transport) => TRANSPORTS.has(transport)),
      name: request.name,
      now,
    });
    if (!stored) throw apiError('passkey.already_registered');
    await appendAudit(tx, ownAccountAuditEntry(actor, 'second_factor.passkey_enrolled', { passkey: handle }));
    const factors = await findSecondFactors(tx, actor.userId);
    return factors && factors.recoveryCodesLeft > 0 ? [] : issueRecoveryCodes(tx, actor);
  });
}

/** The user's passkeys for the account page. */
export async function listPasskeys(db: Database, actor: Actor) {
  const passkeys = await inTenant(db, ownScope(actor.municipalityCode), (tx) => listUserPasskeys(tx, actor.userId));
  return passkeys.map((passkey) => ({
    id: passkeyHandle(passkey.credentialId),
    name: passkey.name,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
  }));
}

/** Removes a passkey, unless it is the user's last second factor (recovery codes alone do not count). */
export async function removePasskey(db: Database, actor: Actor, handle: string): Promise<void> {
  await inTenant(db, ownScope(actor.municipalityCode), async (tx) => {
    await lockUser(tx, actor.userId);
    const passkeys = await listUserPasskeys(tx, actor.userId);
    const target = passkeys.find((passkey) => passkeyHandle(passkey.credentialId) === handle);
    if (!target) throw apiError('passkey.not_found');
    const factors = await findSecondFactors(tx, actor.userId);
    if (!factors?.totpConfirmedAt && passkeys.length === 1) throw apiError('passkey.last_second_factor');
    await deletePasskey(tx, actor.userId, target.credentialId);
    await appendAudit(tx, ownAccountAuditEntry(actor, 'second_factor.passkey_removed', { passkey: handle }));
  });
}

/** Sign-in, step two: request options for the user's own passkeys, with the challenge kept on the session. */
export async function startPasskeySignIn(
  db: Database,
  actor: Actor,
  rp: RelyingParty,
  now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const passkeys = await inTenant(db, ownScope(actor.municipalityCode), (tx) => listUserPasskeys(tx, actor.userId));
  if (passkeys.length === 0) throw apiError('second_factor.not_enrolled');
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
    userVerification: 'preferred',
    timeout: CHALLENGE_TTL_MS,
  });
  await keepChallenge(db, actor, 'sign-in', options.challenge, now);
  return options;
}

/**
 * Sign-in, step two, with a passkey: the assertion must answer this session's challenge, come from
 * one of the user's own passkeys, carry a valid signature and a counter that moved forward. Every
 * failure counts against the account's throttle.
 */
export async function completeWithPasskey(
  db: Database,
  actor: Actor,
  rp: RelyingParty,
  response: Record<string, unknown>,
  source: AttemptSource,
  now: Date,
): Promise<IssuedSession> {
  const outcome = await checkAssertion(db, actor, rp, response as unknown as AuthenticationResponseJSON, now);
  const failure = outcome.accepted ? 'passkey.invalid' : outcome.failure;
  try {
    return await finishSecondFactor(db, actor, outcome.accepted, 'passkey', failure, source, now);
  } catch (error) {
    if (error instanceof ApiError && !outcome.accepted) error.cause = outcome.reason;
    throw error;
  }
}

type AssertionOutcome = { accepted: true } | { accepted: false; failure: ApiErrorId; reason: string };

async function checkAssertion(
  db: Database,
  actor: Actor,
  rp: RelyingParty,
  response: AuthenticationResponseJSON,
  now: Date,
): Promise<AssertionOutcome> {
  const challenge = await takeChallenge(db, actor, 'sign-in', now);
  if (!challenge) return { accepted: false, failure: 'passkey.challenge_missing', reason: 'no pending challenge' };
  const credentialId = typeof response.id === 'string' ? response.id : '';
  return inTenant(db, ownScope(actor.municipalityCode), async (tx): Promise<AssertionOutcome> => {
    const passkey = credentialId ? await findUserPasskey(tx, actor.userId, credentialId) : undefined;
    if (!passkey)
      return { accepted: false, failure: 'passkey.unknown_credential', reason: 'not a passkey of this user' };
    try {
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(passkey.publicKey),
          counter: passkey.counter,
          transports: passkey.transports,
        },
        requireUserVerification: false,
      });
      if (!verification.verified) return { accepted: false, failure: 'passkey.invalid', reason: 'signature not valid' };
      const { newCounter } = verification.authenticationInfo;
      if (!(await claimPasskeyCounter(tx, actor.userId, passkey.credentialId, newCounter, now))) {
        return { accepted: false, failure: 'passkey.invalid', reason: 'counter did not move forward' };
      }
      return { accepted: true };
    } catch (error) {
      return { accepted: false, failure: 'passkey.invalid', reason: reasonOf(error) };
    }
  });
}

type ChallengePurpose = 'register' | 'sign-in';

/** Keeps a challenge on the session as `purpose.issuedAtMs.challenge`; a newer one replaces it. */
async function keepChallenge(db: Database, actor: Actor, purpose: ChallengePurpose, challenge: string, now: Date) {
  await inTenant(db, ownScope(actor.municipalityCode), (tx) =>
    storeSessionChallenge(tx, actor.session.tokenHash, `${purpose}.${now.getTime()}.${challenge}`),
  );
}

/**
 * Takes the session's challenge in a transaction of its own, so that it is gone even when what
 * follows fails: every challenge is answered at most once. Undefined when there is none, it is for
 * the other ceremony, or it is too old.
 */
async function takeChallenge(
  db: Database,
  actor: Actor,
  purpose: ChallengePurpose,
  now: Date,
): Promise<string | undefined> {
  const stored = await inTenant(db, ownScope(actor.municipalityCode), (tx) =>
    takeSessionChallenge(tx, actor.session.tokenHash),
  );
  const [storedPurpose, issuedAt, challenge] = stored?.split('.') ?? [];
  const age = now.getTime() - Number(issuedAt);
  if (storedPurpose !== purpose || !challenge || !(age >= 0 && age <= CHALLENGE_TTL_MS)) return undefined;
  return challenge;
}

/** WebAuthn's user handle for a user: the 16 bytes of the user's UUID (no personal data). */
function userHandleOf(userId: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(userId.replaceAll('-', ''), 'hex'));
}

/** An API error that remembers why the verification refused (for the log, never for the client). */
function rejection(id: ApiErrorId, reason: unknown): ApiError {
  const error = apiError(id);
  error.cause = reasonOf(reason);
  return error;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
