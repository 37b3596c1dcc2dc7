import { Link } from 'react-router';
import type { InboxItem } from '../../api/conversations-api.ts';
import { TableRegion } from '../../components/table-region.tsx';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { shortId, useConversationLabels, useNow } from './conversation-labels.ts';

interface InboxTableProps {
  conversations: InboxItem[];
  /** The caption: which conversations these are (the filter). */
  caption: string;
  /** A newer list is loading. */
  busy: boolean;
}

/**
 * The conversations of the municipality, without content or names (reading those is audited, so it
 * happens only on the conversation's own page). Status and "unread" are words, not colour alone.
 */
export function InboxTable({ conversations, caption, busy }: InboxTableProps) {
  const t = useTranslate();
  const labels = useConversationLabels();
  const formatDateTime = useFormatDateTime();
  const now = useNow();

  return (
    <TableRegion captionId="gesprekken-caption">
      <table className="utrecht-table utrecht-table--html-table od-inbox-table" aria-busy={busy || undefined}>
        <caption className="utrecht-table__caption" id="gesprekken-caption">
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('conversations.column.conversation')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('conversations.column.status')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('conversations.column.childWrote')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('conversations.column.assignedTo')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {conversations.map((conversation) => (
            <tr
              className={`utrecht-table__row${conversation.unread ? ' od-inbox-row--unread' : ''}`}
              key={conversation.id}
              data-conversation-id={conversation.id}
            >
              <th className="utrecht-table__header-cell" scope="row">
                <Link className="nl-link od-cell-title" to={`/gesprekken/${conversation.id}`}>
                  {t('conversations.label', { id: shortId(conversation.id) })}
                  {conversation.unread && <span className="od-visually-hidden"> ({t('conversations.unread')})</span>}
                </Link>
                <span className="od-cell-detail">
                  {labels.ageRange(conversation.ageRange)} ·{' '}
                  {t('conversations.messageCount', { count: conversation.messageCount })}
                </span>
              </th>
              <td className="utrecht-table__cell">
                <span className={`od-status od-status--${conversation.status}`}>
                  {labels.status(conversation.status)}
                </span>
              </td>
              <td className="utrecht-table__cell">
                <time
                  dateTime={conversation.lastChildMessageAt}
                  title={formatDateTime(conversation.lastChildMessageAt)}
                >
                  {labels.since(conversation.lastChildMessageAt, now)}
                </time>
              </td>
              <td className="utrecht-table__cell">
                {conversation.assignedTo?.displayName ?? t('conversations.assignedToNobody')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
