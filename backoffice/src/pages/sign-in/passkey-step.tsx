import { startAuthentication } from '@simplewebauthn/browser';
import { fetchPasskeySignInOptions, signInWithPasskey } from '../../api/auth-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useContinueAfterStep } from '../../session/use-continue-after-step.ts';

/** A passkey: the browser asks the authenticator (fingerprint, face, PIN or security key). */
export function PasskeyStep({ focusHeading }: { focusHeading: boolean }) {
  const t = useTranslate();
  const form = useApiForm<never>([]);
  const continueAfterStep = useContinueAfterStep();

  function onUsePasskey() {
    void form.submit(async () => {
      const optionsJSON = await fetchPasskeySignInOptions();
      const response = await startAuthentication({ optionsJSON });
      await signInWithPasskey(response);
      await continueAfterStep();
    });
  }

  return (
    <section aria-labelledby="stap-passkey">
      <SectionHeading level={2} id="stap-passkey" focusOnMount={focusHeading}>
        {t('secondStep.passkeyHeading')}
      </SectionHeading>
      <p className="nl-paragraph">{t('secondStep.passkeyIntro')}</p>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <ButtonGroup>
        <Button appearance="primary" busy={form.busy} onClick={onUsePasskey}>
          {t('secondStep.passkeyButton')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
