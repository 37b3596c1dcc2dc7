import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { completeSetup } from '../api/auth-api.ts';
import { ErrorAlert, FormErrorAlert } from '../components/alerts.tsx';
import { Button, ButtonGroup } from '../components/buttons.tsx';
import { useHashToken } from '../components/hash-token.ts';
import { PageHeading } from '../components/headings.tsx';
import { NewPasswordFields, newPasswordErrors } from '../components/new-password-fields.tsx';
import { TextField } from '../components/text-field.tsx';
import { useApiForm } from '../components/use-api-form.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { nextStepPath, SIGN_IN_PATH } from '../session/next-step.ts';
import { refreshSession } from '../session/session-store.ts';

const FIELDS = ['displayName', 'email', 'password', 'passwordRepeat'] as const;

/**
 * First run: the first national coordinator, with the one-time link the server printed. The token
 * comes from the fragment (`#token=…`) and goes only in the request body, never in a URL.
 */
export function SetupPage() {
  const t = useTranslate();
  const navigate = useNavigate();
  const token = useHashToken();
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [passwordRepeat, setPasswordRepeat] = useState('');
  const form = useApiForm(FIELDS);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    void form.submit(
      async () => {
        await completeSetup({ token, displayName: displayName.trim(), email: email.trim(), password });
        // CONTRACT ASSUMPTION: setup signs the new coordinator in (stage 'password'), so enrolment comes
        // next; if it does not, the sign-in page does.
        const session = await refreshSession();
        if (session) await navigate(nextStepPath(session), { replace: true });
        else await navigate(SIGN_IN_PATH, { replace: true, state: { reason: 'account-created', email: email.trim() } });
      },
      {
        displayName: displayName.trim() ? undefined : t('field.nameRequired'),
        email: email.trim() ? undefined : t('field.emailRequired'),
        ...newPasswordErrors(password, passwordRepeat, t),
      },
    );
  }

  return (
    <div className="od-narrow">
      <PageHeading>{t('setup.title')}</PageHeading>
      {!token ? (
        <ErrorAlert>{t('setup.noToken')}</ErrorAlert>
      ) : (
        <>
          <p className="nl-paragraph">{t('setup.intro')}</p>
          <form noValidate onSubmit={onSubmit}>
            <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
            <TextField
              id={form.fieldId('displayName')}
              label={t('field.name')}
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              error={form.fieldErrors.displayName}
              autoComplete="name"
              maxLength={120}
              required
            />
            <TextField
              id={form.fieldId('email')}
              type="email"
              label={t('field.email')}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={form.fieldErrors.email}
              autoComplete="username"
              spellCheck={false}
              maxLength={254}
              required
            />
            <NewPasswordFields
              passwordId={form.fieldId('password')}
              repeatId={form.fieldId('passwordRepeat')}
              password={password}
              repeat={passwordRepeat}
              onPasswordChange={setPassword}
              onRepeatChange={setPasswordRepeat}
              passwordError={form.fieldErrors.password}
              repeatError={form.fieldErrors.passwordRepeat}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary" busy={form.busy}>
                {t('setup.submit')}
              </Button>
            </ButtonGroup>
          </form>
        </>
      )}
    </div>
  );
}
