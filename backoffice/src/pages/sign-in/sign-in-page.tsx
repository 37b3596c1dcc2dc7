import { useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { signInWithPassword } from '../../api/auth-api.ts';
import { ErrorAlert, FormErrorAlert, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useContinueAfterStep } from '../../session/use-continue-after-step.ts';
import { SignInNotice, type SignInState } from './sign-in-notice.tsx';
import { SsoSignIn } from './sso-sign-in.tsx';

/**
 * Step one: e-mail and password, or the municipality's own account (single sign-on). The server's
 * failure message does not reveal whether an account exists; neither does `?sso=failed`, where the
 * server sends the browser back after any failed single sign-on.
 */
export function SignInPage() {
  const t = useTranslate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const ssoFailed = searchParams.get('sso') === 'failed';
  const state = (location.state ?? {}) as SignInState;
  const [email, setEmail] = useState(state.email ?? '');
  const [password, setPassword] = useState('');
  const form = useApiForm(['email', 'password'] as const);
  const continueAfterStep = useContinueAfterStep();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      async () => {
        await signInWithPassword({ email: email.trim(), password });
        await continueAfterStep();
      },
      {
        email: email.trim() ? undefined : t('signIn.emailRequired'),
        password: password ? undefined : t('signIn.passwordRequired'),
      },
    );
  }

  return (
    <div className="od-narrow">
      <PageHeading>{t('signIn.title')}</PageHeading>
      <SignInNotice reason={state.reason} />
      {ssoFailed && (
        <ErrorAlert>
          <p className="nl-paragraph">{t('signIn.sso.failed')}</p>
        </ErrorAlert>
      )}
      <form noValidate onSubmit={onSubmit}>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <TextField
          id={form.fieldId('email')}
          type="email"
          label={t('field.email')}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={form.fieldErrors.email}
          autoComplete="username"
          spellCheck={false}
          required
        />
        <TextField
          id={form.fieldId('password')}
          type="password"
          label={t('password.label')}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={form.fieldErrors.password}
          autoComplete="current-password"
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={form.busy}>
            {t('signIn.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <SsoSignIn />
      <Notice type="info">
        <p className="nl-paragraph">{t('signIn.noAccount')}</p>
      </Notice>
    </div>
  );
}
