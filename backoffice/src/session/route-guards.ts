/**
 * Route loaders that keep people where they belong: pages for signed-in staff need the full session
 * (password and second factor); the second step needs a half session; role pages need the role.
 */
import { data, redirect, type LoaderFunctionArgs } from 'react-router';
import type { StaffRole } from '../api/contract-types.ts';
import { ENROLMENT_PATH, SECOND_STEP_PATH, SIGN_IN_PATH, hasSecondFactor, nextStepPath } from './next-step.ts';
import { hasAnyRole } from './roles.ts';
import { loadSessionOnce } from './session-store.ts';

/** The path the user asked for (without the /beheer basename), to come back to after signing in. */
function wantedPath({ request }: LoaderFunctionArgs): string {
  const url = new URL(request.url);
  const path = url.pathname.replace(/^\/beheer/, '') || '/';
  return `${path}${url.search}`;
}

/** Fully signed in, else on to the step that is missing. */
export async function requireFullSession(args: LoaderFunctionArgs): Promise<null> {
  const session = await loadSessionOnce();
  if (session?.stage === 'full') return null;
  const wanted = wantedPath(args);
  if (!session) throw redirect(wanted === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?next=${encodeURIComponent(wanted)}`);
  throw redirect(nextStepPath(session, wanted));
}

/** Fully signed in and holding one of `roles`; otherwise a 403 page. */
export function requireRole(roles: readonly StaffRole[]) {
  return async (args: LoaderFunctionArgs): Promise<null> => {
    await requireFullSession(args);
    if (!hasAnyRole(await loadSessionOnce(), roles)) throw data(null, { status: 403 });
    return null;
  };
}

/** Password given, second factor still to do. */
export async function requireSecondStep(): Promise<null> {
  const session = await loadSessionOnce();
  if (!session) throw redirect(SIGN_IN_PATH);
  if (session.stage === 'full') throw redirect('/');
  if (!hasSecondFactor(session)) throw redirect(ENROLMENT_PATH);
  return null;
}

/** Enrolment: signed in without a second factor yet, or fully signed in (adding another one). */
export async function requireEnrolmentAllowed(): Promise<null> {
  const session = await loadSessionOnce();
  if (!session) throw redirect(SIGN_IN_PATH);
  if (session.stage === 'password' && hasSecondFactor(session)) throw redirect(SECOND_STEP_PATH);
  return null;
}

/** The sign-in page is for people who are not fully signed in yet. */
export async function redirectWhenFullySignedIn(): Promise<null> {
  if ((await loadSessionOnce())?.stage === 'full') throw redirect('/');
  return null;
}
