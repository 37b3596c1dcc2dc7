import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-client.ts';
import type { SsoSettingsView } from '../../api/contract-types.ts';
import { removeSsoSettings, saveSsoSettings } from '../../api/sso-api.ts';
import { ErrorAlert, FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

const FIELDS = ['issuer', 'clientId', 'clientSecret', 'enabled'] as const;

/** What the server takes as an issuer: an http(s) address without query or fragment (https outside tests). */
function looksLikeIssuer(value: string): boolean {
  if (/[?#]/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

interface SsoSettingsFormProps {
  code: string;
  /** The municipality's name, for messages. */
  name: string;
  initial: SsoSettingsView;
}

/**
 * The identity provider's details for one municipality: save (the server checks the provider when
 * single sign-on is switched on) or remove. The client secret is write-only: it is never shown, and
 * left empty it stays as it is. A failure appears next to its field; what was typed stays.
 */
export function SsoSettingsForm({ code, name, initial }: SsoSettingsFormProps) {
  const t = useTranslate();
  const form = useApiForm(FIELDS);
  const [view, setView] = useState(initial);
  const [issuer, setIssuer] = useState(initial.issuer ?? '');
  const [clientId, setClientId] = useState(initial.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [enabled, setEnabled] = useState(initial.configured ? initial.enabled : true);
  const [notice, setNotice] = useState<string>();
  const [removeError, setRemoveError] = useState<string>();
  const [removing, setRemoving] = useState(false);
  // After removing, the remove button is gone: focus goes to the notice that says what happened.
  const noticeRef = useRef<HTMLDivElement>(null);
  const [noticeFocus, setNoticeFocus] = useState(0);
  useEffect(() => {
    if (noticeFocus > 0) noticeRef.current?.focus();
  }, [noticeFocus]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    setRemoveError(undefined);
    const trimmedIssuer = issuer.trim();
    const trimmedClientId = clientId.trim();
    void form.submit(
      async () => {
        const saved = await saveSsoSettings(code, {
          issuer: trimmedIssuer,
          clientId: trimmedClientId,
          clientSecret: clientSecret === '' ? undefined : clientSecret,
          enabled,
        });
        setView(saved);
        setClientSecret('');
        setNotice(t(saved.enabled ? 'sso.savedOn' : 'sso.savedOff', { name }));
      },
      {
        issuer: !trimmedIssuer
          ? t('sso.issuerRequired')
          : looksLikeIssuer(trimmedIssuer)
            ? undefined
            : t('sso.issuerInvalid'),
        clientId: trimmedClientId ? undefined : t('sso.clientIdRequired'),
        clientSecret: clientSecret !== '' || view.hasSecret ? undefined : t('sso.clientSecretRequired'),
      },
    );
  }

  async function onRemove() {
    setNotice(undefined);
    setRemoveError(undefined);
    setRemoving(true);
    try {
      await removeSsoSettings(code);
      setView({ ...view, configured: false, issuer: null, clientId: null, hasSecret: false, enabled: false });
      setIssuer('');
      setClientId('');
      setClientSecret('');
      setEnabled(true);
      setNotice(t('sso.removed', { name }));
      setNoticeFocus((count) => count + 1);
    } catch (error) {
      if (!(error instanceof ApiError && error.handled)) setRemoveError(errorText(error, t));
    } finally {
      setRemoving(false);
    }
  }

  const status = !view.configured ? 'sso.status.none' : view.enabled ? 'sso.status.on' : 'sso.status.off';
  return (
    <>
      <section className="od-panel" aria-labelledby="sso-instellingen">
        <SectionHeading level={2} id="sso-instellingen">
          {t('sso.form.heading')}
        </SectionHeading>
        <p className="nl-paragraph od-status-line">{t(status, { name })}</p>
        <LiveRegion>
          {notice && (
            <div ref={noticeRef} tabIndex={-1} className="od-focus-target">
              <Notice type="ok">
                <p className="nl-paragraph">{notice}</p>
              </Notice>
            </div>
          )}
        </LiveRegion>
        <form noValidate onSubmit={onSubmit}>
          <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
          <TextField
            id={form.fieldId('issuer')}
            type="url"
            label={t('sso.issuer')}
            description={t('sso.issuerHint')}
            value={issuer}
            onChange={(event) => setIssuer(event.target.value)}
            error={form.fieldErrors.issuer}
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
            required
          />
          <TextField
            id={form.fieldId('clientId')}
            label={t('sso.clientId')}
            description={t('sso.clientIdHint')}
            value={clientId}
            onChange={(event) => setClientId(event.target.value)}
            error={form.fieldErrors.clientId}
            autoComplete="off"
            spellCheck={false}
            maxLength={300}
            required
          />
          <TextField
            id={form.fieldId('clientSecret')}
            type="password"
            label={t('sso.clientSecret')}
            description={t(view.hasSecret ? 'sso.clientSecretKeep' : 'sso.clientSecretHint')}
            value={clientSecret}
            onChange={(event) => setClientSecret(event.target.value)}
            error={form.fieldErrors.clientSecret}
            autoComplete="off"
            spellCheck={false}
            maxLength={1000}
            required={!view.hasSecret}
          />
          <CheckboxField
            id={form.fieldId('enabled')}
            label={t('sso.enabled')}
            checked={enabled}
            onChange={setEnabled}
            error={form.fieldErrors.enabled}
          />
          <p className="nl-paragraph">{t('sso.enabledHint')}</p>
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={form.busy}>
              {t('sso.save')}
            </Button>
          </ButtonGroup>
        </form>
      </section>
      {view.configured && (
        <section className="od-panel" aria-labelledby="sso-verwijderen">
          <SectionHeading level={2} id="sso-verwijderen">
            {t('sso.remove.heading')}
          </SectionHeading>
          <p className="nl-paragraph">{t('sso.remove.intro', { name })}</p>
          {removeError && <ErrorAlert>{removeError}</ErrorAlert>}
          <ConfirmAction
            label={t('sso.remove.button')}
            question={t('sso.remove.question', { name })}
            onConfirm={onRemove}
            busy={removing}
          />
        </section>
      )}
    </>
  );
}
