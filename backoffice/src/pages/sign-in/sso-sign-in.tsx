import { useEffect, useId, useState, type FormEvent } from 'react';
import { fetchSsoMunicipalities, ssoStartUrl } from '../../api/sso-api.ts';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

/** The municipality chosen last time on this computer, so a regular user need not look it up again. */
const STORAGE_KEY = 'opendeur.beheer.sso-gemeente';

function storedChoice(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeChoice(code: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Storage blocked: nothing to remember the choice in.
  }
}

/**
 * "Sign in with your municipality's account": the municipalities with single sign-on switched on, and
 * a button that leaves for that municipality's identity provider (a full page load: the server answers
 * with a redirect). Not shown when no municipality offers it, nor when the list could not be loaded
 * (the password form above still works).
 */
export function SsoSignIn() {
  const t = useTranslate();
  const id = useId();
  const list = useApiData(fetchSsoMunicipalities, 'sso-municipalities');
  const [choice, setChoice] = useState(storedChoice);
  const [error, setError] = useState<string>();
  // Focus moves to the select once its error is on screen, so the error is read out with it.
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) document.getElementById(`${id}-municipality`)?.focus();
  }, [focusRequest, id]);

  const municipalities = list.data?.municipalities ?? [];
  if (municipalities.length === 0) return null;
  const only = municipalities.length === 1 ? municipalities[0] : undefined;
  const selected = only?.code ?? (municipalities.some((municipality) => municipality.code === choice) ? choice : '');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!selected) {
      setError(t('signIn.sso.chooseRequired'));
      setFocusRequest((count) => count + 1);
      return;
    }
    storeChoice(selected);
    window.location.assign(ssoStartUrl(selected));
  }

  return (
    <section className="od-panel" aria-labelledby={`${id}-heading`}>
      <SectionHeading level={2} id={`${id}-heading`}>
        {t('signIn.sso.heading')}
      </SectionHeading>
      <p className="nl-paragraph">{t('signIn.sso.intro')}</p>
      <form noValidate onSubmit={onSubmit}>
        {!only && (
          <SelectField
            id={`${id}-municipality`}
            label={t('field.municipality')}
            options={[
              { value: '', label: t('signIn.sso.choose') },
              ...municipalities.map((municipality) => ({ value: municipality.code, label: municipality.name })),
            ]}
            value={selected}
            onChange={(event) => {
              setChoice(event.target.value);
              setError(undefined);
            }}
            error={error}
            required
          />
        )}
        <ButtonGroup>
          <Button type="submit">
            {only ? t('signIn.sso.submitNamed', { name: only.name }) : t('signIn.sso.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
