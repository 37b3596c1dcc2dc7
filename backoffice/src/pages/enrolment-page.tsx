import { useState } from 'react';
import { renewRecoveryCodes } from '../api/account-api.ts';
import { ErrorAlert } from '../components/alerts.tsx';
import { Button, ButtonGroup } from '../components/buttons.tsx';
import { errorText } from '../components/error-text.ts';
import { PageHeading } from '../components/headings.tsx';
import { PasskeyEnrolment } from '../components/passkey-enrolment.tsx';
import { RecoveryCodesPanel } from '../components/recovery-codes-panel.tsx';
import { TotpEnrolment } from '../components/totp-enrolment.tsx';
import { useTranslate } from '../i18n/use-translate.ts';
import { refreshSession } from '../session/session-store.ts';
import { useContinueAfterStep } from '../session/use-continue-after-step.ts';

type Phase = { step: 'choose' } | { step: 'codes'; codes: string[] } | { step: 'codes-failed'; message: string };

/**
 * Second-factor enrolment, mandatory for everyone: an authenticator app or a passkey, then the
 * recovery codes, shown once.
 */
export function EnrolmentPage() {
  const t = useTranslate();
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const continueAfterStep = useContinueAfterStep();

  async function onEnrolled(codes: string[] | undefined) {
    if (codes) {
      setPhase({ step: 'codes', codes });
      return;
    }
    // No codes came with the enrolment (a passkey, or TOTP for a user who had codes): make a set if
    // the user has none, because a lost passkey must not lock them out for good.
    try {
      const session = await refreshSession();
      if (session && session.secondFactors.recoveryCodesLeft > 0) {
        await continueAfterStep();
        return;
      }
      setPhase({ step: 'codes', codes: (await renewRecoveryCodes()).recoveryCodes });
    } catch (error) {
      setPhase({ step: 'codes-failed', message: errorText(error, t) });
    }
  }

  return (
    <div className="od-narrow">
      <PageHeading>{t('enrolment.title')}</PageHeading>
      {phase.step === 'choose' && (
        <>
          <p className="nl-paragraph">{t('enrolment.intro')}</p>
          <TotpEnrolment headingLevel={2} onEnrolled={(codes) => void onEnrolled(codes)} />
          <PasskeyEnrolment headingLevel={2} onEnrolled={(codes) => void onEnrolled(codes)} />
        </>
      )}
      {phase.step === 'codes' && (
        <RecoveryCodesPanel codes={phase.codes} headingLevel={2} onDone={() => void continueAfterStep()} />
      )}
      {phase.step === 'codes-failed' && (
        <>
          <ErrorAlert>{t('enrolment.codesFailed', { reason: phase.message })}</ErrorAlert>
          <ButtonGroup>
            <Button appearance="primary" onClick={() => void continueAfterStep()}>
              {t('action.continue')}
            </Button>
          </ButtonGroup>
        </>
      )}
    </div>
  );
}
