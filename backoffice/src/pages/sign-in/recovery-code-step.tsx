import { useState, type FormEvent } from 'react';
import { signInWithRecoveryCode } from '../../api/auth-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useContinueAfterStep } from '../../session/use-continue-after-step.ts';

/** One of the single-use recovery codes, for when the app or passkey is not at hand. */
export function RecoveryCodeStep({ focusHeading }: { focusHeading: boolean }) {
  const t = useTranslate();
  const [code, setCode] = useState('');
  const form = useApiForm(['code'] as const);
  const continueAfterStep = useContinueAfterStep();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.trim();
    void form.submit(
      async () => {
        await signInWithRecoveryCode(trimmed);
        await continueAfterStep();
      },
      { code: trimmed.length >= 8 ? undefined : t('recovery.codeInvalid') },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="stap-herstelcode">
      <SectionHeading level={2} id="stap-herstelcode" focusOnMount={focusHeading}>
        {t('secondStep.recoveryHeading')}
      </SectionHeading>
      <p className="nl-paragraph">{t('secondStep.recoveryIntro')}</p>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('code')}
        label={t('recovery.codeLabel')}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={form.fieldErrors.code}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={32}
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
