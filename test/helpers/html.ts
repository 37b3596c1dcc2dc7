import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { loadTranslators, type MessageId, type MessageValues } from '../../src/web/i18n/catalogue.ts';

const translators = loadTranslators();

/** A message as it appears in rendered HTML (React escapes & < > " '). */
export function message(locale: string, id: MessageId, values?: MessageValues): string {
  const translator = translators.get(locale);
  assert.ok(translator, `no catalogue for ${locale}`);
  return escapeHtml(translator.t(id, values));
}

/** Escapes text the way renderToStaticMarkup does. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[char]!,
  );
}

/** The lang and dir attributes of the document's <html> element. */
export function htmlLanguage(html: string): { lang: string | undefined; dir: string | undefined } {
  const tag = /<html\b[^>]*>/.exec(html)?.[0] ?? '';
  return { lang: /\blang="([^"]*)"/.exec(tag)?.[1], dir: /\bdir="([^"]*)"/.exec(tag)?.[1] };
}

/** The help numbers (112, De Kindertelefoon, Veilig Thuis) are on the page as tappable links. */
export function assertHelpNumbers(html: string, context = ''): void {
  for (const tel of ['112', '08000432', '08002000'])
    assert.ok(html.includes(`href="tel:${tel}"`), `tel:${tel} on ${context}`);
}

/**
 * What every response of the public site must carry: no script may run, no framing, no referrer,
 * no cookie, and no script element in the HTML.
 */
export function assertPublicResponse(response: LightMyRequestResponse, context = ''): void {
  const csp = String(response.headers['content-security-policy'] ?? '');
  assert.match(csp, /(^|;\s*)script-src 'none'(;|$)/, `script-src 'none' on ${context}`);
  assert.match(csp, /(^|;\s*)frame-ancestors 'none'(;|$)/, `frame-ancestors 'none' on ${context}`);
  assert.match(csp, /(^|;\s*)default-src 'none'(;|$)/, `default-src 'none' on ${context}`);
  assert.equal(response.headers['referrer-policy'], 'no-referrer', `Referrer-Policy on ${context}`);
  assert.equal(response.headers['set-cookie'], undefined, `no cookie on ${context}`);
  assert.ok(!/<script\b/i.test(response.body), `no <script> on ${context}`);
}
