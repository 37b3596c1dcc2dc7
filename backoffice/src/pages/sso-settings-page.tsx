import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { fetchSsoSettings } from '../api/sso-api.ts';
import { ErrorAlert } from '../components/alerts.tsx';
import { PageHeading } from '../components/headings.tsx';
import { MunicipalityPicker } from '../components/municipality-picker.tsx';
import { useApiData } from '../components/use-api-data.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { isNationalCoordinator } from '../session/roles.ts';
import { useSession } from '../session/session-store.ts';
import { RedirectUriPanel } from './sso/redirect-uri-panel.tsx';
import { SsoSettingsForm } from './sso/sso-settings-form.tsx';

/**
 * Single sign-on for one municipality: what to register at its identity provider, and the settings
 * opendeur needs from it. A municipal coordinator sets their own; a national coordinator picks one.
 */
export function SsoSettingsPage() {
  const t = useTranslate();
  const session = useSession();
  const national = isNationalCoordinator(session);
  const [searchParams] = useSearchParams();
  const code = national ? searchParams.get('gemeente') || null : (session?.user.municipalityCode ?? null);
  const [pickedName, setPickedName] = useState<string>();
  const name = (national ? pickedName : session?.user.municipalityName) ?? code ?? '';

  return (
    <>
      <PageHeading>{t('sso.title')}</PageHeading>
      <p className="nl-paragraph">{t('sso.intro')}</p>
      {national && (
        <MunicipalityPicker
          id="sso-gemeente"
          selected={code}
          onNameKnown={setPickedName}
          labels={{
            form: t('sso.picker.formLabel'),
            select: t('field.municipality'),
            none: t('sso.picker.none'),
            submit: t('sso.picker.show'),
          }}
        />
      )}
      {code ? (
        <MunicipalitySso key={code} code={code} name={name} />
      ) : (
        <p className="nl-paragraph od-lead">{t('sso.picker.prompt')}</p>
      )}
    </>
  );
}

/** The settings of one municipality, once loaded. */
function MunicipalitySso({ code, name }: { code: string; name: string }) {
  const t = useTranslate();
  const settings = useApiData(() => fetchSsoSettings(code), `sso:${code}`);
  if (settings.error) return <ErrorAlert>{settings.error}</ErrorAlert>;
  if (!settings.data) return <p className="nl-paragraph">{t('app.loading')}</p>;
  return (
    <>
      <p className="nl-paragraph od-lead">{t('sso.scope', { name })}</p>
      <div className="od-sections">
        <RedirectUriPanel redirectUri={settings.data.redirectUri} />
        <SsoSettingsForm code={code} name={name} initial={settings.data} />
      </div>
    </>
  );
}
