import { useState, type FormEvent } from 'react';
import { changePassword } from '../../api/account-api.ts';
import { FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { NewPasswordFields, newPasswordErrors } from '../../components/new-password-fields.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

const FIELDS = ['currentPassword', 'newPassword', 'passwordRepeat'] as const;

/** Change password: the current one, then the new one twice. */
export function PasswordSection({ email }: { email: string }) {
  const t = useTranslate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [passwordRepeat, setPasswordRepeat] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useApiForm(FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    const { password, passwordRepeat: repeatError } = newPasswordErrors(newPassword, passwordRepeat, t);
    void form.submit(
      async () => {
        await changePassword({ currentPassword, newPassword });
        setCurrentPassword('');
        setNewPassword('');
        setPasswordRepeat('');
        setChanged(true);
      },
      {
        currentPassword: currentPassword ? undefined : t('account.password.currentRequired'),
        newPassword: password,
        passwordRepeat: repeatError,
      },
    );
  }

  return (
    <section className="od-panel" aria-labelledby="wachtwoord">
      <SectionHeading level={2} id="wachtwoord">
        {t('account.password.heading')}
      </SectionHeading>
      <form noValidate onSubmit={onSubmit}>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
        <TextField
          id={form.fieldId('currentPassword')}
          type="password"
          label={t('account.password.current')}
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
          error={form.fieldErrors.currentPassword}
          autoComplete="current-password"
          required
        />
        <NewPasswordFields
          label={t('account.password.new')}
          passwordId={form.fieldId('newPassword')}
          repeatId={form.fieldId('passwordRepeat')}
          password={newPassword}
          repeat={passwordRepeat}
          onPasswordChange={setNewPassword}
          onRepeatChange={setPasswordRepeat}
          passwordError={form.fieldErrors.newPassword}
          repeatError={form.fieldErrors.passwordRepeat}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={form.busy}>
            {t('account.password.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <LiveRegion>
        {changed && (
          <Notice type="ok">
            <p className="nl-paragraph">{t('account.password.changed')}</p>
          </Notice>
        )}
      </LiveRegion>
    </section>
  );
}
