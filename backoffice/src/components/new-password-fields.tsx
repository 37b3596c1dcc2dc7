import type { MessageId } from '../i18n/messages.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { TextField } from './text-field.tsx';

/** The server's lower bound; checked here too so the user hears it before sending. */
export const MINIMUM_PASSWORD_LENGTH = 12;

interface NewPasswordFieldsProps {
  passwordId: string;
  repeatId: string;
  password: string;
  repeat: string;
  onPasswordChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
  passwordError?: string | undefined;
  repeatError?: string | undefined;
  /** The label of the first field ("Password", "New password"). */
  label?: string;
}

/** A new password typed twice, with the length rule as a hint. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const t = useTranslate();
  return (
    <>
      <TextField
        id={props.passwordId}
        type="password"
        label={props.label ?? t('password.label')}
        description={t('password.hint', { minimum: MINIMUM_PASSWORD_LENGTH })}
        value={props.password}
        onChange={(event) => props.onPasswordChange(event.target.value)}
        error={props.passwordError}
        autoComplete="new-password"
        minLength={MINIMUM_PASSWORD_LENGTH}
        maxLength={256}
        required
      />
      <TextField
        id={props.repeatId}
        type="password"
        label={t('password.repeatLabel')}
        value={props.repeat}
        onChange={(event) => props.onRepeatChange(event.target.value)}
        error={props.repeatError}
        autoComplete="new-password"
        maxLength={256}
        required
      />
    </>
  );
}

/** Client-side checks of a new password (the server checks again, and refuses common passwords). */
export function newPasswordErrors(
  password: string,
  repeat: string,
  t: (id: MessageId, values?: Record<string, number>) => string,
): { password?: string; passwordRepeat?: string } {
  if (password.length < MINIMUM_PASSWORD_LENGTH)
    return { password: t('password.tooShort', { minimum: MINIMUM_PASSWORD_LENGTH }) };
  if (password !== repeat) return { passwordRepeat: t('password.mismatch') };
  return {};
}
