import { PageHeading } from '../components/headings.tsx';
import { useTranslate } from '../i18n/use-translate.ts';
import { useSession } from '../session/session-store.ts';
import { PasswordSection } from './account/password-section.tsx';
import { PasskeysSection } from './account/passkeys-section.tsx';
import { RecoveryCodesSection } from './account/recovery-codes-section.tsx';
import { SessionsSection } from './account/sessions-section.tsx';
import { TotpSection } from './account/totp-section.tsx';

/** The user's own account: password, authenticator app, passkeys, recovery codes, sessions. */
export function AccountPage() {
  const t = useTranslate();
  const session = useSession();
  if (!session) return null;
  return (
    <>
      <PageHeading>{t('account.title')}</PageHeading>
      <p className="nl-paragraph">{t('account.intro', { email: session.user.email })}</p>
      <div className="od-sections">
        <PasswordSection email={session.user.email} />
        <TotpSection hasTotp={session.secondFactors.totp} />
        <PasskeysSection />
        <RecoveryCodesSection codesLeft={session.secondFactors.recoveryCodesLeft} />
        <SessionsSection />
      </div>
    </>
  );
}
