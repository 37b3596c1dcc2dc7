import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { CONVERSATION_STATUSES, fetchInbox, type InboxFilter } from '../../api/conversations-api.ts';
import { ErrorAlert, LiveRegion } from '../../components/alerts.tsx';
import { Button } from '../../components/buttons.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { useSession } from '../../session/session-store.ts';
import { OpenAlerts } from '../front-desk/open-alerts.tsx';
import { useConversationLabels } from './conversation-labels.ts';
import { InboxTable } from './inbox-table.tsx';
import { useConversationEvents } from './use-conversation-events.ts';
import './conversations.css';

const FILTERS: readonly InboxFilter[] = ['all', ...CONVERSATION_STATUSES];

/** The filter lives in the address (`?status=`), so back and forward and a shared link keep it. */
function filterFrom(search: URLSearchParams): InboxFilter {
  const status = search.get('status');
  return FILTERS.find((filter) => filter === status) ?? 'all';
}

/**
 * The inbox of the user's municipality. It stays current by itself: every change the server reports
 * (a new conversation, a child's message, a colleague's reply) loads the list again, and a new
 * conversation is announced to screen-reader users too.
 */
export function InboxPage() {
  const t = useTranslate();
  const labels = useConversationLabels();
  const session = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterFrom(searchParams);
  const [chosen, setChosen] = useState<InboxFilter>(filter);
  useEffect(() => setChosen(filter), [filter]);
  const inbox = useApiData(() => fetchInbox(filter), filter);
  const [announcement, setAnnouncement] = useState<{ text: string; sequence: number }>();

  useConversationEvents((events) => {
    inbox.reload();
    const created = events.filter((event) => event.kind === 'created').length;
    if (created > 0)
      setAnnouncement((previous) => ({
        text: t('conversations.newArrived', { count: created }),
        sequence: (previous?.sequence ?? 0) + 1,
      }));
  });

  function applyFilter(event: FormEvent) {
    event.preventDefault();
    setSearchParams(chosen === 'all' ? {} : { status: chosen });
  }

  const filterLabel = (value: InboxFilter) => (value === 'all' ? t('conversations.filter.all') : labels.status(value));
  const caption =
    filter === 'all'
      ? t('conversations.caption.all', { count: inbox.data?.conversations.length ?? 0 })
      : t('conversations.caption.status', {
          count: inbox.data?.conversations.length ?? 0,
          status: labels.status(filter),
        });

  return (
    <>
      <PageHeading>{t('conversations.title')}</PageHeading>
      <p className="nl-paragraph od-lead">
        {t('conversations.intro', { municipality: session?.user.municipalityName ?? '' })}
      </p>
      <OpenAlerts />
      <LiveRegion>
        {announcement && (
          <p className="nl-paragraph od-announcement" key={announcement.sequence}>
            {announcement.text}
          </p>
        )}
      </LiveRegion>
      <form
        className="od-inline-form od-inbox-filter"
        onSubmit={applyFilter}
        aria-label={t('conversations.filter.label')}
      >
        <SelectField
          id="gesprekken-status"
          label={t('conversations.filter.status')}
          value={chosen}
          onChange={(event) => setChosen(event.target.value as InboxFilter)}
          options={FILTERS.map((value) => ({ value, label: filterLabel(value) }))}
        />
        <Button type="submit">{t('conversations.filter.apply')}</Button>
      </form>
      {inbox.error && <ErrorAlert>{inbox.error}</ErrorAlert>}
      {inbox.loading && !inbox.data && <p className="nl-paragraph">{t('app.loading')}</p>}
      {inbox.data &&
        (inbox.data.conversations.length === 0 ? (
          <p className="nl-paragraph od-inbox-empty">
            {filter === 'all'
              ? t('conversations.none')
              : t('conversations.noneWithStatus', { status: labels.status(filter) })}
          </p>
        ) : (
          <InboxTable conversations={inbox.data.conversations} caption={caption} busy={inbox.loading} />
        ))}
    </>
  );
}
