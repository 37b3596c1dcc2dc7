import { FinderForm } from '../finder-form.tsx';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** 404 and 500 in the site's own style, with the finder and the help numbers. */
export function ErrorPage({ context, status }: { context: PageContext; status: 404 | 500 }) {
  const { t } = context;
  const title = t.t(status === 404 ? 'error.notFoundTitle' : 'error.serverTitle');
  return (
    <Layout context={context} title={title}>
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      <p className="nl-paragraph nl-paragraph--lead">
        {t.t(status === 404 ? 'error.notFoundText' : 'error.serverText')}
      </p>
      {status === 404 && <FinderForm context={context} />}
      <p className="nl-paragraph">
        <a className="nl-link" href={t.href('/')}>
          {t.t('error.toHome')}
        </a>
      </p>
    </Layout>
  );
}
