/**
 * The signed-in user, shared by route guards (outside React) and components (through
 * {@link useSession}). It is loaded once and refreshed after every sign-in step, because the server
 * may rotate the session (and its CSRF token) at each step.
 */
import { useSyncExternalStore } from 'react';
import { ApiError, setCsrfRenewer, setCsrfToken } from '../api/api-client.ts';
import { fetchSession } from '../api/auth-api.ts';
import type { SessionView } from '../api/contract-types.ts';

/** `undefined`: not asked yet; `null`: nobody signed in. */
type SessionState = SessionView | null | undefined;

let current: SessionState;
let pending: Promise<SessionView | null> | undefined;
const listeners = new Set<() => void>();

/** Replaces the session view (null after signing out) and tells every subscriber. */
export function setSession(session: SessionView | null): void {
  current = session;
  setCsrfToken(session?.csrfToken);
  for (const listener of listeners) listener();
}

/** Asks the server who is signed in; null when nobody is. */
export async function refreshSession(): Promise<SessionView | null> {
  try {
    const session = await fetchSession();
    setSession(session);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setSession(null);
      return null;
    }
    throw error;
  }
}

/** The session as known, asking the server only the first time (guards of parallel routes share it). */
export function loadSessionOnce(): Promise<SessionView | null> {
  if (current !== undefined) return Promise.resolve(current);
  pending ??= refreshSession().finally(() => {
    pending = undefined;
  });
  return pending;
}

/** The current session view for components; re-renders when it changes. */
export function useSession(): SessionView | null {
  return useSyncExternalStore(subscribe, () => current ?? null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

setCsrfRenewer(async () => (await refreshSession())?.csrfToken);
