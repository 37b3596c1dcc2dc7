import { useState, type FormEvent } from 'react';
import { fetchCaseSettings, saveCaseSettings, type CaseSettings } from '../../api/cases-api.ts';
import { ErrorAlert, FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

type SettingField = keyof CaseSettings;
const LIMITS: Record<SettingField, number> = {
  retentionMonthsReferred: 1200,
  retentionMonthsOther: 1200,
  staleAfterDays: 365,
};
const FIELDS = Object.keys(LIMITS) as SettingField[];

/**
 * The municipality's case settings (its coordinator): how many months a closed case is kept (referred
 * or reported, and other), and after how many quiet days a case is flagged. The hints say where the
 * defaults come from.
 */
export function CaseSettingsSection() {
  const t = useTranslate();
  const settings = useApiData(fetchCaseSettings, 'case-settings');
  if (settings.error) return <ErrorAlert>{settings.error}</ErrorAlert>;
  if (!settings.data) return <p className="nl-paragraph">{t('app.loading')}</p>;
  return <CaseSettingsForm initial={settings.data} />;
}

function CaseSettingsForm({ initial }: { initial: CaseSettings }) {
  const t = useTranslate();
  const form = useApiForm(FIELDS);
  const [values, setValues] = useState<Record<SettingField, string>>(() => ({
    retentionMonthsReferred: String(initial.retentionMonthsReferred),
    retentionMonthsOther: String(initial.retentionMonthsOther),
    staleAfterDays: String(initial.staleAfterDays),
  }));
  const [status, setStatus] = useState<string>();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    const parsed: CaseSettings = {
      retentionMonthsReferred: Number(values.retentionMonthsReferred),
      retentionMonthsOther: Number(values.retentionMonthsOther),
      staleAfterDays: Number(values.staleAfterDays),
    };
    const errors = Object.fromEntries(
      FIELDS.map((field) => {
        const value = parsed[field];
        const ok = Number.isInteger(value) && value >= 1 && value <= LIMITS[field];
        return [field, ok ? undefined : t('caseSettings.range', { max: LIMITS[field] })];
      }),
    );
    void form.submit(async () => {
      await saveCaseSettings(parsed);
      setStatus(t('caseSettings.saved'));
    }, errors);
  }

  return (
    <form className="od-card" onSubmit={onSubmit} noValidate aria-labelledby="dossier-instellingen">
      <SectionHeading level={2} id="dossier-instellingen">
        {t('caseSettings.title')}
      </SectionHeading>
      <p className="nl-paragraph">{t('caseSettings.intro')}</p>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      {FIELDS.map((field) => (
        <TextField
          key={field}
          id={form.fieldId(field)}
          label={t(`caseSettings.${field}`)}
          description={t(`caseSettings.${field}Hint`)}
          inputMode="numeric"
          value={values[field]}
          onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          error={form.fieldErrors[field]}
        />
      ))}
      <Button type="submit" appearance="primary" busy={form.busy}>
        {t('caseSettings.save')}
      </Button>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
    </form>
  );
}
