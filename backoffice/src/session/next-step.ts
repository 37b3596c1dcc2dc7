/** Where a user goes next after any sign-in or enrolment step. */
import type { SessionView } from '../api/contract-types.ts';

export const SIGN_IN_PATH = '/aanmelden';
export const SECOND_STEP_PATH = '/aanmelden/tweede-stap';
export const ENROLMENT_PATH = '/tweede-factor';

/** Whether the user has a second factor they can sign in with (recovery codes alone do not count). */
export function hasSecondFactor(session: SessionView): boolean {
  return session.secondFactors.totp || session.secondFactors.passkeys > 0;
}

/** Sign-in, second step, enrolment, or (fully signed in) the page the user wanted. */
export function nextStepPath(session: SessionView | null, wanted = '/'): string {
  if (!session) return SIGN_IN_PATH;
  if (session.stage === 'full') return wanted;
  const path = hasSecondFactor(session) ? SECOND_STEP_PATH : ENROLMENT_PATH;
  return wanted === '/' ? path : `${path}?next=${encodeURIComponent(wanted)}`;
}

/** The `next` parameter when it is a path inside the back office (never another site). */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/';
}
