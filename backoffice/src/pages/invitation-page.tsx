import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { acceptInvitation, fetchInvitation } from '../api/auth-api.ts';
import type { InvitationView } from '../api/contract-types.ts';
import { ErrorAlert, FormErrorAlert } from '../components/alerts.tsx';
import { Button, ButtonGroup } from '../components/buttons.tsx';
import { useHashToken } from '../components/hash-token.ts';
import { PageHeading, SectionHeading } from '../components/headings.tsx';
import { NewPasswordFields, newPasswordErrors } from '../components/new-password-fields.tsx';
import { useApiData } from '../components/use-api-data.ts';
import { useApiForm } from '../components/use-api-form.ts';
import { useFormatDateTime, useTranslate } from '../i18n/use-translate.ts';
import { nextStepPath, SIGN_IN_PATH } from '../session/next-step.ts';
import { refreshSession } from '../session/session-store.ts';

/** Accepting an invitation: see who and what it is for, choose a password, then set up a second factor. */
export function InvitationPage() {
  const t = useTranslate();
  const token = useHashToken();
  const invitation = useApiData(() => (token ? fetchInvitation(token) : Promise.resolve(undefined)), token ?? '');

  return (
    <div className="od-narrow">
      <PageHeading>{t('invitation.title')}</PageHeading>
      {!token && <ErrorAlert>{t('invitation.noToken')}</ErrorAlert>}
      {token && invitation.loading && !invitation.data && <p className="nl-paragraph">{t('app.loading')}</p>}
      {token && invitation.error && (
        <>
          <ErrorAlert>{invitation.error}</ErrorAlert>
          <p className="nl-paragraph">{t('invitation.askAgain')}</p>
        </>
      )}
      {token && invitation.data && <AcceptInvitationForm token={token} invitation={invitation.data} />}
      <p className="nl-paragraph">
        <Link className="nl-link" to={SIGN_IN_PATH}>
          {t('invitation.haveAccount')}
        </Link>
      </p>
    </div>
  );
}

function AcceptInvitationForm({ token, invitation }: { token: string; invitation: InvitationView }) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [passwordRepeat, setPasswordRepeat] = useState('');
  const form = useApiForm(['password', 'passwordRepeat'] as const);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.submit(
      async () => {
        await acceptInvitation(token, { password });
        // CONTRACT ASSUMPTION: accepting signs the new user in (stage 'password'); if not, they sign in.
        const session = await refreshSession();
        if (session) await navigate(nextStepPath(session), { replace: true });
        else
          await navigate(SIGN_IN_PATH, {
            replace: true,
            state: { reason: 'account-created', email: invitation.email },
          });
      },
      newPasswordErrors(password, passwordRepeat, t),
    );
  }

  return (
    <>
      <dl className="od-facts">
        <dt>{t('field.name')}</dt>
        <dd>{invitation.displayName}</dd>
        <dt>{t('field.email')}</dt>
        <dd>{invitation.email}</dd>
        <dt>{t('field.municipality')}</dt>
        <dd>{invitation.municipalityName ?? t('header.national')}</dd>
        <dt>{t('field.roles')}</dt>
        <dd>{invitation.roles.map((role) => t(`role.${role}`)).join(', ')}</dd>
        <dt>{t('invitation.validUntil')}</dt>
        <dd>{formatDateTime(invitation.expiresAt)}</dd>
      </dl>
      <form noValidate onSubmit={onSubmit} aria-labelledby="wachtwoord-kiezen">
        <SectionHeading level={2} id="wachtwoord-kiezen">
          {t('invitation.choosePassword')}
        </SectionHeading>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        {/* Lets password managers store the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={invitation.email} readOnly />
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
            {t('invitation.accept')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
