import { useSearchParams } from 'react-router';
import { auditCsvUrl, fetchAuditLog } from '../api/audit-api.ts';
import type { AuditQuery } from '../api/contract-types.ts';
import { ErrorAlert } from '../components/alerts.tsx';
import { PageHeading } from '../components/headings.tsx';
import { useApiData } from '../components/use-api-data.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { AuditFilters, type AuditFilterValues } from './audit/audit-filters.tsx';
import { AuditTable } from './audit/audit-table.tsx';
import { ChainCheck } from './audit/chain-check.tsx';

/** The page's filters live in its address (`?from&to&action&actor`), so a filtered view can be shared. */
function filtersFrom(search: URLSearchParams): AuditFilterValues {
  return {
    from: search.get('from') ?? '',
    to: search.get('to') ?? '',
    action: search.get('action') ?? '',
    actor: search.get('actor') ?? '',
  };
}

/**
 * CONTRACT ASSUMPTION: the API takes `from` and `to` as ISO 8601 instants. The user picks days, so
 * `from` is the start of that day and `to` the end of that day, in the user's time zone.
 */
function apiQuery(filters: AuditFilterValues): AuditQuery {
  return {
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
    action: filters.action.trim() || undefined,
    actor: filters.actor.trim() || undefined,
  };
}

/** The audit log for privacy officers and national coordinators: filter, read, export, verify. */
export function AuditPage() {
  const t = useTranslate();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const query = apiQuery(filters);
  const queryKey = JSON.stringify(query);
  const log = useApiData(() => fetchAuditLog(query), queryKey);

  function applyFilters(values: AuditFilterValues) {
    const next = new URLSearchParams();
    for (const name of ['from', 'to', 'action', 'actor'] as const) {
      const value = values[name].trim();
      if (value) next.set(name, value);
    }
    setSearchParams(next);
  }

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p className="nl-paragraph">{t('audit.intro')}</p>
      <ChainCheck />
      <AuditFilters initial={filters} onApply={applyFilters} />
      <div className="od-toolbar">
        <a
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          href={auditCsvUrl(query)}
          download
        >
          {t('audit.exportCsv')}
        </a>
      </div>
      {log.error && <ErrorAlert>{log.error}</ErrorAlert>}
      {log.loading && !log.data && <p className="nl-paragraph">{t('app.loading')}</p>}
      {log.data && (
        <AuditTable
          entries={log.data.entries}
          busy={log.loading}
          onFilterActor={(actor) => applyFilters({ ...filters, actor })}
        />
      )}
    </>
  );
}
