import { ErrorAlert } from '../../components/alerts.tsx';
import { SectionHeading } from '../../components/headings.tsx';
import { TableRegion } from '../../components/table-region.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useTranslate } from '../../i18n/use-translate.ts';
import { fetchFigures } from '../../api/roster-api.ts';

/** Time to first reply (and to acknowledge an alert, when there were any) per ISO week, in minutes. */
export function FiguresSection({ code }: { code: string }) {
  const t = useTranslate();
  const figures = useApiData(() => fetchFigures(code), `roster-figures:${code}`);
  const minutes = (value: number | null) =>
    value === null ? t('roster.figures.none') : t('roster.figures.minutes', { minutes: Math.round(value) });
  const columns = [
    'week',
    'conversations',
    'firstReplyMedian',
    'firstReplyP90',
    'acknowledgeMedian',
    'acknowledgeP90',
  ] as const;
  return (
    <section className="od-card" aria-labelledby="reactietijden">
      <SectionHeading level={2} id="reactietijden">
        {t('roster.figures.title')}
      </SectionHeading>
      {figures.error && <ErrorAlert>{figures.error}</ErrorAlert>}
      {!figures.data && !figures.error && <p className="nl-paragraph">{t('app.loading')}</p>}
      {figures.data && figures.data.weeks.length === 0 && <p className="nl-paragraph">{t('roster.figures.empty')}</p>}
      {figures.data && figures.data.weeks.length > 0 && (
        <TableRegion captionId="reactietijden-caption">
          <table className="utrecht-table utrecht-table--html-table">
            <caption className="utrecht-table__caption od-visually-hidden" id="reactietijden-caption">
              {t('roster.figures.title')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {columns.map((column) => (
                  <th className="utrecht-table__header-cell" scope="col" key={column}>
                    {t(`roster.figures.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {figures.data.weeks.map((week) => (
                <tr className="utrecht-table__row" key={week.week}>
                  <th className="utrecht-table__header-cell" scope="row">
                    {week.week}
                  </th>
                  <td className="utrecht-table__cell">{week.conversations}</td>
                  <td className="utrecht-table__cell">{minutes(week.firstReplyMedian)}</td>
                  <td className="utrecht-table__cell">{minutes(week.firstReplyP90)}</td>
                  <td className="utrecht-table__cell">{week.alerts ? minutes(week.acknowledgeMedian) : '—'}</td>
                  <td className="utrecht-table__cell">{week.alerts ? minutes(week.acknowledgeP90) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
