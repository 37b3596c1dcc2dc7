import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { SUMMARY_MAX_CHARS, saveSummary, type CaseDetail } from '../../api/cases-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { shortId } from '../conversations/conversation-labels.ts';
import { useCaseLabels, useFormatDate } from './case-labels.ts';

interface CaseFactsProps {
  detail: CaseDetail;
  onChanged: (detail: CaseDetail, message: string) => void;
}

/** The case's header: status, origin, dates, how the user has access; and the short summary to edit. */
export function CaseFacts({ detail, onChanged }: CaseFactsProps) {
  const t = useTranslate();
  const labels = useCaseLabels();
  const formatDateTime = useFormatDateTime();
  const formatDate = useFormatDate();
  return (
    <section aria-labelledby="gegevens" className="od-case__facts">
      <SectionHeading level={2} id="gegevens">
        {t('cases.facts.title')}
      </SectionHeading>
      <dl className="od-facts">
        <dt>{t('cases.column.status')}</dt>
        <dd>
          <span className={`od-status od-case-status--${detail.status}`}>{labels.status(detail.status)}</span>
          {detail.legalHold && <span className="od-tag">{t('cases.legalHold.tag')}</span>}
        </dd>
        <dt>{t('cases.facts.origin')}</dt>
        <dd>
          {labels.origin(detail.origin)}
          {detail.conversationId && (
            <>
              {' · '}
              <Link className="nl-link" to={`/gesprekken/${detail.conversationId}`}>
                {t('cases.facts.toConversation', { id: shortId(detail.conversationId) })}
              </Link>
            </>
          )}
        </dd>
        <dt>{t('cases.facts.created')}</dt>
        <dd>{formatDateTime(detail.createdAt)}</dd>
        <dt>{t('cases.column.lastActivity')}</dt>
        <dd>{formatDateTime(detail.lastActivityAt)}</dd>
        {detail.closedAt && (
          <>
            <dt>{t('cases.facts.closed')}</dt>
            <dd>{formatDateTime(detail.closedAt)}</dd>
          </>
        )}
        {detail.destroyAfter && (
          <>
            <dt>{t('cases.facts.destroyAfter')}</dt>
            <dd>
              {detail.legalHold
                ? t('cases.facts.destroyOnHold', { date: formatDate(detail.destroyAfter) })
                : formatDate(detail.destroyAfter)}
            </dd>
          </>
        )}
        <dt>{t('cases.facts.access')}</dt>
        <dd>{t(`cases.access.${detail.access}`)}</dd>
      </dl>
      <SummaryForm detail={detail} onChanged={onChanged} />
    </section>
  );
}

function SummaryForm({ detail, onChanged }: CaseFactsProps) {
  const t = useTranslate();
  const form = useApiForm(['summary'] as const);
  const [summary, setSummary] = useState(detail.summary ?? '');
  useEffect(() => setSummary(detail.summary ?? ''), [detail.summary]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = summary.trim();
    void form.submit(async () => onChanged(await saveSummary(detail.id, trimmed), t('cases.summary.saved')), {
      summary: trimmed.length > SUMMARY_MAX_CHARS ? t('cases.tooLong', { max: SUMMARY_MAX_CHARS }) : undefined,
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="od-case__summary">
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <TextAreaField
        id={form.fieldId('summary')}
        label={t('cases.summary.label')}
        description={t('cases.summary.hint')}
        value={summary}
        onChange={(event) => setSummary(event.target.value)}
        error={form.fieldErrors.summary}
        rows={3}
      />
      <ButtonGroup>
        <Button type="submit" busy={form.busy}>
          {t('cases.summary.save')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
