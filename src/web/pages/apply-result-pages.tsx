import { Layout } from '../layout.tsx';
import type { PageContext } from '../page-context.ts';

/** After applying: check your e-mail; a warning when the address does not look like the municipality's. */
export function ApplySentPage({
  context,
  email,
  municipalityName,
  domainWarning,
}: {
  context: PageContext;
  email: string;
  municipalityName: string;
  domainWarning: boolean;
}) {
  const { t } = context;
  return (
    <Layout context={context} title={t.t('apply.sentTitle')}>
      <h1 className="nl-heading nl-heading--level-1">{t.t('apply.sentTitle')}</h1>
      <p className="nl-paragraph nl-paragraph--lead">{t.t('apply.sentText', { email, name: municipalityName })}</p>
      {domainWarning && (
        <div className="utrecht-alert utrecht-alert--warning od-domain-warning" role="note">
          <p className="nl-paragraph">{t.t('apply.domainWarning', { email, name: municipalityName })}</p>
        </div>
      )}
    </Layout>
  );
}

/**
 * The page behind the e-mailed link: a button that posts the token. A GET never confirms, because
 * mail scanners open links on their own.
 */
export function ApplyConfirmPage({ context, token }: { context: PageContext; token: string }) {
  const { t } = context;
  return (
    <Layout context={context} title={t.t('apply.confirmTitle')}>
      <h1 className="nl-heading nl-heading--level-1">{t.t('apply.confirmTitle')}</h1>
      <p className="nl-paragraph nl-paragraph--lead">{t.t('apply.confirmText')}</p>
      <form method="post" action={t.href('/aanmelden/bevestig')}>
        <input type="hidden" name="token" value={token} />
        <button className="utrecht-button utrecht-button--primary-action" type="submit">
          {t.t('apply.confirmButton')}
        </button>
      </form>
    </Layout>
  );
}

/** The outcome of confirming: done, or the link no longer works (and what to do). */
export function ApplyConfirmedPage({ context, confirmed }: { context: PageContext; confirmed: boolean }) {
  const { t } = context;
  const title = t.t(confirmed ? 'apply.confirmedTitle' : 'apply.confirmInvalidTitle');
  return (
    <Layout context={context} title={title}>
      <h1 className="nl-heading nl-heading--level-1">{title}</h1>
      <p className="nl-paragraph nl-paragraph--lead">
        {t.t(confirmed ? 'apply.confirmedText' : 'apply.confirmInvalidText')}
      </p>
      {!confirmed && (
        <p className="nl-paragraph">
          <a className="nl-link" href={t.href('/aanmelden')}>
            {t.t('apply.again')}
          </a>
        </p>
      )}
    </Layout>
  );
}
