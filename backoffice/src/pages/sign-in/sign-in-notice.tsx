import { Notice } from '../../components/alerts.tsx';
import { useTranslate } from '../../i18n/use-translate.ts';

/** Why the user is on the sign-in page, passed in the navigation state. */
export interface SignInState {
  reason?: 'signed-out' | 'expired' | 'account-created' | 'signed-out-everywhere';
  /** Prefills the e-mail field (after accepting an invitation). */
  email?: string;
}

/** A line about how the user got here: signed out, session ended, account ready. */
export function SignInNotice({ reason }: { reason: SignInState['reason'] }) {
  const t = useTranslate();
  switch (reason) {
    case 'signed-out':
      return (
        <Notice type="ok">
          <p className="nl-paragraph">{t('signIn.signedOut')}</p>
        </Notice>
      );
    case 'signed-out-everywhere':
      return (
        <Notice type="ok">
          <p className="nl-paragraph">{t('signIn.signedOutEverywhere')}</p>
        </Notice>
      );
    case 'expired':
      return (
        <Notice type="warning">
          <p className="nl-paragraph">{t('signIn.expired')}</p>
        </Notice>
      );
    case 'account-created':
      return (
        <Notice type="ok">
          <p className="nl-paragraph">{t('signIn.accountCreated')}</p>
        </Notice>
      );
    default:
      return null;
  }
}
