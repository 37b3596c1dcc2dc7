import { useState, type FormEvent } from 'react';
import { addCaseEvent, CASE_TEXT_MAX_CHARS, type CaseDetail } from '../../api/cases-api.ts';
import { FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { classNames } from '../../components/class-names.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { RadioGroup } from '../../components/radio-group.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { useCaseLabels } from './case-labels.ts';
import { useDescribeEvent } from './timeline-details.ts';

interface CaseTimelineProps {
  detail: CaseDetail;
  onChanged: (detail: CaseDetail, message: string) => void;
}

/**
 * Everything that happened on the case, with who and when: notes, calls, decisions, referrals, status
 * changes, and the messages of the child's conversation (marked as such), oldest first as the server
 * orders them. Texts are shown as text.
 * Below it: a note or a phone call to add.
 */
export function CaseTimeline({ detail, onChanged }: CaseTimelineProps) {
  const t = useTranslate();
  const labels = useCaseLabels();
  const formatDateTime = useFormatDateTime();
  const describe = useDescribeEvent();
  return (
    <section aria-labelledby="tijdlijn" className="od-panel">
      <SectionHeading level={2} id="tijdlijn">
        {t('cases.timeline.title')}
      </SectionHeading>
      {detail.timeline.length === 0 ? (
        <p className="nl-paragraph">{t('cases.timeline.empty')}</p>
      ) : (
        <ol className="od-case-timeline" aria-label={t('cases.timeline.title')}>
          {detail.timeline.map((entry) => {
            const message = entry.kind === 'message';
            const fromChild = message && entry.details['author'] === 'child';
            const what = describe(entry);
            return (
              <li
                key={`${entry.kind}-${entry.id}`}
                className={classNames(
                  'od-case-event',
                  `od-case-event--${entry.kind}`,
                  message && (fromChild ? 'od-case-event--child' : 'od-case-event--staff'),
                )}
              >
                <p className="od-case-event__kind">
                  {message
                    ? t(fromChild ? 'cases.event.messageFromChild' : 'cases.event.messageFromTeam')
                    : labels.eventKind(entry.kind)}
                </p>
                <p className="od-message__meta">
                  {entry.actor?.displayName ?? (fromChild ? t('cases.event.theChild') : t('cases.event.system'))} ·{' '}
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </p>
                {what && <p className="od-case-event__what">{what}</p>}
                {entry.text && <p className="od-message__body">{entry.text}</p>}
              </li>
            );
          })}
        </ol>
      )}
      <EventForm detail={detail} onChanged={onChanged} />
    </section>
  );
}

function EventForm({ detail, onChanged }: CaseTimelineProps) {
  const t = useTranslate();
  const form = useApiForm(['kind', 'text'] as const);
  const [kind, setKind] = useState<'note' | 'call'>('note');
  const [text, setText] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    void form.submit(
      async () => {
        const updated = await addCaseEvent(detail.id, kind, trimmed);
        setText('');
        onChanged(updated, t(kind === 'note' ? 'cases.addEvent.noteAdded' : 'cases.addEvent.callAdded'));
      },
      {
        text: !trimmed
          ? t('cases.addEvent.empty')
          : trimmed.length > CASE_TEXT_MAX_CHARS
            ? t('cases.tooLong', { max: CASE_TEXT_MAX_CHARS })
            : undefined,
      },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="od-case__event-form" aria-labelledby="tijdlijn-toevoegen">
      <SectionHeading level={3} id="tijdlijn-toevoegen">
        {t('cases.addEvent.title')}
      </SectionHeading>
      <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
      <RadioGroup
        id={form.fieldId('kind')}
        name="soort"
        legend={t('cases.addEvent.kind')}
        value={kind}
        onChange={(value) => setKind(value as 'note' | 'call')}
        options={[
          { value: 'note', label: t('cases.event.note') },
          { value: 'call', label: t('cases.event.call') },
        ]}
        error={form.fieldErrors.kind}
      />
      <TextAreaField
        id={form.fieldId('text')}
        label={t(kind === 'note' ? 'cases.addEvent.noteLabel' : 'cases.addEvent.callLabel')}
        description={t('cases.addEvent.hint')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={form.fieldErrors.text}
        rows={4}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy}>
          {t('cases.addEvent.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
