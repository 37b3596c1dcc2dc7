import { useState, type FormEvent } from 'react';
import { BREAK_GLASS_REASON_MIN_CHARS, breakGlass, type CaseDetail } from '../../api/cases-api.ts';
import { FormErrorAlert, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

interface BreakGlassFormProps {
  caseId: string;
  onOpened: (detail: CaseDetail) => void;
}

/**
 * "Break the glass": someone who is not assigned opens the case for 8 hours with a written reason.
 * The warning says plainly that this is recorded and that the coordinator is told.
 */
export function BreakGlassForm({ caseId, onOpened }: BreakGlassFormProps) {
  const t = useTranslate();
  const form = useApiForm(['reason'] as const);
  const [reason, setReason] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    void form.submit(async () => onOpened(await breakGlass(caseId, trimmed)), {
      reason:
        trimmed.length < BREAK_GLASS_REASON_MIN_CHARS
          ? t('cases.breakGlass.reasonTooShort', { min: BREAK_GLASS_REASON_MIN_CHARS })
          : undefined,
    });
  }

  return (
    <section className="od-panel" aria-labelledby="geen-toegang">
      <form noValidate onSubmit={onSubmit}>
        <SectionHeading level={2} id="geen-toegang">
          {t('cases.breakGlass.title')}
        </SectionHeading>
        <p className="nl-paragraph">{t('cases.breakGlass.intro')}</p>
        <Notice type="warning">
          <p className="nl-paragraph">{t('cases.breakGlass.warning')}</p>
        </Notice>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <TextAreaField
          id={form.fieldId('reason')}
          label={t('cases.breakGlass.reason')}
          description={t('cases.breakGlass.reasonHint', { min: BREAK_GLASS_REASON_MIN_CHARS })}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={form.fieldErrors.reason}
          rows={4}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={form.busy}>
            {t('cases.breakGlass.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
