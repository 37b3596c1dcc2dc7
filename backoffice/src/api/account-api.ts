/** The signed-in user's own account: password, second factors, recovery codes, sessions. */
import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/browser';
import { apiRequest } from './api-client.ts';
import type {
  ChangePasswordRequest,
  PasskeyList,
  RecoveryCodesView,
  SessionList,
  TotpEnrolment,
} from './contract-types.ts';
import { unwrapPasskeyOptions } from './passkey-options.ts';

/** POST /api/v1/account/password */
export function changePassword(request: ChangePasswordRequest): Promise<unknown> {
  return apiRequest('POST', '/account/password', { body: request });
}

/** POST /api/v1/account/totp — start (or restart) authenticator-app enrolment. */
export function startTotpEnrolment(): Promise<TotpEnrolment> {
  return apiRequest('POST', '/account/totp');
}

/** POST /api/v1/account/totp/confirm — finish it; may answer with new recovery codes. */
export function confirmTotpEnrolment(code: string): Promise<Partial<RecoveryCodesView> | undefined> {
  return apiRequest('POST', '/account/totp/confirm', { body: { code } });
}

/** GET /api/v1/account/passkeys */
export function listPasskeys(): Promise<PasskeyList> {
  return apiRequest('GET', '/account/passkeys');
}

/** POST /api/v1/account/passkeys/options — the WebAuthn challenge for a new passkey. */
export async function fetchPasskeyRegistrationOptions(): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return unwrapPasskeyOptions(await apiRequest('POST', '/account/passkeys/options'));
}

/** POST /api/v1/account/passkeys — store the new passkey under a name the user chose. */
export function registerPasskey(response: RegistrationResponseJSON, name: string): Promise<unknown> {
  return apiRequest('POST', '/account/passkeys', { body: { response, name } });
}

/** DELETE /api/v1/account/passkeys/{id} */
export function removePasskey(id: string): Promise<void> {
  return apiRequest('DELETE', `/account/passkeys/${encodeURIComponent(id)}`);
}

/** POST /api/v1/account/recovery-codes — a new set; the old codes stop working. */
export function renewRecoveryCodes(): Promise<RecoveryCodesView> {
  return apiRequest('POST', '/account/recovery-codes');
}

/** GET /api/v1/account/sessions */
export function listSessions(): Promise<SessionList> {
  return apiRequest('GET', '/account/sessions');
}

/** DELETE /api/v1/account/sessions/{id} — sign out one session. */
export function endSession(id: string): Promise<void> {
  return apiRequest('DELETE', `/account/sessions/${encodeURIComponent(id)}`);
}

/** DELETE /api/v1/account/sessions — sign out everywhere. */
export function endAllSessions(): Promise<void> {
  return apiRequest('DELETE', '/account/sessions');
}
