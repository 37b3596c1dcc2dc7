import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert, Notice } from '../../components/alerts.tsx';
import { Button, ButtonGroup } from '../../components/buttons.tsx';
import { PageHeading, SectionHeading } from '../../components/headings.tsx';
import { useApiData } from '../../components/use-api-data.ts';
import { useFormatDateTime, useTranslate } from '../../i18n/use-translate.ts';
import { isNationalCoordinator } from '../../session/roles.ts';
import { useSession } from '../../session/session-store.ts';
import { fetchToolkitPage, fetchToolkitVersions } from './toolkit-api.ts';
import './toolkit.css';

/** One toolkit page (or an older version of it), printable; the national coordinator can edit it. */
export function ToolkitPage() {
  const t = useTranslate();
  const formatDateTime = useFormatDateTime();
  const { slug = '' } = useParams();
  const [searchParams] = useSearchParams();
  const version = Number(searchParams.get('versie')) || undefined;
  const national = isNationalCoordinator(useSession());
  const page = useApiData(() => fetchToolkitPage(slug, version), `toolkit:${slug}:${version ?? 'current'}`);
  const versions = useApiData(() => fetchToolkitVersions(slug), `toolkit-versions:${slug}:${version ?? ''}`);

  if (page.error) return <ErrorAlert>{page.error}</ErrorAlert>;
  if (!page.data) return <p className="nl-paragraph">{t('app.loading')}</p>;
  const data = page.data;
  const old = data.version !== data.currentVersion;
  return (
    <>
      <PageHeading>{data.title}</PageHeading>
      <p className="nl-paragraph">
        {t('toolkit.versionBy', {
          version: data.version,
          when: formatDateTime(data.editedAt),
          who: data.editedByName ?? t('toolkit.editorUnknown'),
        })}
      </p>
      {old && (
        <Notice type="warning">
          {t('toolkit.oldVersion', { current: data.currentVersion })}{' '}
          <Link className="nl-link" to={`/toolkit/${slug}`}>
            {t('toolkit.toCurrent')}
          </Link>
        </Notice>
      )}
      <div className="od-no-print">
        <ButtonGroup>
          <Button appearance="primary" onClick={() => window.print()}>
            {t('toolkit.print')}
          </Button>
          {national && !old && (
            <Link className="utrecht-button utrecht-button--secondary-action" to={`/toolkit/${slug}/bewerken`}>
              {t('toolkit.edit')}
            </Link>
          )}
        </ButtonGroup>
      </div>
      {/* The server made this HTML from Markdown with raw HTML escaped and only safe links kept. */}
      <div className="od-toolkit-body" dangerouslySetInnerHTML={{ __html: data.html }} />
      <section className="od-no-print" aria-labelledby="versies">
        <SectionHeading level={2} id="versies">
          {t('toolkit.versions')}
        </SectionHeading>
        {versions.data && (
          <ol className="utrecht-ordered-list" reversed>
            {versions.data.versions.map((entry) => (
              <li key={entry.version} className="utrecht-ordered-list__item">
                {entry.version === data.version ? (
                  <strong>{versionText(entry)}</strong>
                ) : (
                  <Link className="nl-link" to={`/toolkit/${slug}?versie=${entry.version}`}>
                    {versionText(entry)}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );

  function versionText(entry: { version: number; editedAt: string; editedByName: string | null }) {
    return t('toolkit.versionBy', {
      version: entry.version,
      when: formatDateTime(entry.editedAt),
      who: entry.editedByName ?? t('toolkit.editorUnknown'),
    });
  }
}
