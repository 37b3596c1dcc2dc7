import './styles/design-system.ts';
import './styles/base.css';
import './styles/app-shell.css';
import './styles/forms.css';
import './styles/page-blocks.css';
import './styles/tables.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { setUnauthorizedHandler } from './api/api-client.ts';
import { LocaleProvider } from './i18n/locale-provider.tsx';
import { createBackOfficeRouter } from './router.tsx';
import { SIGN_IN_PATH } from './session/next-step.ts';
import { setSession } from './session/session-store.ts';

const router = createBackOfficeRouter();

// The session ended (idle timeout, signed out elsewhere): forget it and ask to sign in again,
// coming back to the page the user was on.
setUnauthorizedHandler(() => {
  setSession(null);
  const { pathname, search } = router.state.location;
  const here = `${pathname.replace(/^\/beheer(?=\/|$)/, '') || '/'}${search}`;
  const next = here === '/' || here.startsWith(SIGN_IN_PATH) ? '' : `?next=${encodeURIComponent(here)}`;
  void router.navigate(`${SIGN_IN_PATH}${next}`, { state: { reason: 'expired' } });
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <LocaleProvider>
      <RouterProvider router={router} />
    </LocaleProvider>
  </StrictMode>,
);
