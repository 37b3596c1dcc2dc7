import { CSRF_COOKIE, SESSION_COOKIE } from '../../src/http/access-control.ts';

/**
 * An API answer: status, headers and the body (parsed when it is JSON). The body is `any` by default:
 * tests read JSON answers field by field and check them with assertions.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResponse<Body = any> {
  status: number;
  headers: Headers;
  body: Body;
  text: string;
  /** The raw Set-Cookie headers of this answer. */
  setCookies: string[];
}

/** How a request handles the CSRF header: fetch a token when needed, send none, or send this one. */
export type CsrfMode = 'auto' | 'none' | { token: string };

export interface RequestOptions {
  csrf?: CsrfMode;
  headers?: Record<string, string>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser-like API client for one user: keeps its own cookies (the app's are `Secure`; tests run
 * over http on loopback, so the jar sends them back regardless), and sends `x-csrf-token` on every
 * state change, taking the token from GET /api/v1/csrf or from the last session view it saw.
 */
export class ApiClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly defaults: { userAgent?: string; acceptLanguage?: string } = {},
  ) {}

  /** The session cookie's value, if any. */
  get sessionCookie(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  get anonymousCsrfCookie(): string | undefined {
    return this.cookies.get(CSRF_COOKIE);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse
  get<Body = any>(path: string, options?: RequestOptions) {
    return this.request<Body>('GET', path, undefined, options);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse
  post<Body = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<Body>('POST', path, body, options);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse
  put<Body = any>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<Body>('PUT', path, body, options);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse
  delete<Body = any>(path: string, options?: RequestOptions) {
    return this.request<Body>('DELETE', path, undefined, options);
  }

  /** Fetches a CSRF token for the next state changes (the session's once signed in). */
  async refreshCsrf(): Promise<string> {
    const response = await this.request<{ csrfToken: string }>('GET', '/api/v1/csrf');
    if (response.status !== 200) throw new Error(`GET /api/v1/csrf answered ${response.status}: ${response.text}`);
    return response.body.csrfToken;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see ApiResponse
  async request<Body = any>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<ApiResponse<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.defaults.userAgent) headers['user-agent'] = this.defaults.userAgent;
    if (this.defaults.acceptLanguage) headers['accept-language'] = this.defaults.acceptLanguage;
    const csrf = options.csrf ?? 'auto';
    if (!SAFE_METHODS.has(method) && csrf !== 'none') {
      headers['x-csrf-token'] = typeof csrf === 'object' ? csrf.token : (this.csrfToken ?? (await this.refreshCsrf()));
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    if (cookie) headers.cookie = cookie;

    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
    });
    const sessionBefore = this.sessionCookie;
    const setCookies = response.headers.getSetCookie();
    this.storeCookies(setCookies);
    const text = await response.text();
    const parsed: unknown = /json/.test(response.headers.get('content-type') ?? '') && text ? JSON.parse(text) : text;
    const csrfToken = parsed && typeof parsed === 'object' ? (parsed as { csrfToken?: unknown }).csrfToken : undefined;
    if (typeof csrfToken === 'string') {
      this.csrfToken = csrfToken;
    } else if (this.sessionCookie !== sessionBefore) {
      // A new (or no) session has a new CSRF token: fetch it before the next state change.
      this.csrfToken = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as Body, text, setCookies };
  }

  private storeCookies(setCookies: string[]) {
    for (const header of setCookies) {
      const [pair, ...attributes] = header.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, attributeValue = ''] = attribute.trim().split('=');
        if (key!.toLowerCase() === 'max-age') return Number(attributeValue) <= 0;
        if (key!.toLowerCase() === 'expires') return new Date(attributeValue).getTime() <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
