import { useEffect, useState, type FormEvent } from 'react';
import { CASE_TEXT_MAX_CHARS, CHILD_CONSENTS, saveConsent, type ChildConsent } from '../../api/cases-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import type { CaseChangeProps } from './case-handling.tsx';
import { useCaseLabels } from './case-labels.ts';

/** Whether the child agrees to a referral, with an optional note (recorded on the timeline). */
export function ConsentForm({ detail, onChanged }: CaseChangeProps) {
  const t = useTranslate();
  const labels = useCaseLabels();
  const form = useApiForm(['consent', 'note'] as const);
  const [consent, setConsent] = useState<ChildConsent>(detail.childConsent);
  const [note, setNote] = useState('');
  useEffect(() => setConsent(detail.childConsent), [detail.childConsent]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = note.trim();
    void form.submit(
      async () => {
        const updated = await saveConsent(detail.id, consent, trimmed || undefined);
        setNote('');
        onChanged(updated, t('cases.consent.saved', { consent: labels.consent(updated.childConsent) }));
      },
      { note: trimmed.length > CASE_TEXT_MAX_CHARS ? t('cases.tooLong', { max: CASE_TEXT_MAX_CHARS }) : undefined },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="toestemming">
      <SectionHeading level={3} id="toestemming">
        {t('cases.consent.title')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <RadioGroup
        id={form.fieldId('consent')}
        name="toestemming"
        legend={t('cases.consent.question')}
        value={consent}
        onChange={(value) => setConsent(value as ChildConsent)}
        options={CHILD_CONSENTS.map((value) => ({ value, label: labels.consent(value) }))}
        error={form.fieldErrors.consent}
      />
      <TextAreaField
        id={form.fieldId('note')}
        label={t('cases.consent.note')}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={form.fieldErrors.note}
        rows={2}
      />
      <ButtonGroup>
        <Button type="submit" busy={form.busy}>
          {t('cases.consent.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
