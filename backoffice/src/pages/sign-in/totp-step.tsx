import { useState, type FormEvent } from 'react';
import { signInWithTotp } from '../../api/auth-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useContinueAfterStep } from '../../session/use-continue-after-step.ts';

/** The six-digit code from the authenticator app. */
export function TotpStep({ focusHeading }: { focusHeading: boolean }) {
  const t = useTranslate();
  const [code, setCode] = useState('');
  const form = useApiForm(['code'] as const);
  const continueAfterStep = useContinueAfterStep();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    void form.submit(
      async () => {
        await signInWithTotp(digits);
        await continueAfterStep();
      },
      { code: /^\d{6}$/.test(digits) ? undefined : t('totp.codeInvalid') },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="stap-app">
      <SectionHeading level={2} id="stap-app" focusOnMount={focusHeading}>
        {t('secondStep.totpHeading')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('code')}
        label={t('totp.codeLabel')}
        description={t('totp.codeHint')}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={form.fieldErrors.code}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        spellCheck={false}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy}>
          {t('secondStep.confirm')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
