import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { addNote, fetchConversation, replyToChild, type ConversationDetail } from '../../api/conversations-api.ts';
import { ErrorAlert, LiveRegion, Notice } from '../../components/alerts.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { OpenCaseButton } from '../cases/open-case-button.tsx';
import { ConversationActions } from './conversation-actions.tsx';
import { shortId, useConversationLabels } from './conversation-labels.ts';
import { ConversationTimeline } from './conversation-timeline.tsx';
import { MessageForm } from './message-form.tsx';
import { useConversationEvents } from './use-conversation-events.ts';
import './conversations.css';

/**
 * One conversation: what the child and the team wrote, internal notes, a reply, a note, who handles
 * it, close or reopen. Changes by the child or by colleagues appear without reloading the page.
 */
export function ConversationPage() {
  const t = useTranslate();
  const labels = useConversationLabels();
  const formatDateTime = useFormatDateTime();
  const id = useParams().id ?? '';
  const loaded = useApiData(() => fetchConversation(id), id);
  // The latest view: from loading, or from the answer to our own change (which is newer).
  const [conversation, setConversation] = useState<ConversationDetail>();
  useEffect(() => setConversation(loaded.data), [loaded.data]);
  const [notice, setNotice] = useState<string>();
  const [deleted, setDeleted] = useState(false);

  useConversationEvents((events) => {
    if (events.some((event) => event.kind === 'deleted')) setDeleted(true);
    else loaded.reload();
  }, id);

  function changed(view: ConversationDetail, message: string) {
    setConversation(view);
    setNotice(message);
  }

  const title = t('conversations.label', { id: shortId(id) });
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/gesprekken">
          {t('conversations.backToInbox')}
        </Link>
      </p>
      <LiveRegion>
        {deleted && (
          <Notice type="warning">
            <p className="nl-paragraph">{t('conversations.deletedByChild')}</p>
          </Notice>
        )}
        {notice && !deleted && (
          <Notice type="ok">
            <p className="nl-paragraph">{notice}</p>
          </Notice>
        )}
      </LiveRegion>
      {loaded.error && !deleted && <ErrorAlert>{loaded.error}</ErrorAlert>}
      {loaded.loading && !conversation && <p className="nl-paragraph">{t('app.loading')}</p>}
      {conversation && !deleted && (
        <>
          <dl className="od-facts">
            <dt>{t('conversations.column.status')}</dt>
            <dd>
              <span className={`od-status od-status--${conversation.status}`}>
                {labels.status(conversation.status)}
              </span>
            </dd>
            <dt>{t('conversations.fact.name')}</dt>
            <dd className="od-break">{conversation.name ?? t('conversations.fact.noName')}</dd>
            <dt>{t('conversations.fact.age')}</dt>
            <dd>{labels.ageRange(conversation.ageRange)}</dd>
            <dt>{t('conversations.fact.contact')}</dt>
            <dd className="od-break">
              {t(`conversations.contact.${conversation.contact.preference}`)}
              {conversation.contact.detail ? `: ${conversation.contact.detail}` : ''}
            </dd>
            <dt>{t('conversations.column.assignedTo')}</dt>
            <dd>{conversation.assignedTo?.displayName ?? t('conversations.assignedToNobody')}</dd>
            <dt>{t('conversations.fact.started')}</dt>
            <dd>{formatDateTime(conversation.createdAt)}</dd>
          </dl>
          <OpenCaseButton conversationId={conversation.id} />
          <ConversationTimeline conversation={conversation} />
          {conversation.status === 'closed' ? (
            <p className="nl-paragraph">{t('conversations.closedNoReply')}</p>
          ) : (
            <MessageForm
              id="antwoorden"
              heading={t('conversations.reply.heading')}
              label={t('conversations.reply.label')}
              description={t('conversations.reply.description')}
              submitLabel={t('conversations.reply.submit')}
              sentMessage={t('conversations.reply.sent')}
              emptyMessage={t('conversations.reply.empty')}
              onSend={async (body) => setConversation(await replyToChild(id, body))}
            />
          )}
          <MessageForm
            id="notitie"
            variant="note"
            heading={t('conversations.note.heading')}
            label={t('conversations.note.label')}
            description={t('conversations.note.description')}
            submitLabel={t('conversations.note.submit')}
            sentMessage={t('conversations.note.sent')}
            emptyMessage={t('conversations.note.empty')}
            onSend={async (body) => setConversation(await addNote(id, body))}
          />
          <ConversationActions conversation={conversation} onChanged={changed} />
        </>
      )}
    </>
  );
}
