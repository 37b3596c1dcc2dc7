import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { AvailabilityNotice, type AvailabilityView } from './availability-notice.tsx';
import { LinkParagraph } from './child-form-parts.tsx';
import type { ChildPageMunicipality } from './write-page.tsx';

interface WriteConfirmationPageProps {
  context: PageContext;
  municipality: ChildPageMunicipality;
  /** The code to come back with; shown once, only on this no-store page. */
  code: string;
  replyWithinHours: number;
  /** Who is there now (the roster). */
  availability?: AvailabilityView | undefined;
}

/**
 * After sending: the code, large, with "write it down", and an honest "what happens next". Tips
 * for leaving fewer traces are offered, not demanded.
 */
export function WriteConfirmationPage({
  context,
  municipality,
  code,
  replyWithinHours,
  availability,
}: WriteConfirmationPageProps) {
  const { t } = context;
  const readHref = t.href(`/gemeente/${municipality.slug}/lees`);
  return (
    <Layout context={context} title={t.t('sent.title')}>
      <h1 className="nl-heading nl-heading--level-1">{t.t('sent.title')}</h1>
      <section className="od-code-box" aria-labelledby="code-titel">
        <h2 id="code-titel" className="od-code-intro">
          {t.t('sent.codeIntro')}
        </h2>
        {/* The code is Latin letters and digits: keep it left-to-right inside Arabic pages too. */}
        <p id="child-code" className="od-code" dir="ltr" translate="no">
          {code}
        </p>
        <p className="nl-paragraph od-code-warning">{t.t('sent.writeItDown')}</p>
      </section>
      <section className="od-section" aria-labelledby="wat-nu">
        <h2 id="wat-nu" className="nl-heading nl-heading--level-2">
          {t.t('sent.nextTitle')}
        </h2>
        <p className="nl-paragraph">{t.t('sent.whoReads', { name: municipality.name })}</p>
        <p className="nl-paragraph">{t.t('sent.when', { count: replyWithinHours })}</p>
        {availability ? <AvailabilityNotice context={context} availability={availability} /> : null}
        <p className="nl-paragraph">
          <a className="utrecht-button-link utrecht-button-link--primary-action" href={readHref}>
            {t.t('sent.read')}
          </a>
        </p>
      </section>
      <section className="od-card" aria-labelledby="sporen">
        <h2 id="sporen" className="nl-heading nl-heading--level-2">
          {t.t('sent.tracesTitle')}
        </h2>
        <p className="nl-paragraph">{t.t('sent.tracesText')}</p>
      </section>
    </Layout>
  );
}

/**
 * The same form arrived a second time (a reload, a double tap): nothing new was stored. The code
 * cannot be shown again (only its hash is kept), so say honestly what to do if it was missed.
 */
export function AlreadySentPage({
  context,
  municipality,
}: {
  context: PageContext;
  municipality: ChildPageMunicipality;
}) {
  const { t } = context;
  return (
    <Layout context={context} title={t.t('sent.duplicateTitle')}>
      <h1 className="nl-heading nl-heading--level-1">{t.t('sent.duplicateTitle')}</h1>
      <p className="nl-paragraph nl-paragraph--lead">{t.t('sent.duplicateText')}</p>
      <p className="nl-paragraph">{t.t('sent.duplicateLost')}</p>
      <p className="nl-paragraph">
        <a
          className="utrecht-button-link utrecht-button-link--primary-action"
          href={t.href(`/gemeente/${municipality.slug}/lees`)}
        >
          {t.t('sent.read')}
        </a>
      </p>
      <LinkParagraph href={t.href(`/gemeente/${municipality.slug}/schrijf`)}>{t.t('sent.writeNew')}</LinkParagraph>
    </Layout>
  );
}
