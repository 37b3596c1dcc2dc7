import type { MunicipalityRecord } from '../../modules/municipalities/municipalities.repository.ts';
import { FinderForm } from '../finder-form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

type Outcome =
  | { kind: 'many'; municipalities: MunicipalityRecord[] }
  | { kind: 'none'; searchedFor: 'name' | 'postcode' }
  | { kind: 'empty' };

/** Several matches to choose from, or none with what to try next. The help numbers stay on the page. */
export function FinderResultsPage({
  context,
  query,
  outcome,
}: {
  context: PageContext;
  query: string;
  outcome: Outcome;
}) {
  const { t } = context;
  const title =
    outcome.kind === 'many'
      ? t.t('finder.resultsTitle')
      : outcome.kind === 'none'
        ? t.t('finder.noneTitle')
        : t.t('finder.title');
  return (
    <Layout context={context} title={title} showsRegistryData>
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      {outcome.kind === 'many' && (
        <>
          <p className="nl-paragraph">{t.t('finder.resultsIntro', { count: outcome.municipalities.length, query })}</p>
          <ul className="od-results">
            {outcome.municipalities.map((municipality) => (
              <li key={municipality.code}>
                <a className="od-result" href={t.href(`/gemeente/${municipality.slug}`)}>
                  <span className="od-result-name">{municipality.name}</span>{' '}
                  <span className="od-result-province">
                    {t.t('finder.province', { province: municipality.provinceName })}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {outcome.kind === 'none' && (
        <p className="nl-paragraph" role="status">
          {t.t(outcome.searchedFor === 'postcode' ? 'finder.nonePostcode' : 'finder.noneName', { query })}
        </p>
      )}
      {outcome.kind === 'empty' && <p className="nl-paragraph">{t.t('finder.empty')}</p>}
      <FinderForm context={context} query={query} />
    </Layout>
  );
}
