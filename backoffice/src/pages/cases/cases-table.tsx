import { Link } from 'react-router';
import { caseReference, fetchClassification, type CaseListItem } from '../../api/cases-api.ts';
import { TableRegion } from '../../components/table-region.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { useCaseLabels } from './case-labels.ts';

interface CasesTableProps {
  cases: CaseListItem[];
  caption: string;
  /** A newer list is loading. */
  busy: boolean;
}

/**
 * Cases as a table of metadata (no content: reading that is audited and happens on the case's page).
 * "Stil", "bewaarplicht" and "geen toegang" are words, not colour alone.
 */
export function CasesTable({ cases, caption, busy }: CasesTableProps) {
  const t = useTranslate();
  const labels = useCaseLabels();
  const formatDateTime = useFormatDateTime();
  const classification = useApiData(fetchClassification, 'classification');
  const categoryLabel = (code: string | null) =>
    code
      ? (classification.data?.categories.find((category) => category.code === code)?.label ?? code)
      : t('cases.category.none');

  return (
    <TableRegion captionId="dossiers-caption">
      <table className="utrecht-table utrecht-table--html-table od-cases-table" aria-busy={busy || undefined}>
        <caption className="utrecht-table__caption" id="dossiers-caption">
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th className="utrecht-table__header-cell" scope="col">
              {t('cases.column.case')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('cases.column.status')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('cases.column.category')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('cases.column.lastActivity')}
            </th>
            <th className="utrecht-table__header-cell" scope="col">
              {t('cases.column.assignees')}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {cases.map((item) => (
            <tr className="utrecht-table__row" key={item.id} data-case-id={item.id}>
              <th className="utrecht-table__header-cell" scope="row">
                <Link className="nl-link od-cell-title" to={`/dossiers/${item.id}`}>
                  {t('cases.label', { reference: caseReference(item.id) })}
                </Link>
                <span className="od-cell-detail">{labels.origin(item.origin)}</span>
                {item.access === 'none' && <span className="od-tag od-tag--no-access">{t('cases.access.none')}</span>}
                {item.access === 'break_glass' && <span className="od-tag">{t('cases.access.break_glass')}</span>}
              </th>
              <td className="utrecht-table__cell">
                <span className={`od-status od-case-status--${item.status}`}>{labels.status(item.status)}</span>
                {item.stale && <span className="od-tag od-tag--warning">{t('cases.stale')}</span>}
                {item.legalHold && <span className="od-tag">{t('cases.legalHold.tag')}</span>}
              </td>
              <td className="utrecht-table__cell">{categoryLabel(item.category)}</td>
              <td className="utrecht-table__cell">
                <time dateTime={item.lastActivityAt}>{formatDateTime(item.lastActivityAt)}</time>
              </td>
              <td className="utrecht-table__cell">
                {item.assignees.length === 0
                  ? t('cases.assignees.nobody')
                  : item.assignees.map((person) => person.displayName).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
