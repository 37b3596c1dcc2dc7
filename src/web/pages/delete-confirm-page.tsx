import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';
import { HiddenCode } from './child-form-parts.tsx';
import type { ChildPageMunicipality } from './write-page.tsx';

/**
 * "Are you sure?": deleting cannot be undone, so it is asked once more. Both answers are forms
 * that carry the code in a hidden field (never in a link).
 */
export function DeleteConfirmPage({
  context,
  municipality,
  code,
}: {
  context: PageContext;
  municipality: ChildPageMunicipality;
  code: string;
}) {
  const { t } = context;
  const base = `/gemeente/${municipality.slug}/lees`;
  return (
    <Layout context={context} title={t.t('delete.title')}>
      <h1 className="nl-heading nl-heading--level-1">{t.t('delete.title')}</h1>
      <p className="nl-paragraph nl-paragraph--lead">{t.t('delete.text')}</p>
      <div className="od-actions">
        <form method="post" action={t.href(`${base}/verwijder`)}>
          <HiddenCode code={code} />
          <input type="hidden" name="confirm" value="yes" />
          <button className="utrecht-button utrecht-button--primary-action od-submit od-danger-button" type="submit">
            {t.t('delete.yes')}
          </button>
        </form>
        <form method="post" action={t.href(base)}>
          <HiddenCode code={code} />
          <button className="utrecht-button utrecht-button--secondary-action od-submit" type="submit">
            {t.t('delete.no')}
          </button>
        </form>
      </div>
    </Layout>
  );
}
