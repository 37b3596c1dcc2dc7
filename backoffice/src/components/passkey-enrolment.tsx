import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useId, useState, type FormEvent } from 'react';
import { fetchPasskeyRegistrationOptions, registerPasskey } from '../api/account-api.ts';
import { recoveryCodesIn } from '../api/passkey-options.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { FormErrorAlert, Notice } from './alerts.tsx';
import { Button, ButtonGroup } from './buttons.tsx';
import { SectionHeading } from './headings.tsx';
import { TextField } from './text-field.tsx';
import { useApiForm } from './use-api-form.ts';

interface PasskeyEnrolmentProps {
  headingLevel: 2 | 3;
  /** Overrides the heading ("Add a passkey" on the account page). */
  heading?: string;
  /** Called after the passkey is stored, with recovery codes if the server sent them along. */
  onEnrolled: (recoveryCodes: string[] | undefined) => void;
}

/** Passkey enrolment: name it, let the browser create it, store it. */
export function PasskeyEnrolment({ headingLevel, heading, onEnrolled }: PasskeyEnrolmentProps) {
  const t = useTranslate();
  const id = useId();
  const [name, setName] = useState(() => t('passkey.defaultName'));
  const form = useApiForm(['name'] as const);
  const supported = browserSupportsWebAuthn();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    void form.submit(
      async () => {
        const optionsJSON = await fetchPasskeyRegistrationOptions();
        const response = await startRegistration({ optionsJSON });
        const answer = await registerPasskey(response, trimmed);
        setName(t('passkey.defaultName'));
        onEnrolled(recoveryCodesIn(answer));
      },
      { name: trimmed ? undefined : t('passkey.nameRequired') },
    );
  }

  return (
    <section className="od-panel" aria-labelledby={`${id}-heading`}>
      <SectionHeading level={headingLevel} id={`${id}-heading`}>
        {heading ?? t('passkey.heading')}
      </SectionHeading>
      <p className="nl-paragraph">{t('passkey.intro')}</p>
      {!supported ? (
        <Notice type="info">
          <p className="nl-paragraph">{t('passkey.unsupported')}</p>
        </Notice>
      ) : (
        <form noValidate onSubmit={onSubmit}>
          <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
          <TextField
            id={form.fieldId('name')}
            label={t('passkey.nameLabel')}
            description={t('passkey.nameHint')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={form.fieldErrors.name}
            maxLength={60}
            autoComplete="off"
            required
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={form.busy}>
              {t('passkey.create')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
