import { FinderForm } from '../finder-form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** The start page: what this is, in words a 10-year-old understands, and the finder. */
export function HomePage({ context }: { context: PageContext }) {
  const { t } = context;
  return (
    <Layout context={context} title={t.t('finder.title')}>
      <h1 className="nl-heading nl-heading--level-1">{t.t('home.title')}</h1>
      <p className="nl-paragraph nl-paragraph--lead">{t.t('home.intro')}</p>
      <p className="nl-paragraph">{t.t('home.whatIsThis')}</p>
      <section aria-labelledby="zoek-titel" className="od-card">
        <h2 id="zoek-titel" className="nl-heading nl-heading--level-2">
          {t.t('finder.title')}
        </h2>
        <FinderForm context={context} />
      </section>
      <p className="nl-paragraph">{t.t('home.sticker')}</p>
      <p className="nl-paragraph">
        <a className="nl-link" href={t.href('/wie-doet-mee')}>
          {t.t('national.link')}
        </a>
      </p>
    </Layout>
  );
}
