import { useState, type FormEvent } from 'react';
import { ErrorAlert, FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { addException, removeException, type RosterException, type RosterView } from '../../api/roster-api.ts';
import { CoverageOverrideField, useCoverageOverride } from './coverage-override.tsx';
import { localText, memberName } from './roster-format.ts';

const NOBODY = '';

interface ExceptionsSectionProps {
  code: string;
  view: RosterView;
  canEdit: boolean;
  onChanged: () => void;
}

/** Leave and swaps: who is replaced, by whom (or nobody), from and to (Amsterdam time). */
export function ExceptionsSection({ code, view, canEdit, onChanged }: ExceptionsSectionProps) {
  const t = useTranslate();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const override = useCoverageOverride();

  async function remove(exception: RosterException) {
    setError(undefined);
    try {
      await override.run((reason) => removeException(code, exception.id, reason));
      setStatus(t('roster.exceptions.removed'));
      onChanged();
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  return (
    <section className="od-card" aria-labelledby="uitzonderingen">
      <SectionHeading level={2} id="uitzonderingen">
        {t('roster.exceptions.title')}
      </SectionHeading>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <CoverageOverrideField id="uitzondering-verwijderen-reden" override={override} />
      {view.exceptions.length === 0 ? (
        <p className="nl-paragraph">{t('roster.exceptions.none')}</p>
      ) : (
        <ul className="utrecht-unordered-list" aria-label={t('roster.exceptions.title')}>
          {view.exceptions.map((exception) => {
            const description = describe(exception);
            return (
              <li className="utrecht-unordered-list__item" key={exception.id}>
                {description}
                {exception.reason && ` — ${exception.reason}`}
                {canEdit && (
                  <div className="od-cell-actions">
                    <ConfirmAction
                      label={t('action.remove')}
                      accessibleLabel={t('roster.exceptions.removeNamed', { description })}
                      question={t('roster.exceptions.removeQuestion')}
                      onConfirm={() => remove(exception)}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <LiveRegion>{status && <Notice type="ok">{status}</Notice>}</LiveRegion>
      {canEdit && (
        <AddExceptionForm
          code={code}
          view={view}
          onAdded={() => {
            setStatus(t('roster.exceptions.added'));
            onChanged();
          }}
        />
      )}
    </section>
  );

  function describe(exception: RosterException): string {
    const values = {
      from: localText(exception.startsLocal),
      to: localText(exception.endsLocal),
      name: memberName(view.team, exception.userId),
      replacement: memberName(view.team, exception.replacementUserId),
    };
    return exception.replacementUserId ? t('roster.exceptions.swap', values) : t('roster.exceptions.leave', values);
  }
}

function AddExceptionForm({ code, view, onAdded }: { code: string; view: RosterView; onAdded: () => void }) {
  const t = useTranslate();
  const form = useApiForm(['userId', 'replacementUserId', 'startsLocal', 'endsLocal', 'reason'] as const);
  const [userId, setUserId] = useState('');
  const [replacement, setReplacement] = useState(NOBODY);
  const [startsLocal, setStartsLocal] = useState('');
  const [endsLocal, setEndsLocal] = useState('');
  const [reason, setReason] = useState('');
  const override = useCoverageOverride();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors = {
      userId: userId ? undefined : t('roster.exceptions.personMissing'),
      startsLocal: startsLocal ? undefined : t('roster.exceptions.whenMissing'),
      endsLocal: !endsLocal
        ? t('roster.exceptions.whenMissing')
        : startsLocal && endsLocal <= startsLocal
          ? t('roster.exceptions.endBeforeStart')
          : undefined,
      replacementUserId: replacement && replacement === userId ? t('roster.exceptions.sameReplacement') : undefined,
    };
    void form.submit(async () => {
      await override.run((coverageOverrideReason) =>
        addException(code, {
          userId,
          replacementUserId: replacement || null,
          startsLocal,
          endsLocal,
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(coverageOverrideReason ? { coverageOverrideReason } : {}),
        }),
      );
      setStartsLocal('');
      setEndsLocal('');
      setReason('');
      onAdded();
    }, errors);
  }

  const people = view.team.map((member) => ({ value: member.id, label: member.displayName }));
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="uitzondering-toevoegen">
      <SectionHeading level={3} id="uitzondering-toevoegen">
        {t('roster.exceptions.addTitle')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextField
        id={form.fieldId('startsLocal')}
        label={t('roster.exceptions.from')}
        type="datetime-local"
        value={startsLocal}
        onChange={(event) => setStartsLocal(event.target.value)}
        error={form.fieldErrors.startsLocal}
      />
      <TextField
        id={form.fieldId('endsLocal')}
        label={t('roster.exceptions.to')}
        type="datetime-local"
        value={endsLocal}
        onChange={(event) => setEndsLocal(event.target.value)}
        error={form.fieldErrors.endsLocal}
      />
      <SelectField
        id={form.fieldId('userId')}
        label={t('roster.exceptions.person')}
        value={userId}
        onChange={(event) => setUserId(event.target.value)}
        error={form.fieldErrors.userId}
        options={[{ value: '', label: t('roster.choosePerson') }, ...people]}
      />
      <SelectField
        id={form.fieldId('replacementUserId')}
        label={t('roster.exceptions.replacement')}
        value={replacement}
        onChange={(event) => setReplacement(event.target.value)}
        error={form.fieldErrors.replacementUserId}
        options={[{ value: NOBODY, label: t('roster.exceptions.nobody') }, ...people]}
      />
      <TextField
        id={form.fieldId('reason')}
        label={t('roster.exceptions.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={form.fieldErrors.reason}
        maxLength={200}
      />
      <CoverageOverrideField id="uitzondering-toevoegen-reden" override={override} />
      <Button type="submit" appearance="primary" busy={form.busy}>
        {t('roster.exceptions.add')}
      </Button>
    </form>
  );
}
