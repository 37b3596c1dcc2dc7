import type { ConversationDetail } from '../../api/conversations-api.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';

type Entry =
  | { kind: 'message'; item: ConversationDetail['messages'][number] }
  | { kind: 'note'; item: ConversationDetail['notes'][number] };

/** Messages and notes in the order they were written (ISO times of one server sort as text). */
function timeline(conversation: ConversationDetail): Entry[] {
  const entries: Entry[] = [
    ...conversation.messages.map((item) => ({ kind: 'message' as const, item })),
    ...conversation.notes.map((item) => ({ kind: 'note' as const, item })),
  ];
  return entries.sort((a, b) => Date.parse(a.item.createdAt) - Date.parse(b.item.createdAt));
}

/**
 * The conversation as a list: the child's messages on the left, the team's replies on the right,
 * internal notes set apart and labelled as never shown to the child. Every text is rendered as
 * text (React escapes it; line breaks kept by CSS), never as HTML.
 */
export function ConversationTimeline({ conversation }: { conversation: ConversationDetail }) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const childName = conversation.name ?? t('conversations.author.child');

  return (
    <ol className="od-timeline" aria-label={t('conversations.timeline')}>
      {timeline(conversation).map((entry) => {
        if (entry.kind === 'note') {
          return (
            <li key={`note-${entry.item.id}`} className="od-timeline__item od-note">
              <p className="od-note__label">{t('conversations.noteLabel')}</p>
              <p className="od-message__meta">
                {entry.item.authorName} ·{' '}
                <time dateTime={entry.item.createdAt}>{formatDateTime(entry.item.createdAt)}</time>
              </p>
              <p className="od-message__body">{entry.item.body}</p>
            </li>
          );
        }
        const fromChild = entry.item.author === 'child';
        return (
          <li
            key={`message-${entry.item.id}`}
            className={`od-timeline__item od-message od-message--${fromChild ? 'child' : 'staff'}`}
          >
            <p className="od-message__meta">
              <span className="od-message__author">
                {fromChild
                  ? childName
                  : t('conversations.author.staff', { name: entry.item.authorName ?? t('conversations.author.team') })}
              </span>{' '}
              · <time dateTime={entry.item.createdAt}>{formatDateTime(entry.item.createdAt)}</time>
            </p>
            <p className="od-message__body">{entry.item.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
