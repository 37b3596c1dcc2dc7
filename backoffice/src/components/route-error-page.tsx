import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useTranslate } from '../i18n/use-translate.ts';
import { ErrorAlert } from './alerts.tsx';
import { errorText } from './error-text.ts';
import { PageHeading } from './headings.tsx';

/** What a page shows when it may not be opened (403), does not exist (404) or failed to load. */
export function RouteErrorPage() {
  const t = useTranslate();
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : undefined;

  if (status === 403 || status === 404) {
    return (
      <>
        <PageHeading>{t(status === 403 ? 'error.forbidden.title' : 'error.notFound.title')}</PageHeading>
        <p className="nl-paragraph">{t(status === 403 ? 'error.forbidden.text' : 'error.notFound.text')}</p>
        <p className="nl-paragraph">
          <Link className="nl-link" to="/">
            {t('error.backHome')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('error.page.title')}</PageHeading>
      <ErrorAlert>{errorText(error, t)}</ErrorAlert>
      <p className="nl-paragraph">{t('error.page.text')}</p>
    </>
  );
}

/** The catch-all route: same page as a 404. */
export function NotFoundPage() {
  const t = useTranslate();
  return (
    <>
      <PageHeading>{t('error.notFound.title')}</PageHeading>
      <p className="nl-paragraph">{t('error.notFound.text')}</p>
      <p className="nl-paragraph">
        <Link className="nl-link" to="/">
          {t('error.backHome')}
        </Link>
      </p>
    </>
  );
}

/** Shown while the very first session check runs. */
export function LoadingPage() {
  const t = useTranslate();
  return <p className="nl-paragraph od-loading">{t('app.loading')}</p>;
}
