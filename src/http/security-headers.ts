/**
 * Headers for pages a child sees: no script may run, nothing is framed, no referrer leaves the
 * site, and nothing loads from another origin. Computed once; every public response gets them.
 */
export const PUBLIC_PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'x-robots-tag': 'noarchive',
});

/** Pages and answers that must never be kept by a browser or proxy (conversations, searches). */
export const NO_STORE = 'no-store';

/** Pages that are the same for everyone and may be kept briefly by the browser. */
export const SHORT_PUBLIC_CACHE = 'public, max-age=60';

/** Headers for the back office and its API: scripts only from our own origin, nothing framed. */
export const BACK_OFFICE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...PUBLIC_PAGE_HEADERS,
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'cache-control': 'no-store',
});
