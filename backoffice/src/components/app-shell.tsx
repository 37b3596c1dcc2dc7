import { useEffect, useRef } from 'react';
import { Outlet, useLocation, useNavigation } from 'react-router';
import { useTranslate } from '../i18n/use-translate.ts';
import { AlertWatcher } from '../pages/front-desk/alert-watcher.tsx';
import { RESPONDERS, hasAnyRole } from '../session/roles.ts';
import { useSession } from '../session/session-store.ts';
import { AppHeader } from './app-header.tsx';

/**
 * The frame of every page: skip link, header, main. After each route change focus moves to the new
 * page's h1, so keyboard and screen-reader users start at the top of what changed (not on the link
 * they left behind).
 */
export function AppShell() {
  const t = useTranslate();
  const location = useLocation();
  const navigation = useNavigation();
  const session = useSession();
  const previousPath = useRef(location.pathname);
  // Responders hear about a new alert on every page, not only on the inbox.
  const watchesAlerts = session?.stage === 'full' && hasAnyRole(session, RESPONDERS);

  useEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [location.pathname]);

  return (
    <>
      <a
        className="nl-skip-link nl-skip-link--visible-on-focus"
        href="#inhoud"
        onClick={(event) => {
          // Focus main without touching location.hash (it may hold a setup or invitation token).
          event.preventDefault();
          document.getElementById('inhoud')?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="inhoud" className="od-main" tabIndex={-1} aria-busy={navigation.state === 'loading' || undefined}>
        {watchesAlerts && <AlertWatcher />}
        <Outlet />
      </main>
    </>
  );
}
