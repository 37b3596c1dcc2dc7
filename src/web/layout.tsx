import type { ReactNode } from 'react';
import { HelpLinesPanel } from './help-lines-panel.tsx';
import type { PageContext } from './page-context.ts';

interface LayoutProps {
  context: PageContext;
  title: string;
  children: ReactNode;
  /** Show "Bron: CBS" because the page shows registry data. */
  showsRegistryData?: boolean;
  /** Stylesheets after the site's own (a municipality's accent colour). */
  extraStylesheets?: string[];
}

/** The frame of every public page: quick exit first, help numbers always on the page. */
export function Layout({ context, title, children, showsRegistryData = false, extraStylesheets = [] }: LayoutProps) {
  const { t } = context;
  return (
    <html lang={t.locale} dir={t.dir} className="utrecht-root voorbeeld-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noarchive" />
        <title>{`${title} – ${t.t('site.name')}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={context.stylesheet} />
        {extraStylesheets.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body className="utrecht-body">
        <a className="nl-skip-link nl-skip-link--visible-on-focus" href="#inhoud">
          {t.t('site.skipToContent')}
        </a>
        <header className="od-header">
          <a className="od-brand" href={t.href('/')}>
            {t.t('site.name')}
          </a>
          <a className="od-quick-exit" href={context.quickExitUrl} rel="noreferrer" title={t.t('site.quickExitHint')}>
            {t.t('site.quickExit')}
          </a>
        </header>
        <nav className="od-helpbar" aria-label={t.t('help.barLabel')}>
          <a className="od-helpbar-link od-helpbar-link--urgent" href={`tel:${context.helpLines.emergency.tel}`}>
            {t.t('help.barEmergency')}
          </a>
          <a className="od-helpbar-link" href={`tel:${context.helpLines.kindertelefoon.tel}`}>
            {t.t('help.barKindertelefoon')}
          </a>
          <a className="od-helpbar-link" href={`tel:${context.helpLines.veiligThuis.tel}`}>
            {t.t('help.barVeiligThuis')}
          </a>
        </nav>
        <main id="inhoud" className="od-main">
          {children}
          <HelpLinesPanel context={context} />
        </main>
        <footer className="od-footer">
          <nav aria-label={t.t('site.languages')}>
            <ul className="od-languages">
              {context.languages.map((language) => (
                <li key={language.locale}>
                  <a
                    className="nl-link"
                    href={language.href(context.sitePath)}
                    lang={language.locale}
                    hrefLang={language.locale}
                    aria-current={language.locale === t.locale ? 'page' : undefined}
                  >
                    {language.name}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <p className="nl-paragraph od-small">
            <a className="nl-link" href={t.href('/wie-doet-mee')}>
              {t.t('national.link')}
            </a>
          </p>
          <p className="nl-paragraph od-small">{t.t('site.privacy')}</p>
          {showsRegistryData && <p className="nl-paragraph od-small">{t.t('site.cbsSource')}</p>}
        </footer>
      </body>
    </html>
  );
}
