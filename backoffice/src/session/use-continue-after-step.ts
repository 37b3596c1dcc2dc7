import { useLocation, useNavigate } from 'react-router';
import { nextStepPath, safeNextPath, SIGN_IN_PATH } from './next-step.ts';
import { refreshSession } from './session-store.ts';

/**
 * After a sign-in or enrolment step: fetch the session again (the server may have rotated it and its
 * CSRF token) and go to the next step, or to the page the user first asked for (`?next=`).
 */
export function useContinueAfterStep(): () => Promise<void> {
  const navigate = useNavigate();
  const location = useLocation();
  return async () => {
    const session = await refreshSession();
    if (!session) {
      await navigate(SIGN_IN_PATH, { replace: true, state: { reason: 'expired' } });
      return;
    }
    await navigate(nextStepPath(session, safeNextPath(location.search)), { replace: true });
  };
}
