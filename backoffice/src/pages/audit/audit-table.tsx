import type { AuditEntry } from '../../api/contract-types.ts';
import { Button } from '../../components/buttons.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import type { MessageId } from '../../i18n/messages.ts';
import { ALL_ROLES } from '../../session/roles.ts';

interface AuditTableProps {
  entries: AuditEntry[];
  /** A newer filter is loading: the rows are about to change. */
  busy: boolean;
  onFilterActor: (actorUserId: string) => void;
}

/** The audit entries, newest first. */
export function AuditTable({ entries, busy, onFilterActor }: AuditTableProps) {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const roleName = (role: string | null) =>
    role && (ALL_ROLES as readonly string[]).includes(role) ? t(`role.${role}` as MessageId) : (role ?? '');

  if (entries.length === 0) return <p className="nl-paragraph">{t('audit.none')}</p>;
  return (
    <TableRegion captionId="audit-caption">
      <table className="utrecht-table utrecht-table--html-table od-audit-table" aria-busy={busy || undefined}>
        <caption className="utrecht-table__caption" id="audit-caption">
          {t('audit.caption', { count: entries.length })}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.column.time')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.column.actor')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.column.municipality')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.column.action')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.column.object')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('audit.column.details')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {entries.map((entry) => (
            <tr className="utrecht-table__row" key={entry.id}>
              <th className="utrecht-table__header-cell" scope="row">
                <span className="od-cell-title">{formatDateTime(entry.occurredAt)}</span>
                <span className="od-cell-detail">#{entry.id}</span>
              </th>
              <td className="utrecht-table__cell">
                {entry.actorUserId ? (
                  <>
                    <span className="od-cell-title od-break">{entry.actorDisplayName ?? entry.actorUserId}</span>
                    <span className="od-cell-detail">{roleName(entry.actorRole)}</span>
                    <Button
                      appearance="subtle"
                      aria-label={t('audit.onlyThisActorNamed', { actor: entry.actorDisplayName ?? entry.actorUserId })}
                      onClick={() => onFilterActor(entry.actorUserId ?? '')}
                    >
                      {t('audit.onlyThisActor')}
                    </Button>
                  </>
                ) : (
                  t('audit.system')
                )}
              </td>
              <td className="utrecht-table__cell">{entry.municipalityCode ?? t('header.national')}</td>
              <td className="utrecht-table__cell">
                <code>{entry.action}</code>
              </td>
              <td className="utrecht-table__cell od-break">
                {entry.objectType ? `${entry.objectType}${entry.objectId ? ` ${entry.objectId}` : ''}` : ''}
              </td>
              <td className="utrecht-table__cell">
                <AuditDetails details={entry.details} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function AuditDetails({ details }: { details: AuditEntry['details'] }) {
  const pairs = Object.entries(details ?? {});
  if (pairs.length === 0) return null;
  return (
    <dl className="od-details">
      {pairs.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd className="od-break">{String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
