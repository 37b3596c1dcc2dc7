import { useEffect, useState, type FormEvent } from 'react';
import {
  assignConversation,
  fetchAssignees,
  setConversationClosed,
  type ConversationDetail,
} from '../../api/conversations-api.ts';
import { ErrorAlert, FormErrorAlert } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { errorText } from '../../components/error-text.ts';
import { SectionHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useApiForm } from '../../components/use-api-form.ts';
import { useTranslate } from '../../i18n/use-translate.ts';

interface ConversationActionsProps {
  conversation: ConversationDetail;
  /** The server's view after a change. */
  onChanged: (conversation: ConversationDetail, message: string) => void;
}

/** Who handles the conversation (a colleague, or nobody), and closing or reopening it. */
export function ConversationActions({ conversation, onChanged }: ConversationActionsProps) {
  const t = useTranslate();
  const assignees = useApiData(fetchAssignees, 'assignees');
  const form = useApiForm(['userId'] as const);
  const current = conversation.assignedTo?.id ?? '';
  const [chosen, setChosen] = useState(current);
  useEffect(() => setChosen(current), [current]);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string>();
  const closed = conversation.status === 'closed';

  // Someone assigned earlier may no longer be listed (deactivated): keep them as an option.
  const people = [...(assignees.data?.assignees ?? [])];
  if (conversation.assignedTo && !people.some((person) => person.id === conversation.assignedTo?.id))
    people.push(conversation.assignedTo);

  function onAssign(event: FormEvent) {
    event.preventDefault();
    void form.submit(async () => {
      const updated = await assignConversation(conversation.id, chosen || null);
      onChanged(
        updated,
        updated.assignedTo
          ? t('conversations.assigned', { name: updated.assignedTo.displayName })
          : t('conversations.unassigned'),
      );
    });
  }

  async function toggleClosed() {
    setClosing(true);
    setCloseError(undefined);
    try {
      const updated = await setConversationClosed(conversation.id, !closed);
      onChanged(updated, t(closed ? 'conversations.reopened' : 'conversations.closed'));
    } catch (failure) {
      setCloseError(errorText(failure, t));
    } finally {
      setClosing(false);
    }
  }

  return (
    <section aria-labelledby="afhandeling" className="od-panel">
      <SectionHeading level={2} id="afhandeling">
        {t('conversations.handling')}
      </SectionHeading>
      {assignees.error && <ErrorAlert>{assignees.error}</ErrorAlert>}
      <form className="od-inline-form" noValidate onSubmit={onAssign}>
        <FormErrorAlert message={form.formError} alertRef={form.alertRef} />
        <SelectField
          id={form.fieldId('userId')}
          label={t('conversations.assignTo')}
          value={chosen}
          error={form.fieldErrors.userId}
          onChange={(event) => setChosen(event.target.value)}
          options={[
            { value: '', label: t('conversations.assignedToNobody') },
            ...people.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
        />
        <Button type="submit" busy={form.busy}>
          {t('conversations.assign')}
        </Button>
      </form>
      {closeError && <ErrorAlert>{closeError}</ErrorAlert>}
      <ButtonGroup>
        <Button busy={closing} onClick={() => void toggleClosed()}>
          {t(closed ? 'conversations.reopen' : 'conversations.close')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
