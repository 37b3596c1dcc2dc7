import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert, FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { PageHeading, SectionHeading } from '../../components/headings.tsx';
import { MunicipalityPicker } from '../../components/municipality-picker.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { isNationalCoordinator } from '../../session/roles.ts';
import { CaseSettingsSection } from '../cases/case-settings-section.tsx';
import { useSession } from '../../session/session-store.ts';
import {
  fetchSettings,
  fileAsBase64,
  saveAppearance,
  saveContactRoutes,
  saveLogo,
  type ContactRoutes,
  type MunicipalSettings,
} from './programme-api.ts';

const CONTACT_FIELDS = [
  'visitAddress',
  'visitHours',
  'phone',
  'email',
  'confidentialAdviserName',
  'confidentialAdviserPhone',
  'confidentialAdviserEmail',
] as const satisfies ReadonlyArray<keyof ContactRoutes>;

/** A municipality's contact routes, accent colour, logo and languages (its coordinator, or national). */
export function SettingsPage() {
  const t = useTranslate();
  const session = useSession();
  const national = isNationalCoordinator(session);
  const [searchParams] = useSearchParams();
  const code = national ? searchParams.get('gemeente') || null : (session?.user.municipalityCode ?? null);
  const [, setPickedName] = useState<string>();
  const settings = useApiData(() => (code ? fetchSettings(code) : Promise.resolve(undefined)), `settings:${code}`);
  return (
    <>
      <PageHeading>{t('programme.settings.title')}</PageHeading>
      {national && (
        <MunicipalityPicker
          id="instellingen-gemeente"
          selected={code}
          onNameKnown={setPickedName}
          labels={{
            form: t('programme.picker.formLabel'),
            select: t('field.municipality'),
            none: t('programme.picker.none'),
            submit: t('programme.picker.show'),
          }}
        />
      )}
      {settings.error && <ErrorAlert>{settings.error}</ErrorAlert>}
      {code && !settings.data && !settings.error && <p className="nl-paragraph">{t('app.loading')}</p>}
      {code && settings.data && (
        <div className="od-sections" key={code}>
          <p className="nl-paragraph od-lead">
            {t('programme.settings.scope', { name: settings.data.municipalityName })}
          </p>
          <ContactForm code={code} initial={settings.data} />
          <AppearanceForm code={code} initial={settings.data} />
          <LogoForm code={code} initial={settings.data} />
          {!national && <CaseSettingsSection />}
        </div>
      )}
    </>
  );
}

function ContactForm({ code, initial }: { code: string; initial: MunicipalSettings }) {
  const t = useTranslate();
  const form = useApiForm(CONTACT_FIELDS);
  const [values, setValues] = useState<ContactRoutes>(initial.contact);
  const [status, setStatus] = useState<string>();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    void form.submit(async () => {
      await saveContactRoutes(code, values);
      setStatus(t('programme.settings.contactSaved'));
    });
  }
  return (
    <form className="od-card" onSubmit={onSubmit} noValidate aria-labelledby="contactroutes">
      <SectionHeading level={2} id="contactroutes">
        {t('programme.settings.contactTitle')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      {CONTACT_FIELDS.map((field) => (
        <TextField
          key={field}
          id={form.fieldId(field)}
          label={t(`programme.settings.${field}` as MessageId)}
          type={
            field.toLowerCase().includes('email') ? 'email' : field.toLowerCase().includes('phone') ? 'tel' : 'text'
          }
          value={values[field] ?? ''}
          onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          error={form.fieldErrors[field]}
        />
      ))}
      <Button type="submit" appearance="primary" busy={form.busy}>
        {t('programme.settings.saveContact')}
      </Button>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
    </form>
  );
}

function AppearanceForm({ code, initial }: { code: string; initial: MunicipalSettings }) {
  const t = useTranslate();
  const form = useApiForm(['accentColour', 'languages'] as const);
  const [colour, setColour] = useState(initial.accentColour ?? '');
  const [languages, setLanguages] = useState<string[]>(initial.languages);
  const [status, setStatus] = useState<string>();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    const value = colour.trim();
    const errors =
      value && !/^#[0-9a-fA-F]{6}$/.test(value) ? { accentColour: t('programme.settings.colourFormat') } : {};
    void form.submit(async () => {
      await saveAppearance(code, { accentColour: value || null, languages });
      setStatus(t('programme.settings.appearanceSaved'));
    }, errors);
  }
  return (
    <form className="od-card" onSubmit={onSubmit} noValidate aria-labelledby="uiterlijk">
      <SectionHeading level={2} id="uiterlijk">
        {t('programme.settings.appearanceTitle')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('accentColour')}
        label={t('programme.settings.colourLabel')}
        description={t('programme.settings.colourHint')}
        value={colour}
        onChange={(event) => setColour(event.target.value)}
        error={form.fieldErrors.accentColour}
        maxLength={7}
      />
      <fieldset className="od-fieldset">
        <legend className="utrecht-form-label">{t('programme.settings.languagesLabel')}</legend>
        {initial.availableLanguages.map((language) => (
          <CheckboxField
            key={language.locale}
            id={`${form.fieldId('languages')}-${language.locale}`}
            label={language.name}
            checked={language.locale === 'nl' || languages.includes(language.locale)}
            onChange={(checked) =>
              language.locale !== 'nl' &&
              setLanguages(checked ? [...languages, language.locale] : languages.filter((l) => l !== language.locale))
            }
          />
        ))}
      </fieldset>
      <Button type="submit" appearance="primary" busy={form.busy}>
        {t('programme.settings.saveAppearance')}
      </Button>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
    </form>
  );
}

function LogoForm({ code, initial }: { code: string; initial: MunicipalSettings }) {
  const t = useTranslate();
  const form = useApiForm(['image'] as const);
  const [file, setFile] = useState<File>();
  const [status, setStatus] = useState<string>();
  const inputId = form.fieldId('image');
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    void form.submit(
      async () => {
        await saveLogo(code, await fileAsBase64(file!));
        setStatus(t('programme.settings.logoSaved'));
      },
      file ? {} : { image: t('programme.settings.logoMissing') },
    );
  }
  return (
    <form className="od-card" onSubmit={onSubmit} noValidate aria-labelledby="logo">
      <SectionHeading level={2} id="logo">
        {t('programme.settings.logoTitle')}
      </SectionHeading>
      <p className="nl-paragraph">{t(initial.hasLogo ? 'programme.settings.hasLogo' : 'programme.settings.noLogo')}</p>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <div className="utrecht-form-field utrecht-form-field--text utrecht-form-field--distanced">
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={inputId}>
            {t('programme.settings.logoLabel')}
          </label>
        </div>
        {form.fieldErrors.image && (
          <div
            className="utrecht-form-field-description utrecht-form-field-description--invalid"
            id={`${inputId}-error`}
          >
            {form.fieldErrors.image}
          </div>
        )}
        <div className="utrecht-form-field__input">
          <input
            id={inputId}
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby={form.fieldErrors.image ? `${inputId}-error` : undefined}
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </div>
      </div>
      <Button type="submit" busy={form.busy}>
        {t('programme.settings.saveLogo')}
      </Button>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
    </form>
  );
}
