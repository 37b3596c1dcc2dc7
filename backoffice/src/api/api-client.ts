/**
 * The one place that talks HTTP to /api/v1. Same-origin cookies only; every state change carries the
 * CSRF token (from the session view, or from GET /api/v1/csrf before signing in); errors arrive as
 * `{ error: { id, message, field? } }` and are thrown as {@link ApiError}.
 */

const API_BASE = '/api/v1';

/** An API failure: the server's stable id, its human message (may be empty for network failures) and field. */
export class ApiError extends Error {
  /** True when the client already acted on it (a 401 sent the user to the sign-in page). */
  handled = false;

  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | undefined>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** A 401 is an expected answer here (sign-in steps, the session probe): do not send the user away. */
  unauthorizedIsAnswer?: boolean;
}

let csrfToken: string | undefined;
let language = 'nl';
let onUnauthorized: (() => void) | undefined;
let renewCsrfFromSession: (() => Promise<string | undefined>) | undefined;

/** Called with the token of each session view; `undefined` after signing out. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Server messages come back in this language. */
export function setApiLanguage(locale: string): void {
  language = locale;
}

/** What to do when a request finds the session gone (normally: go to the sign-in page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** How to get a fresh token from the session view when the server refuses ours. */
export function setCsrfRenewer(renew: () => Promise<string | undefined>): void {
  renewCsrfFromSession = renew;
}

/** Sends one request and returns the parsed JSON answer (undefined for an empty answer). */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(method, path, options, false);
}

async function send<T>(method: Method, path: string, options: RequestOptions, isRetry: boolean): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  let body: string | undefined;
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    // Fastify refuses a JSON content type with an empty body, so state changes always send an object.
    body = JSON.stringify(options.body ?? {});
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET') headers['x-csrf-token'] = await currentCsrfToken();

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'client.network', '');
  }
  if (response.ok) return (await readJson(response)) as T;

  const error = await readError(response);
  if (error.status === 403 && method !== 'GET' && !isRetry && isCsrfRefusal(error)) {
    csrfToken = undefined;
    csrfToken = (await renewCsrfFromSession?.()) ?? undefined;
    return send<T>(method, path, options, true);
  }
  if (error.status === 401 && isSessionGone(error) && !options.unauthorizedIsAnswer && onUnauthorized) {
    error.handled = true;
    onUnauthorized();
  }
  throw error;
}

/** `/api/v1` + path + the query without empty values. */
export function apiUrl(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value) search.set(name, value);
  const queryString = search.toString();
  return `${API_BASE}${path}${queryString ? `?${queryString}` : ''}`;
}

async function currentCsrfToken(): Promise<string> {
  if (!csrfToken) {
    const answer = await send<{ csrfToken: string }>('GET', '/csrf', { unauthorizedIsAnswer: true }, false);
    csrfToken = answer.csrfToken;
  }
  return csrfToken;
}

// CONTRACT ASSUMPTION: the contract does not name the CSRF refusal's error id; we take a 403 whose id
// mentions "csrf" (e.g. "csrf.invalid") as one, renew the token once and retry.
function isCsrfRefusal(error: ApiError): boolean {
  return /csrf/i.test(error.id);
}

/**
 * Whether a 401 means the session is gone. Other 401s answer the request itself (a wrong code while
 * confirming an authenticator app, a passkey that did not verify) and belong next to the form.
 * A 401 without our error body (a proxy's) is taken as the session being gone.
 */
function isSessionGone(error: ApiError): boolean {
  return error.id === 'auth.required' || error.id === 'auth.session_expired' || error.id.startsWith('client.http.');
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

async function readError(response: Response): Promise<ApiError> {
  try {
    const parsed = (await readJson(response)) as { error?: { id?: unknown; message?: unknown; field?: unknown } };
    const { id, message, field } = parsed?.error ?? {};
    if (typeof id === 'string' && typeof message === 'string') {
      return new ApiError(response.status, id, message, typeof field === 'string' ? field : undefined);
    }
  } catch {
    // Not JSON (a proxy's error page): fall through to a generic error.
  }
  return new ApiError(response.status, `client.http.${response.status >= 500 ? 'server' : 'other'}`, '');
}
