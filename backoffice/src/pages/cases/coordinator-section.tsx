import { useState, type FormEvent } from 'react';
import { caseExportUrl, caseReference, liftLegalHold, setLegalHold, type CaseDetail } from '../../api/cases-api.ts';
import { ErrorAlert, FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { ConfirmAction } from '../../components/confirm-action.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';

interface CoordinatorSectionProps {
  detail: CaseDetail;
  /** Without a view: the page loads the case again. */
  onChanged: (detail: CaseDetail | undefined, message: string) => void;
}

/** For the coordinator: the case file as PDF (audited), and a legal hold that stops destruction. */
export function CoordinatorSection({ detail, onChanged }: CoordinatorSectionProps) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const form = useApiForm(['reason'] as const);
  const [reason, setReason] = useState('');
  const [lifting, setLifting] = useState(false);
  const [liftError, setLiftError] = useState<string>();

  function onSet(event: FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    void form.submit(
      async () => {
        await setLegalHold(detail.id, trimmed);
        setReason('');
        onChanged(undefined, t('cases.legalHold.set'));
      },
      { reason: trimmed ? undefined : t('cases.legalHold.reasonMissing') },
    );
  }

  async function lift() {
    setLifting(true);
    setLiftError(undefined);
    try {
      await liftLegalHold(detail.id);
      onChanged(undefined, t('cases.legalHold.lifted'));
    } catch (failure) {
      setLiftError(errorText(failure, t));
    } finally {
      setLifting(false);
    }
  }

  return (
    <section aria-labelledby="coordinator" className="od-panel od-panel--quiet">
      <SectionHeading level={2} id="coordinator">
        {t('cases.coordinator.title')}
      </SectionHeading>
      <SectionHeading level={3} id="exporteren">
        {t('cases.export.title')}
      </SectionHeading>
      <p className="nl-paragraph">{t('cases.export.intro')}</p>
      <p className="nl-paragraph">
        <a className="nl-link" href={caseExportUrl(detail.id)} download={`dossier-${caseReference(detail.id)}.pdf`}>
          {t('cases.export.link')}
        </a>
      </p>
      <SectionHeading level={3} id="bewaarplicht">
        {t('cases.legalHold.title')}
      </SectionHeading>
      <p className="nl-paragraph">{t('cases.legalHold.intro')}</p>
      {detail.legalHold ? (
        <>
          <p className="nl-paragraph">{t('cases.legalHold.since', { at: formatDateTime(detail.legalHold.since) })}</p>
          {detail.legalHold.reason && (
            <p className="nl-paragraph od-break">
              {t('cases.legalHold.reasonIs', { reason: detail.legalHold.reason })}
            </p>
          )}
          {liftError && <ErrorAlert>{liftError}</ErrorAlert>}
          <ConfirmAction
            label={t('cases.legalHold.lift')}
            question={t('cases.legalHold.liftQuestion')}
            busy={lifting}
            onConfirm={lift}
          />
        </>
      ) : (
        <form noValidate onSubmit={onSet}>
          <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
          <TextAreaField
            id={form.fieldId('reason')}
            label={t('cases.legalHold.reason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={form.fieldErrors.reason}
            rows={2}
          />
          <ButtonGroup>
            <Button type="submit" busy={form.busy}>
              {t('cases.legalHold.submit')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}
