import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { confirmTotpEnrolment, startTotpEnrolment } from '../api/account-api.ts';
import type { TotpEnrolment as TotpSecret } from '../api/contract-types.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { FormErrorAlert } from './alerts.tsx';
import { Button, ButtonGroup } from './buttons.tsx';
import { SectionHeading } from './headings.tsx';
import { TextField } from './text-field.tsx';
import { useApiForm } from './use-api-form.ts';

interface TotpEnrolmentProps {
  headingLevel: 2 | 3;
  /** Whether the user already has an app (then this replaces it). */
  replacing?: boolean;
  /** A line under the heading (the account page says whether an app is set up). */
  status?: ReactNode;
  /** Focus the heading when this goes up (the page's content around it changed). */
  focusRequest?: number;
  /** Called after the code is confirmed, with new recovery codes if the server made them. */
  onEnrolled: (recoveryCodes: string[] | undefined) => void;
}

/** The QR code as an image: the SVG travels as a data: URL, never as HTML in our page. */
function qrImageSource(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The secret in groups of four, easier to type over. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Authenticator-app enrolment: start → scan the QR code (or type the key) → confirm with a code. */
export function TotpEnrolment({
  headingLevel,
  replacing = false,
  status,
  focusRequest = 0,
  onEnrolled,
}: TotpEnrolmentProps) {
  const t = useTranslate();
  const id = useId();
  const [secret, setSecret] = useState<TotpSecret>();
  const [code, setCode] = useState('');
  const start = useApiForm<never>([]);
  const confirm = useApiForm(['code'] as const);
  const [finished, setFinished] = useState(0);
  // The start button goes away when the QR code appears: focus moves to the steps instead of the void.
  const stepsRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (secret) stepsRef.current?.focus();
  }, [secret]);

  function onStart() {
    void start.submit(async () => {
      setSecret(await startTotpEnrolment());
      setCode('');
    });
  }

  function onConfirm(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    void confirm.submit(
      async () => {
        const answer = await confirmTotpEnrolment(trimmed);
        setSecret(undefined);
        setFinished((count) => count + 1);
        onEnrolled(answer?.recoveryCodes && answer.recoveryCodes.length > 0 ? answer.recoveryCodes : undefined);
      },
      { code: /^\d{6}$/.test(trimmed) ? undefined : t('totp.codeInvalid') },
    );
  }

  return (
    <section className="od-panel" aria-labelledby={`${id}-heading`}>
      <SectionHeading level={headingLevel} id={`${id}-heading`} focusRequest={focusRequest + finished}>
        {t('totp.heading')}
      </SectionHeading>
      {status}
      <p className="nl-paragraph">{t('totp.intro')}</p>
      {!secret && (
        <>
          <FormErrorAlert message={start.formError} alertRef={start.alertRef} />
          {replacing && <p className="nl-paragraph">{t('totp.replaceWarning')}</p>}
          <ButtonGroup>
            <Button appearance={replacing ? 'secondary' : 'primary'} busy={start.busy} onClick={onStart}>
              {t(replacing ? 'totp.restart' : 'totp.start')}
            </Button>
          </ButtonGroup>
        </>
      )}
      {secret && (
        <form noValidate onSubmit={onConfirm}>
          <FormErrorAlert message={confirm.formError} alertRef={confirm.alertRef} />
          <div ref={stepsRef} tabIndex={-1} className="od-focus-target">
            <ol className="od-steps">
              <li>
                <p className="nl-paragraph">{t('totp.scan')}</p>
                <img
                  className="od-qr"
                  src={qrImageSource(secret.qrSvg)}
                  alt={t('totp.qrAlt')}
                  width={192}
                  height={192}
                />
                <p className="nl-paragraph">{t('totp.manual')}</p>
                <p className="nl-paragraph">
                  <code className="od-secret">{groupSecret(secret.secret)}</code>
                </p>
              </li>
              <li>
                <TextField
                  id={confirm.fieldId('code')}
                  label={t('totp.codeLabel')}
                  description={t('totp.codeHint')}
                  value={code}
                  onChange={(event) => setCode(event.target.value)}
                  error={confirm.fieldErrors.code}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={8}
                  spellCheck={false}
                  required
                />
              </li>
            </ol>
          </div>
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={confirm.busy}>
              {t('totp.confirm')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
