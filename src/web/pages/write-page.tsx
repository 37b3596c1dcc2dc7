import type { MunicipalityRecord } from '../../modules/municipalities/municipalities.repository.ts';
import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** Until writing to the mayor lands, this page says so honestly and points to the other ways. */
export function WritePage({ context, municipality }: { context: PageContext; municipality: MunicipalityRecord }) {
  const { t } = context;
  const name = municipality.name;
  return (
    <Layout context={context} title={t.t('write.title', { name })}>
      <h1 className="nl-heading nl-heading--level-1">{t.t('write.title', { name })}</h1>
      <p className="nl-paragraph nl-paragraph--lead">{t.t('write.notYet')}</p>
      <p className="nl-paragraph">
        <a className="nl-link" href={t.href(`/gemeente/${municipality.slug}`)}>
          {t.t('write.back', { name })}
        </a>
      </p>
    </Layout>
  );
}
