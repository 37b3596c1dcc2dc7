import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { LinkParagraph } from './child-form-parts.tsx';
import type { ChildPageMunicipality } from './write-page.tsx';

/** After deleting: everything is gone, the code no longer works, and writing again is always possible. */
export function ConversationDeletedPage({
  context,
  municipality,
}: {
  context: PageContext;
  municipality: ChildPageMunicipality;
}) {
  const { t } = context;
  return (
    <Layout context={context} title={t.t('deleted.title')}>
      <h1 className="nl-heading nl-heading--level-1">{t.t('deleted.title')}</h1>
      <p className="nl-paragraph nl-paragraph--lead">{t.t('deleted.text')}</p>
      <p className="nl-paragraph">{t.t('deleted.again')}</p>
      <LinkParagraph href={t.href(`/gemeente/${municipality.slug}/schrijf`)}>{t.t('sent.writeNew')}</LinkParagraph>
    </Layout>
  );
}
