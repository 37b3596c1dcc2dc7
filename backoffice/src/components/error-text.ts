import { WebAuthnError } from '@simplewebauthn/browser';
import { ApiError } from '../api/api-client.ts';
import type { MessageId } from '../i18n/messages.ts';

/**
 * What to tell the user about a failure: the server's own message when there is one (it is written for
 * people, in their language), else a message of ours for network trouble and passkey ceremonies.
 */
export function errorText(error: unknown, t: (id: MessageId) => string): string {
  if (error instanceof ApiError) {
    if (error.message) return error.message;
    if (error.id === 'client.network') return t('error.network');
    return error.status >= 500 ? t('error.server') : t('error.unexpected');
  }
  if (error instanceof Error) {
    if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
      return t('error.passkeyKnown');
    }
    if (error.name === 'InvalidStateError') return t('error.passkeyKnown');
    if (error.name === 'NotAllowedError' || error.name === 'AbortError') return t('error.passkeyCancelled');
    if (error instanceof WebAuthnError) return t('error.passkeyFailed');
  }
  return t('error.unexpected');
}
