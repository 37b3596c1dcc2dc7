/**
 * Signing in and getting an account: first-run setup, password, second step, invitations.
 * Every call here may legitimately answer 401 (wrong password, expired step), so none of them sends
 * the user to the sign-in page on a 401.
 */
import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { apiRequest } from './api-client.ts';
import type {
  AcceptInvitationRequest,
  InvitationView,
  SessionView,
  SetupRequest,
  SignInRequest,
} from './contract-types.ts';
import { unwrapPasskeyOptions } from './passkey-options.ts';

const answer401 = { unauthorizedIsAnswer: true } as const;

/** GET /api/v1/session — the signed-in user, or a 401 when nobody is. */
export function fetchSession(): Promise<SessionView> {
  return apiRequest('GET', '/session', answer401);
}

/** POST /api/v1/setup — the first national coordinator. */
export function completeSetup(request: SetupRequest): Promise<unknown> {
  return apiRequest('POST', '/setup', { ...answer401, body: request });
}

/** POST /api/v1/session — the password step. */
export function signInWithPassword(request: SignInRequest): Promise<unknown> {
  return apiRequest('POST', '/session', { ...answer401, body: request });
}

/** POST /api/v1/session/totp — the second step with an authenticator code. */
export function signInWithTotp(code: string): Promise<unknown> {
  return apiRequest('POST', '/session/totp', { ...answer401, body: { code } });
}

/** POST /api/v1/session/recovery-code — the second step with a single-use recovery code. */
export function signInWithRecoveryCode(code: string): Promise<unknown> {
  return apiRequest('POST', '/session/recovery-code', { ...answer401, body: { code } });
}

/** POST /api/v1/session/passkey/options — the WebAuthn challenge for the second step. */
export async function fetchPasskeySignInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return unwrapPasskeyOptions(await apiRequest('POST', '/session/passkey/options', answer401));
}

/** POST /api/v1/session/passkey — the second step with the authenticator's answer. */
export function signInWithPasskey(response: AuthenticationResponseJSON): Promise<unknown> {
  return apiRequest('POST', '/session/passkey', { ...answer401, body: { response } });
}

/** DELETE /api/v1/session — sign out. */
export function signOut(): Promise<void> {
  return apiRequest('DELETE', '/session', answer401);
}

/** GET /api/v1/invitations/{token} — who the invitation is for, without signing in. */
export function fetchInvitation(token: string): Promise<InvitationView> {
  return apiRequest('GET', `/invitations/${encodeURIComponent(token)}`, answer401);
}

/** POST /api/v1/invitations/{token}/accept — choose a password and take the account. */
export function acceptInvitation(token: string, request: AcceptInvitationRequest): Promise<unknown> {
  return apiRequest('POST', `/invitations/${encodeURIComponent(token)}/accept`, { ...answer401, body: request });
}
