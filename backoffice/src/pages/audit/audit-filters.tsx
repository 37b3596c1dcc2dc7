import { useEffect, useState, type FormEvent } from 'react';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { TextField } from '../../components/text-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

/** The filters as typed: days as YYYY-MM-DD, the rest as text. */
export interface AuditFilterValues {
  from: string;
  to: string;
  action: string;
  actor: string;
}

const EMPTY: AuditFilterValues = { from: '', to: '', action: '', actor: '' };

interface AuditFiltersProps {
  initial: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
}

/** Filters for the audit log: a period, an action, a person. */
export function AuditFilters({ initial, onApply }: AuditFiltersProps) {
  const t = useTranslate();
  const [values, setValues] = useState(initial);
  // The address changed without this form (back, forward, "only this person"): show what it says.
  // Keyed on the values, not the object, which is new on every render.
  const { from, to, action, actor } = initial;
  useEffect(() => setValues({ from, to, action, actor }), [from, to, action, actor]);
  const form = useApiForm(['from', 'to', 'action', 'actor'] as const);
  const set = (name: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void form.submit(async () => onApply(values), {
      to: values.from && values.to && values.to < values.from ? t('audit.filters.toBeforeFrom') : undefined,
    });
  }

  return (
    <form className="od-filters" noValidate onSubmit={onSubmit} aria-label={t('audit.filters.label')}>
      <div className="od-filters__fields">
        <TextField
          id={form.fieldId('from')}
          type="date"
          label={t('audit.filters.from')}
          value={values.from}
          onChange={set('from')}
          error={form.fieldErrors.from}
        />
        <TextField
          id={form.fieldId('to')}
          type="date"
          label={t('audit.filters.to')}
          value={values.to}
          onChange={set('to')}
          error={form.fieldErrors.to}
        />
        <TextField
          id={form.fieldId('action')}
          label={t('audit.filters.action')}
          description={t('audit.filters.actionHint')}
          value={values.action}
          onChange={set('action')}
          error={form.fieldErrors.action}
          spellCheck={false}
          autoComplete="off"
        />
        <TextField
          id={form.fieldId('actor')}
          label={t('audit.filters.actor')}
          description={t('audit.filters.actorHint')}
          value={values.actor}
          onChange={set('actor')}
          error={form.fieldErrors.actor}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary">
          {t('audit.filters.apply')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            setValues(EMPTY);
            onApply(EMPTY);
          }}
        >
          {t('audit.filters.clear')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
