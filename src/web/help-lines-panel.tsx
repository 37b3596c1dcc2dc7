import type { PageContext } from './page-context.ts';

/** 112, De Kindertelefoon and Veilig Thuis, as big tappable links. On every public page. */
export function HelpLinesPanel({ context }: { context: PageContext }) {
  const { t, helpLines } = context;
  const { emergency, kindertelefoon, veiligThuis } = helpLines;
  const kindertelefoonHours = kindertelefoon.hours === 'always' ? { from: '00', to: '24' } : kindertelefoon.hours;
  return (
    <section className="od-help" aria-labelledby="hulp-titel">
      <h2 id="hulp-titel" className="nl-heading nl-heading--level-2">
        {t.t('help.title')}
      </h2>
      <ul className="od-help-list">
        <li>
          <a className="od-call od-call--urgent" href={`tel:${emergency.tel}`}>
            {t.t('help.emergency')}
          </a>
          <span>{t.t('help.emergencyText')}</span>
        </li>
        <li>
          <a className="od-call" href={`tel:${kindertelefoon.tel}`}>
            {t.t('help.kindertelefoon', { number: kindertelefoon.number })}
          </a>
          <span>
            {t.t('help.kindertelefoonText', {
              from: kindertelefoonHours.from.replace(/:00$/, ''),
              to: kindertelefoonHours.to.replace(/:00$/, ''),
            })}
          </span>
        </li>
        <li>
          <a className="od-call" href={`tel:${veiligThuis.tel}`}>
            {t.t('help.veiligThuis', { number: veiligThuis.number })}
          </a>
          <span>{t.t('help.veiligThuisText')}</span>
        </li>
      </ul>
    </section>
  );
}
