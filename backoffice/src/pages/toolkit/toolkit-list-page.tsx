import { Link } from 'react-router';
import { ErrorAlert } from '../../components/alerts.tsx';
import { PageHeading } from '../../components/headings.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { fetchToolkit } from './toolkit-api.ts';

/** The toolkit's pages, for every staff member. */
export function ToolkitListPage() {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const list = useApiData(fetchToolkit, 'toolkit');
  return (
    <>
      <PageHeading>{t('toolkit.title')}</PageHeading>
      <p className="nl-paragraph">{t('toolkit.intro')}</p>
      {list.error && <ErrorAlert>{list.error}</ErrorAlert>}
      {!list.data && !list.error && <p className="nl-paragraph">{t('app.loading')}</p>}
      {list.data && (
        <ul className="utrecht-unordered-list">
          {list.data.pages.map((page) => (
            <li key={page.slug} className="utrecht-unordered-list__item">
              <Link className="nl-link" to={`/toolkit/${page.slug}`}>
                {page.title}
              </Link>{' '}
              <span>{t('toolkit.versionLine', { version: page.version, when: formatDateTime(page.editedAt) })}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
