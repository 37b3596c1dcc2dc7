import type {
  ContactRoutesRecord,
  MunicipalityRecord,
} from '../../modules/municipalities/municipalities.repository.ts';
import { accentStylesheetUrl, logoUrl } from '../../modules/programme/municipal-settings.urls.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { TestimonialCards } from '../testimonial-cards.tsx';
import type { PublicTestimonial } from '../../modules/testimonials/testimonials.repository.ts';

interface MunicipalityPageProps {
  context: PageContext;
  municipality: MunicipalityRecord;
  contact: ContactRoutesRecord | undefined;
  /** The mayor's testimonials published today. */
  testimonials?: PublicTestimonial[];
  /** The municipality's accent colour and logo (shown while it is active). */
  appearance?: { accentColour: string | null; logoType: string | null; languages?: string[] } | undefined;
}

/** A municipality's page: how to reach the mayor when it takes part, an honest sentence when not. */
export function MunicipalityPage({
  context,
  municipality,
  contact,
  appearance,
  testimonials = [],
}: MunicipalityPageProps) {
  const { t } = context;
  const name = municipality.name;
  const active = municipality.participation === 'active';
  const accent = active && appearance?.accentColour ? [accentStylesheetUrl(municipality.code)] : [];
  return (
    <Layout context={context} title={t.t('municipality.title', { name })} showsRegistryData extraStylesheets={accent}>
      {active && appearance?.logoType && (
        <img
          className="od-municipality-logo"
          src={logoUrl(municipality.slug)}
          alt={t.t('municipality.logo', { name })}
        />
      )}
      <h1 className="nl-heading nl-heading--level-1">{t.t('municipality.title', { name })}</h1>
      {municipality.participation === 'active' && contact ? (
        <ActiveMunicipality context={context} municipality={municipality} contact={contact} />
      ) : (
        <p className="nl-paragraph nl-paragraph--lead">
          {t.t(NOT_ACTIVE_MESSAGE[municipality.participation], { name })}
        </p>
      )}
      {active && <OfferedLanguages context={context} slug={municipality.slug} chosen={appearance?.languages ?? []} />}
      <TestimonialCards
        context={context}
        testimonials={testimonials}
        headingId="burgemeester-zegt"
        title={t.t('municipality.testimonialTitle')}
      />
      <p className="nl-paragraph">
        <a className="nl-link" href={t.href('/')}>
          {t.t('municipality.otherMunicipality')}
        </a>
      </p>
    </Layout>
  );
}

/**
 * The languages the municipality said its team can help a child in (municipal settings), besides the
 * one of this page: each a link to this page in that language.
 */
function OfferedLanguages({ context, slug, chosen }: { context: PageContext; slug: string; chosen: string[] }) {
  const { t } = context;
  const others = context.languages.filter(
    (language) => chosen.includes(language.locale) && language.locale !== t.locale,
  );
  if (others.length === 0) return null;
  return (
    <p className="nl-paragraph">
      {t.t('municipality.alsoIn')}{' '}
      {others.map((language, index) => (
        <span key={language.locale}>
          {index > 0 && ', '}
          <a className="nl-link" href={language.href(`/gemeente/${slug}`)} lang={language.locale} dir={language.dir}>
            {language.name}
          </a>
        </span>
      ))}
    </p>
  );
}

const NOT_ACTIVE_MESSAGE = {
  not_participating: 'municipality.notParticipating',
  enrolled: 'municipality.enrolled',
  paused: 'municipality.paused',
  active: 'municipality.notParticipating',
} as const;

function ActiveMunicipality({
  context,
  municipality,
  contact,
}: MunicipalityPageProps & { contact: ContactRoutesRecord }) {
  const { t } = context;
  return (
    <>
      {contact.isExample && (
        <p className="utrecht-alert utrecht-alert--warning od-example" role="note">
          {t.t('municipality.exampleNotice')}
        </p>
      )}
      <p className="nl-paragraph nl-paragraph--lead">{t.t('municipality.activeIntro', { name: municipality.name })}</p>
      {contact.visitAddress && (
        <section className="od-card" aria-labelledby="langsgaan">
          <h2 id="langsgaan" className="nl-heading nl-heading--level-2">
            {t.t('municipality.visitTitle')}
          </h2>
          <p className="nl-paragraph">{t.t('municipality.visitText')}</p>
          <dl className="od-facts">
            <dt>{t.t('municipality.address')}</dt>
            <dd>{contact.visitAddress}</dd>
            {contact.visitHours && (
              <>
                <dt>{t.t('municipality.hours')}</dt>
                <dd>{contact.visitHours}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {contact.phone && (
        <section className="od-card" aria-labelledby="bellen">
          <h2 id="bellen" className="nl-heading nl-heading--level-2">
            {t.t('municipality.callTitle')}
          </h2>
          <p className="nl-paragraph">
            <a className="od-call" href={`tel:${toTel(contact.phone)}`}>
              {t.t('municipality.callText', { phone: contact.phone })}
            </a>
          </p>
        </section>
      )}
      <section className="od-card" aria-labelledby="schrijven">
        <h2 id="schrijven" className="nl-heading nl-heading--level-2">
          {t.t('municipality.writeTitle')}
        </h2>
        <p className="nl-paragraph">{t.t('municipality.writeText')}</p>
        <p className="nl-paragraph">
          <a
            className="utrecht-button-link utrecht-button-link--primary-action"
            href={t.href(`/gemeente/${municipality.slug}/schrijf`)}
          >
            {t.t('municipality.writeLink')}
          </a>
        </p>
        {contact.email && (
          <p className="nl-paragraph">
            {t.t('municipality.emailTitle')}:{' '}
            <a className="nl-link" href={`mailto:${contact.email}`}>
              {contact.email}
            </a>
          </p>
        )}
      </section>
      {contact.confidentialAdviserName && (
        <section className="od-card" aria-labelledby="vertrouwenspersoon">
          <h2 id="vertrouwenspersoon" className="nl-heading nl-heading--level-2">
            {t.t('municipality.adviserTitle')}
          </h2>
          <p className="nl-paragraph">{t.t('municipality.adviserText', { name: contact.confidentialAdviserName })}</p>
          <ul className="od-plain-list">
            {contact.confidentialAdviserPhone && (
              <li>
                <a className="od-call" href={`tel:${toTel(contact.confidentialAdviserPhone)}`}>
                  {contact.confidentialAdviserPhone}
                </a>
              </li>
            )}
            {contact.confidentialAdviserEmail && (
              <li>
                <a className="nl-link" href={`mailto:${contact.confidentialAdviserEmail}`}>
                  {contact.confidentialAdviserEmail}
                </a>
              </li>
            )}
          </ul>
        </section>
      )}
    </>
  );
}

/** "020 000 0000" → "0200000000", "+31 6 …" keeps its plus. */
function toTel(phone: string): string {
  return phone.replace(/(?!^\+)[^\d]/g, '');
}
