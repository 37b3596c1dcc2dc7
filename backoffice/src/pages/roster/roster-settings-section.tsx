import { useState, type FormEvent } from 'react';
import { FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { saveRosterSettings, type RosterView } from '../../api/roster-api.ts';
import { CoverageOverrideField, useCoverageOverride } from './coverage-override.tsx';

interface RosterSettingsSectionProps {
  code: string;
  view: RosterView;
  canEdit: boolean;
  onSaved: () => void;
}

/** Escalation minutes, the response target, the agreed fallback and each member's phone number. */
export function RosterSettingsSection({ code, view, canEdit, onSaved }: RosterSettingsSectionProps) {
  const t = useTranslate();
  const form = useApiForm(['escalationMinutes', 'responseTargetMinutes', 'fallbackAgreed', 'phones'] as const);
  const [escalation, setEscalation] = useState(String(view.settings.escalationMinutes));
  const [target, setTarget] = useState(String(view.settings.responseTargetMinutes));
  const [fallback, setFallback] = useState(view.settings.fallbackAgreed ?? '');
  const [phones, setPhones] = useState<Record<string, string>>(() =>
    Object.fromEntries(view.team.map((member) => [member.id, member.phone ?? ''])),
  );
  const [status, setStatus] = useState<string>();
  const override = useCoverageOverride();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    const minutes = (text: string, max: number) => {
      const value = Number(text);
      return Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
    };
    const escalationMinutes = minutes(escalation, 240);
    const responseTargetMinutes = minutes(target, 7 * 24 * 60);
    const errors = {
      escalationMinutes: escalationMinutes === undefined ? t('roster.settings.minutesRange', { max: 240 }) : undefined,
      responseTargetMinutes:
        responseTargetMinutes === undefined ? t('roster.settings.minutesRange', { max: 7 * 24 * 60 }) : undefined,
    };
    void form.submit(async () => {
      await override.run((coverageOverrideReason) =>
        saveRosterSettings(code, {
          escalationMinutes: escalationMinutes!,
          responseTargetMinutes: responseTargetMinutes!,
          fallbackAgreed: fallback.trim() || null,
          phones: view.team.map((member) => ({ userId: member.id, phone: phones[member.id]?.trim() || null })),
          coverageOverrideReason,
        }),
      );
      setStatus(t('roster.settings.saved'));
      onSaved();
    }, errors);
  }

  return (
    <form className="od-card" onSubmit={onSubmit} noValidate aria-labelledby="rooster-instellingen">
      <SectionHeading level={2} id="rooster-instellingen">
        {t('roster.settings.title')}
      </SectionHeading>
      <FormErrorAlert message={form.formError ?? form.fieldErrors.phones} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('escalationMinutes')}
        label={t('roster.settings.escalationMinutes')}
        description={t('roster.settings.escalationHint')}
        inputMode="numeric"
        value={escalation}
        onChange={(event) => setEscalation(event.target.value)}
        error={form.fieldErrors.escalationMinutes}
        readOnly={!canEdit}
      />
      <TextField
        id={form.fieldId('responseTargetMinutes')}
        label={t('roster.settings.responseTargetMinutes')}
        inputMode="numeric"
        value={target}
        onChange={(event) => setTarget(event.target.value)}
        error={form.fieldErrors.responseTargetMinutes}
        readOnly={!canEdit}
      />
      <TextField
        id={form.fieldId('fallbackAgreed')}
        label={t('roster.settings.fallbackAgreed')}
        description={t('roster.settings.fallbackHint')}
        value={fallback}
        onChange={(event) => setFallback(event.target.value)}
        error={form.fieldErrors.fallbackAgreed}
        maxLength={500}
        readOnly={!canEdit}
      />
      <fieldset className="od-fieldset">
        <legend className="utrecht-form-label">{t('roster.settings.phones')}</legend>
        {view.team.map((member) => (
          <TextField
            key={member.id}
            id={`${form.fieldId('phones')}-${member.id}`}
            label={t('roster.settings.phoneOf', { name: member.displayName })}
            type="tel"
            autoComplete="off"
            value={phones[member.id] ?? ''}
            onChange={(event) => setPhones({ ...phones, [member.id]: event.target.value })}
            maxLength={40}
            readOnly={!canEdit}
          />
        ))}
      </fieldset>
      <CoverageOverrideField id="rooster-instellingen-reden" override={override} />
      {canEdit && (
        <Button type="submit" appearance="primary" busy={form.busy}>
          {t('roster.settings.save')}
        </Button>
      )}
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
    </form>
  );
}
