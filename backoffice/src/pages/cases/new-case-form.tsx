import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { SUMMARY_MAX_CHARS, createCase, NEW_CASE_ORIGINS, type NewCaseOrigin } from '../../api/cases-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useCaseLabels } from './case-labels.ts';

/**
 * "Nieuw dossier": how the child came (walk-in, phone, by hand) and a short summary. Opens behind a
 * button so the list stays at the top; the new case's page follows.
 */
export function NewCaseForm() {
  const t = useTranslate();
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const form = useApiForm(['origin', 'summary'] as const);
  const [open, setOpen] = useState(false);
  const [origin, setOrigin] = useState<NewCaseOrigin>('walk_in');
  const [summary, setSummary] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = summary.trim();
    void form.submit(
      async () => {
        const { id } = await createCase(origin, trimmed || undefined);
        await navigate(`/dossiers/${id}`);
      },
      { summary: trimmed.length > SUMMARY_MAX_CHARS ? t('cases.tooLong', { max: SUMMARY_MAX_CHARS }) : undefined },
    );
  }

  if (!open) {
    return (
      <ButtonGroup>
        <Button appearance="primary" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('cases.new.open')}
        </Button>
      </ButtonGroup>
    );
  }
  return (
    <section className="od-panel" aria-labelledby="nieuw-dossier">
      <form noValidate onSubmit={onSubmit}>
        <SectionHeading level={2} id="nieuw-dossier" focusOnMount>
          {t('cases.new.title')}
        </SectionHeading>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <RadioGroup
          id={form.fieldId('origin')}
          name="herkomst"
          legend={t('cases.new.origin')}
          value={origin}
          onChange={(value) => setOrigin(value as NewCaseOrigin)}
          options={NEW_CASE_ORIGINS.map((value) => ({ value, label: labels.origin(value) }))}
          error={form.fieldErrors.origin}
        />
        <TextAreaField
          id={form.fieldId('summary')}
          label={t('cases.new.summary')}
          description={t('cases.new.summaryHint')}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
          error={form.fieldErrors.summary}
          rows={3}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={form.busy}>
            {t('cases.new.submit')}
          </Button>
          <Button appearance="subtle" onClick={() => setOpen(false)}>
            {t('action.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
