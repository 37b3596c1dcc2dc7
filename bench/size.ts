import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** The bytes a browser downloads for the page and its stylesheet, per encoding. */
export interface SizeFigures {
  stylesheetUrl: string;
  br: { html: number; css: number; total: number };
  gzip: { html: number; css: number; total: number };
}

interface RawResponse {
  status: number;
  encoding: string | undefined;
  body: Buffer;
}

/** Measures the page at `pagePath` and the stylesheet it links to, as sent on the wire. */
export async function measureSizes(baseUrl: string, pagePath: string): Promise<SizeFigures> {
  const plain = await getRaw(baseUrl, pagePath, 'identity');
  const stylesheetUrl = /<link rel="stylesheet" href="([^"]+)"/.exec(plain.body.toString('utf8'))?.[1];
  if (!stylesheetUrl) throw new Error(`${pagePath} links no stylesheet`);
  const sizes = async (encoding: 'br' | 'gzip') => {
    const html = await getCompressed(baseUrl, pagePath, encoding);
    const css = await getCompressed(baseUrl, stylesheetUrl, encoding);
    return { html, css, total: html + css };
  };
  return { stylesheetUrl, br: await sizes('br'), gzip: await sizes('gzip') };
}

/** The compressed body length, after checking it is what was asked for and decodes. */
async function getCompressed(baseUrl: string, path: string, encoding: 'br' | 'gzip'): Promise<number> {
  const response = await getRaw(baseUrl, path, encoding);
  if (response.encoding !== encoding) {
    throw new Error(`${path} was sent with content-encoding ${response.encoding ?? 'none'}, not ${encoding}`);
  }
  (encoding === 'br' ? brotliDecompressSync : gunzipSync)(response.body);
  return response.body.length;
}

/** A GET whose body is kept as sent (fetch would decompress it). Anything but 200 is an error. */
export function getRaw(baseUrl: string, path: string, acceptEncoding: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseUrl), { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`GET ${path} answered ${response.statusCode}`));
        const encoding = response.headers['content-encoding'];
        resolve({ status: response.statusCode, encoding, body: Buffer.concat(chunks) });
      });
    });
    request.on('error', reject);
    request.setTimeout(10_000, () => request.destroy(new Error(`GET ${path} timed out`)));
  });
}
