import type { NationalPageData, StateCounts } from '../../modules/national-page/national-page.service.ts';
import { Layout } from '../layout.tsx';
import { NationalMapSvg, STATE_LABEL, StateSwatch } from '../national-map-svg.tsx';
import type { PageContext } from '../page-context.ts';
import { TestimonialCards } from '../testimonial-cards.tsx';

/**
 * "Wie doet mee?": the map of every current municipality, counts per province beside it, mayors'
 * testimonials, and the same facts as tables (the map's accessible equivalent), one per province.
 */
export function NationalPage({ context, data }: { context: PageContext; data: NationalPageData }) {
  const { t } = context;
  const { totals } = data;
  return (
    <Layout context={context} title={t.t('national.title')} showsRegistryData>
      <h1 className="nl-heading nl-heading--level-1">{t.t('national.title')}</h1>
      <p className="nl-paragraph nl-paragraph--lead">
        {t.t('national.intro', { active: totals.active, total: totals.total })}
      </p>
      <div className="od-national">
        <figure className="od-national-map">
          <NationalMapSvg context={context} municipalities={data.municipalities} totals={totals} />
          <figcaption>
            <h2 className="nl-heading nl-heading--level-3">{t.t('national.legend')}</h2>
            <ul className="od-plain-list od-map-legend">
              {(['active', 'enrolled', 'not_yet'] as const).map((state) => (
                <li key={state}>
                  <StateSwatch state={state} />{' '}
                  {t.t(
                    state === 'active'
                      ? 'national.legendActive'
                      : state === 'enrolled'
                        ? 'national.legendEnrolled'
                        : 'national.legendNotYet',
                  )}
                </li>
              ))}
            </ul>
          </figcaption>
        </figure>
        <ProvinceCounts context={context} data={data} />
      </div>
      <p className="nl-paragraph">
        {t.t('national.applyPrompt')}{' '}
        <a className="nl-link" href={t.href('/aanmelden')}>
          {t.t('national.applyLink')}
        </a>
      </p>
      <TestimonialCards
        context={context}
        testimonials={data.testimonials}
        headingId="getuigenissen"
        title={t.t('national.testimonialsTitle')}
      />
      <section aria-labelledby="alle-gemeenten">
        <h2 id="alle-gemeenten" className="nl-heading nl-heading--level-2">
          {t.t('national.allTitle')}
        </h2>
        <p className="nl-paragraph">{t.t('national.allIntro')}</p>
        {data.provinces.map((province) => (
          <details key={province.name} className="od-province">
            <summary>
              {t.t('national.provinceSummary', {
                province: province.name,
                active: province.counts.active,
                total: province.counts.total,
              })}
            </summary>
            <table className="od-table">
              <caption>{province.name}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.t('national.municipality')}</th>
                  <th scope="col">{t.t('national.stateColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {province.municipalities.map((municipality) => (
                  <tr key={municipality.code} data-state={municipality.state}>
                    <th scope="row">
                      <a className="nl-link" href={t.href(`/gemeente/${municipality.slug}`)}>
                        {municipality.name}
                      </a>
                    </th>
                    <td>{t.t(STATE_LABEL[municipality.state])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}
      </section>
    </Layout>
  );
}

function CountCells({ counts }: { counts: StateCounts }) {
  return (
    <>
      <td>{counts.active}</td>
      <td>{counts.enrolled}</td>
      <td>{counts.notYet}</td>
      <td>{counts.total}</td>
    </>
  );
}

/** Active / enrolled / not yet per province, with the country's totals. */
function ProvinceCounts({ context, data }: { context: PageContext; data: NationalPageData }) {
  const { t } = context;
  return (
    <section className="od-national-counts" aria-labelledby="per-provincie">
      <h2 id="per-provincie" className="nl-heading nl-heading--level-2">
        {t.t('national.provincesTitle')}
      </h2>
      <table className="od-table od-counts">
        <thead>
          <tr>
            <th scope="col">{t.t('national.province')}</th>
            <th scope="col">{t.t('national.countActive')}</th>
            <th scope="col">{t.t('national.countEnrolled')}</th>
            <th scope="col">{t.t('national.countNotYet')}</th>
            <th scope="col">{t.t('national.total')}</th>
          </tr>
        </thead>
        <tbody>
          {data.provinces.map((province) => (
            <tr key={province.name}>
              <th scope="row">{province.name}</th>
              <CountCells counts={province.counts} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.t('national.total')}</th>
            <CountCells counts={data.totals} />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
