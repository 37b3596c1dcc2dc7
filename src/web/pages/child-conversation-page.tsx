import type { ChildFormError } from '../../modules/conversations/child-form.schema.ts';
import type { ChildConversationView } from '../../modules/conversations/conversations.types.ts';
import { MESSAGE_MAX_CHARS } from '../../modules/conversations/conversations.types.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import {
  describedBy,
  errorFor,
  ErrorSummary,
  FieldError,
  formTitle,
  HiddenCode,
  type FormNotice,
} from './child-form-parts.tsx';
import { ERROR_VALUES, type ChildPageMunicipality } from './write-page.tsx';

interface ChildConversationPageProps {
  context: PageContext;
  municipality: ChildPageMunicipality;
  conversation: ChildConversationView;
  /** The code as the child typed it; it travels on in hidden fields of this no-store page. */
  code: string;
  /** A fresh one-time token for the reply form. */
  token: string;
  /** The reply typed so far (kept after an error). */
  reply?: string;
  errors?: ChildFormError[];
  notice?: FormNotice | undefined;
  /** The child's reply was just stored. */
  sent?: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time as people in the Netherlands read them, in the page's language. */
function formatTime(locale: string, date: Date): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Amsterdam',
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

/**
 * The conversation as the child sees it: their own messages on one side, the municipality's on the
 * other, oldest first; then a reply form and "delete my conversation". Message bodies are plain
 * text: React escapes them, CSS keeps their line breaks.
 */
export function ChildConversationPage({
  context,
  municipality,
  conversation,
  code,
  token,
  reply = '',
  errors = [],
  notice,
  sent = false,
}: ChildConversationPageProps) {
  const { t } = context;
  const title = t.t('conversation.title', { name: municipality.name });
  const replyError = errorFor(errors, 'message');
  const hasAnswer = conversation.messages.some((message) => message.author === 'staff');
  const base = `/gemeente/${municipality.slug}/lees`;
  return (
    <Layout context={context} title={formTitle(context, title, errors.length > 0 || notice !== undefined)}>
      <ErrorSummary
        context={context}
        errors={errors}
        fieldIds={{ message: 'antwoord' }}
        notice={notice}
        values={ERROR_VALUES}
      />
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      {sent && (
        <p className="utrecht-alert utrecht-alert--ok od-notice" role="status">
          {t.t('conversation.sent')}
        </p>
      )}
      <ol className="od-messages" aria-label={t.t('conversation.messagesLabel')}>
        {conversation.messages.map((message) => (
          <li key={message.id} className={`od-message od-message--${message.author}`}>
            <p className="od-message-author">
              {message.author === 'child'
                ? t.t('conversation.you')
                : t.t('conversation.municipality', { name: municipality.name })}
            </p>
            {/* dir="auto": a Dutch message on the Arabic page (or the reverse) still reads the right way. */}
            <p className="od-message-body" dir="auto">
              {message.body}
            </p>
            <p className="od-message-time">
              <time dateTime={message.createdAt.toISOString()}>{formatTime(t.locale, message.createdAt)}</time>
            </p>
          </li>
        ))}
      </ol>
      {!hasAnswer && <p className="nl-paragraph">{t.t('conversation.noReplyYet')}</p>}
      {conversation.someoneHelps && (
        <p className="utrecht-alert utrecht-alert--ok od-notice">{t.t('conversation.someoneHelps')}</p>
      )}

      <form className="od-form" method="post" action={t.href(`${base}/antwoord`)} noValidate>
        <div className={`utrecht-form-field od-field${replyError ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label od-label-large" htmlFor="antwoord">
              {t.t('conversation.replyLabel')}
            </label>
          </div>
          <FieldError context={context} error={replyError} id="antwoord-fout" values={ERROR_VALUES} />
          <textarea
            className="utrecht-textbox od-textarea"
            id="antwoord"
            name="message"
            rows={5}
            maxLength={MESSAGE_MAX_CHARS}
            required
            autoComplete="off"
            defaultValue={reply}
            aria-invalid={replyError ? true : undefined}
            aria-describedby={describedBy(replyError && 'antwoord-fout')}
          />
        </div>
        <HiddenCode code={code} />
        <input type="hidden" name="token" value={token} />
        <button className="utrecht-button utrecht-button--primary-action od-submit" type="submit">
          {t.t('conversation.replySubmit')}
        </button>
      </form>

      <section className="od-card" aria-labelledby="verwijderen">
        <h2 id="verwijderen" className="nl-heading nl-heading--level-2">
          {t.t('conversation.deleteTitle')}
        </h2>
        <p className="nl-paragraph">{t.t('conversation.deleteText')}</p>
        <form method="post" action={t.href(`${base}/verwijder`)}>
          <HiddenCode code={code} />
          <button className="utrecht-button utrecht-button--secondary-action od-submit" type="submit">
            {t.t('conversation.deleteButton')}
          </button>
        </form>
      </section>
      <p className="nl-paragraph">{t.t('conversation.doneHint')}</p>
    </Layout>
  );
}
