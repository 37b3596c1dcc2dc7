import type { MapState, NationalMunicipality, StateCounts } from '../modules/national-page/national-page.service.ts';
import { MAP_HEIGHT, MAP_WIDTH } from '../modules/national-page/map-size.ts';
import type { MessageId } from './i18n/catalogue.ts';
import type { PageContext } from './page-context.ts';

/** The words for each state, on the map, in the legend and in the tables. */
export const STATE_LABEL: Record<MapState, MessageId> = {
  active: 'national.stateActive',
  enrolled: 'national.stateEnrolled',
  not_yet: 'national.stateNotYet',
};

/**
 * Fill and outline per state, as presentation attributes (a url(#…) fill in the external stylesheet
 * would point into the stylesheet, not this page). Active is striped with a thick dark outline and
 * enrolled dotted, so the states differ without colour too.
 */
const STYLE: Record<MapState, { fill: string; stroke: string; strokeWidth: number }> = {
  not_yet: { fill: '#e8e8e8', stroke: '#767676', strokeWidth: 0.5 },
  enrolled: { fill: 'url(#od-map-dots)', stroke: '#5c4a00', strokeWidth: 0.8 },
  active: { fill: 'url(#od-map-stripes)', stroke: '#06361a', strokeWidth: 1.6 },
};

const DRAW_ORDER: MapState[] = ['not_yet', 'enrolled', 'active'];

/** The two patterns, defined once in the map and used by the legend's swatches too. */
function Patterns() {
  return (
    <defs>
      <pattern id="od-map-stripes" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" fill="#1b7a3e" />
        <rect width="2" height="5" fill="#0b4d24" />
      </pattern>
      <pattern id="od-map-dots" width="4" height="4" patternUnits="userSpaceOnUse">
        <rect width="4" height="4" fill="#f6d776" />
        <circle cx="2" cy="2" r="0.9" fill="#7a5f00" />
      </pattern>
    </defs>
  );
}

/**
 * The map: one path per current municipality, each with a title (name and state); an active
 * municipality's path is a link to its page (SVG links work without script). The svg is a named
 * group, not role="img": an image's content is presentational, so links inside one would be hidden
 * from assistive technology (axe-core: nested-interactive). The tables below say it all in words.
 */
export function NationalMapSvg({
  context,
  municipalities,
  totals,
}: {
  context: PageContext;
  municipalities: NationalMunicipality[];
  totals: StateCounts;
}) {
  const { t } = context;
  const title = (municipality: NationalMunicipality) =>
    t.t('national.shapeTitle', { name: municipality.name, state: t.t(STATE_LABEL[municipality.state]) });
  return (
    <svg
      className="od-map"
      viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
      role="group"
      aria-labelledby="od-map-title"
      aria-describedby="od-map-desc"
    >
      <title id="od-map-title">{t.t('national.mapTitle', { total: totals.total })}</title>
      <desc id="od-map-desc">
        {t.t('national.mapDescription', { active: totals.active, enrolled: totals.enrolled, notYet: totals.notYet })}
      </desc>
      <Patterns />
      {DRAW_ORDER.map((state) => {
        const style = STYLE[state];
        return (
          <g key={state} fill={style.fill} stroke={style.stroke} strokeWidth={style.strokeWidth} strokeLinejoin="round">
            {municipalities
              .filter((municipality) => municipality.state === state && municipality.shape)
              .map((municipality) =>
                state === 'active' ? (
                  // The title names the link itself (an SVG link takes its name from its own title).
                  <a key={municipality.code} href={t.href(`/gemeente/${municipality.slug}`)}>
                    <title>{title(municipality)}</title>
                    <path d={municipality.shape} data-code={municipality.code} />
                  </a>
                ) : (
                  <path key={municipality.code} d={municipality.shape} data-code={municipality.code}>
                    <title>{title(municipality)}</title>
                  </path>
                ),
              )}
          </g>
        );
      })}
    </svg>
  );
}

/** A small swatch of a state's fill for the legend (decorative: the text says it). */
export function StateSwatch({ state }: { state: MapState }) {
  const style = STYLE[state];
  return (
    <svg className="od-map-swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">
      <rect
        x="1"
        y="1"
        width="26"
        height="16"
        fill={style.fill}
        stroke={style.stroke}
        strokeWidth={style.strokeWidth * 1.5}
      />
    </svg>
  );
}
