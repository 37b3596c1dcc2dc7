import { useState, type FormEvent } from 'react';
import { FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { setCoverageOverride, type RosterView } from '../../api/roster-api.ts';
import { gapHours, localText } from './roster-format.ts';

interface CoverageSectionProps {
  code: string;
  view: RosterView;
  national: boolean;
  onChanged: () => void;
}

/** The gaps of the next 14 days (local times), and for national coordinators the override with a reason. */
export function CoverageSection({ code, view, national, onChanged }: CoverageSectionProps) {
  const t = useTranslate();
  const { coverage } = view;
  const status = coverage.covered ? 'covered' : coverage.mayBeActive ? 'overridden' : 'gaps';
  return (
    <section className="od-card" aria-labelledby="dekking">
      <SectionHeading level={2} id="dekking">
        {t('roster.coverage.title')}
      </SectionHeading>
      <Notice type={status === 'covered' ? 'ok' : 'warning'}>{t(`roster.coverage.${status}`)}</Notice>
      <p className="nl-paragraph" data-testid="coverage-summary">
        {coverage.periods.length === 0
          ? t('roster.coverage.none')
          : t('roster.coverage.summary', { count: coverage.periods.length, hours: gapHours(coverage.periods) })}
      </p>
      {coverage.periods.length > 0 && (
        <ul className="utrecht-unordered-list" aria-label={t('roster.coverage.listLabel')}>
          {coverage.periods.map((gap) => (
            <li className="utrecht-unordered-list__item" key={gap.start}>
              {t('roster.coverage.gap', { from: localText(gap.startLocal), to: localText(gap.endLocal) })}
              {gap.coveredByFallback && ` (${t('roster.coverage.byFallback')})`}
            </li>
          ))}
        </ul>
      )}
      {coverage.overrideReason && (
        <p className="nl-paragraph">{t('roster.coverage.overrideReason', { reason: coverage.overrideReason })}</p>
      )}
      {national && <OverrideForm code={code} current={coverage.overrideReason} onChanged={onChanged} />}
    </section>
  );
}

function OverrideForm({ code, current, onChanged }: { code: string; current: string | null; onChanged: () => void }) {
  const t = useTranslate();
  const form = useApiForm(['reason'] as const);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string>();
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setStatus(undefined);
    void form.submit(
      async () => {
        await setCoverageOverride(code, reason.trim());
        setReason('');
        setStatus(t('roster.override.saved'));
        onChanged();
      },
      reason.trim() ? {} : { reason: t('roster.override.reasonMissing') },
    );
  }
  function withdraw() {
    setStatus(undefined);
    void form.submit(async () => {
      await setCoverageOverride(code, null);
      setStatus(t('roster.override.withdrawn'));
      onChanged();
    });
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="uitzondering-landelijk">
      <SectionHeading level={3} id="uitzondering-landelijk">
        {t('roster.override.title')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('reason')}
        label={t('roster.override.reason')}
        description={t('roster.override.hint')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={form.fieldErrors.reason}
        maxLength={1000}
        required
      />
      <div className="od-button-group">
        <Button type="submit" appearance="primary" busy={form.busy}>
          {t('roster.override.submit')}
        </Button>
        {current && (
          <Button onClick={withdraw} busy={form.busy}>
            {t('roster.override.withdraw')}
          </Button>
        )}
      </div>
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
    </form>
  );
}
