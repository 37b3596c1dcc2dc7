import { useState, type FormEvent } from 'react';
import { MESSAGE_MAX_CHARS } from '../../api/conversations-api.ts';
import { FormErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { classNames } from '../../components/class-names.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { TextAreaField } from '../../components/text-area-field.tsx';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

interface MessageFormProps {
  /** The section's id (its heading's too): "antwoorden" or "notitie". */
  id: string;
  heading: string;
  label: string;
  description: string;
  submitLabel: string;
  /** Said after sending (in a live region). */
  sentMessage: string;
  /** Said when nothing was typed. */
  emptyMessage: string;
  onSend: (body: string) => Promise<void>;
  /** Notes look different from replies, in the form too. */
  variant?: 'reply' | 'note';
}

/**
 * One text to send: a reply to the child or an internal note. The text stays in the field when
 * sending fails (the error says why); it is cleared only once the server has it.
 */
export function MessageForm(props: MessageFormProps) {
  const t = useTranslate();
  const form = useApiForm(['body'] as const);
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(0);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = body.trim();
    setSent(0);
    void form.submit(
      async () => {
        await props.onSend(trimmed);
        setBody('');
        setSent((count) => count + 1);
      },
      {
        body: !trimmed
          ? props.emptyMessage
          : trimmed.length > MESSAGE_MAX_CHARS
            ? t('conversations.tooLong', { max: MESSAGE_MAX_CHARS })
            : undefined,
      },
    );
  }

  return (
    <section aria-labelledby={props.id} className={classNames('od-panel', props.variant === 'note' && 'od-note-form')}>
      <form noValidate onSubmit={onSubmit}>
        <SectionHeading level={2} id={props.id}>
          {props.heading}
        </SectionHeading>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <TextAreaField
          id={form.fieldId('body')}
          label={props.label}
          description={props.description}
          error={form.fieldErrors.body}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          rows={5}
        />
        <ButtonGroup>
          <Button type="submit" appearance={props.variant === 'note' ? 'secondary' : 'primary'} busy={form.busy}>
            {props.submitLabel}
          </Button>
        </ButtonGroup>
        <LiveRegion>
          {sent > 0 && (
            <Notice type="ok">
              <p className="nl-paragraph">{props.sentMessage}</p>
            </Notice>
          )}
        </LiveRegion>
      </form>
    </section>
  );
}
