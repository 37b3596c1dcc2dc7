import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-client.ts';
import { signOut } from '../api/auth-api.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { SIGN_IN_PATH } from '../session/next-step.ts';
import { setSession } from '../session/session-store.ts';
import { Button } from './buttons.tsx';
import { errorText } from './error-text.ts';

/** Ends the session on the server, then goes to the sign-in page. If the server fails, says so. */
export function SignOutButton() {
  const t = useTranslate();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function onSignOut() {
    setBusy(true);
    setError(undefined);
    try {
      await signOut();
    } catch (failure) {
      // 401: the session had already ended, which is what we wanted.
      if (!(failure instanceof ApiError && failure.status === 401)) {
        setError(errorText(failure, t));
        setBusy(false);
        return;
      }
    }
    setSession(null);
    await navigate(SIGN_IN_PATH, { state: { reason: 'signed-out' } });
  }

  return (
    <>
      <Button appearance="secondary" busy={busy} onClick={() => void onSignOut()}>
        {t('header.signOut')}
      </Button>
      {error && (
        <p className="od-header__error" role="alert">
          {t('header.signOutFailed', { reason: error })}
        </p>
      )}
    </>
  );
}
