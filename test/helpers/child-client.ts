import http from 'node:http';

/**
 * The child's side of "write to the mayor" over plain HTTP, as a browser without JavaScript sends it:
 * GET the form, take its one-time token, POST it url-encoded.
 *
 * Every request can come from a loopback address of its own (127.x.y.z; Linux routes all of
 * 127.0.0.0/8 to the loopback device): the app counts messages and code guesses per source address,
 * so tests that stand for many children use many sources, exactly as many phones would, and
 * production's limits stay as they are.
 */

/** An answer: status, headers, and the body as text. */
export interface PageResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  html: string;
}

/** What a child types into the write form; fields left out are sent empty, as a browser does. */
export interface WriteForm {
  message: string;
  name?: string;
  age?: '' | 'under_12' | '12_15' | '16_18' | 'over_18';
  contact?: 'code' | 'phone' | 'email';
  phone?: string;
  email?: string;
}

let nextSource = Math.floor(Math.random() * 1_000_000);

/** A loopback source address not handed out before in this process. */
export function freshSourceAddress(): string {
  const n = nextSource++ % 16_000_000;
  return `127.${1 + (n >> 16)}.${(n >> 8) & 255}.${n & 255 || 1}`;
}

/** One HTTP request from `sourceAddress` (a fresh one unless given); no keep-alive, no cookies. */
export function request(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  fields?: Record<string, string>,
  sourceAddress = freshSourceAddress(),
  timeoutMs = 30_000,
): Promise<PageResponse> {
  const url = new URL(path, baseUrl);
  const body = fields ? new URLSearchParams(fields).toString() : undefined;
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: url.hostname === 'localhost' ? '127.0.0.1' : url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        localAddress: sourceAddress,
        agent: false,
        timeout: timeoutMs,
        headers: {
          host: url.host,
          'accept-language': 'nl',
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (response) => {
        let html = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (html += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, html }));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error(`${method} ${path} timed out`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** The value of the hidden one-time `token` field in a form's HTML. */
export function formToken(html: string): string {
  const input = /<input\b[^>]*\bname="token"[^>]*>/.exec(html)?.[0];
  const token = input && /\bvalue="([^"]*)"/.exec(input)?.[1];
  if (!token) throw new Error(`No hidden token field in the form:\n${html.slice(0, 2000)}`);
  return decodeEntities(token);
}

/** The code shown in `<p id="child-code">`, or undefined when the page shows none. */
export function shownCode(html: string): string | undefined {
  const inner = /<p\b[^>]*\bid="child-code"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
  return inner === undefined ? undefined : decodeEntities(inner.replace(/<[^>]*>/g, '')).trim();
}

/** Fills in and sends the write form of `slug` as one child: GET (token) then POST, each from its own source. */
export async function writeToMayor(
  baseUrl: string,
  slug: string,
  form: WriteForm,
  token?: string,
): Promise<PageResponse & { code: string | undefined }> {
  const path = `/gemeente/${slug}/schrijf`;
  const formToken_ = token ?? formToken((await request(baseUrl, 'GET', path)).html);
  const response = await request(baseUrl, 'POST', path, {
    message: form.message,
    name: form.name ?? '',
    age: form.age ?? '',
    contact: form.contact ?? 'code',
    phone: form.phone ?? '',
    email: form.email ?? '',
    website: '',
    token: formToken_,
  });
  return { ...response, code: response.status === 200 ? shownCode(response.html) : undefined };
}

/** Enters `code` on the read page: 200 with the conversation, or 400/410/429. */
export function readConversation(baseUrl: string, slug: string, code: string): Promise<PageResponse> {
  return request(baseUrl, 'POST', `/gemeente/${slug}/lees`, { code });
}

/** Writes back from the conversation page (a fresh random token, as each rendered form has its own). */
export function childReply(baseUrl: string, slug: string, code: string, message: string, token: string) {
  return request(baseUrl, 'POST', `/gemeente/${slug}/lees/antwoord`, { code, message, token });
}

/** Undoes the HTML escaping React applies to text (& < > " ' and numeric references). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
