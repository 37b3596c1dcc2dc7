import { z } from 'zod';

/**
 * The passkey (WebAuthn) part of the API contract. The options and the authenticator's answers are
 * WebAuthn's own JSON (as @simplewebauthn/browser produces and consumes it); the server checks them
 * with @simplewebauthn/server, so here they are only required to be objects.
 */

const webauthnJson = z.record(z.string(), z.unknown());

/**
 * POST /api/v1/account/passkeys/options and POST /api/v1/session/passkey/options → the options
 * for navigator.credentials.create() / .get() as JSON (PublicKeyCredentialCreationOptionsJSON or
 * PublicKeyCredentialRequestOptionsJSON), as is. The challenge is valid once, for 5 minutes.
 */
export const passkeyOptionsSchema = webauthnJson.describe('WebAuthn options JSON');

/** POST /api/v1/account/passkeys — the new credential (RegistrationResponseJSON) and a name for it. */
export const passkeyRegistrationRequestSchema = z.object({
  response: webauthnJson.describe('RegistrationResponseJSON'),
  name: z.string().trim().min(1, 'give the passkey a name').max(60),
});

/** POST /api/v1/session/passkey — the second step with an assertion (AuthenticationResponseJSON). */
export const passkeySignInRequestSchema = z.object({
  response: webauthnJson.describe('AuthenticationResponseJSON'),
});

/** DELETE /api/v1/account/passkeys/{id}: the id from the list. */
export const passkeyIdParamsSchema = z.object({
  id: z.string().regex(/^[\w-]{22}$/, 'must be a passkey id from the list'),
});
