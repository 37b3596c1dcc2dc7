/**
 * What a child's phone downloads for a municipality page: HTML plus the one stylesheet, compressed,
 * must stay under 20 KB (design.md performance target), with no script at all.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../helpers/app.ts';
import { startDemoApp, startNeutralSite, type NeutralSite } from './browser.ts';

const BUDGET_BYTES = 20 * 1024;

describe('page weight of a municipality page', () => {
  let app: TestApp;
  let neutral: NeutralSite;

  before(async () => {
    neutral = await startNeutralSite();
    app = await startDemoApp(neutral);
  });
  after(async () => {
    await app?.stop();
    await neutral?.stop();
  });

  for (const encoding of ['br', 'gzip']) {
    it(`HTML + CSS is under ${BUDGET_BYTES / 1024} KB with ${encoding}, and has no script`, async (t) => {
      const page = await download(`${app.baseUrl}/gemeente/rotterdam`, encoding);
      const html = (await download(`${app.baseUrl}/gemeente/rotterdam`, 'identity')).body.toString('utf8');
      assert.doesNotMatch(html, /<script/i, 'no script in the page');
      const stylesheets = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
        (match) => match[1]!,
      );
      assert.equal(stylesheets.length, 1, 'one stylesheet');
      const css = await download(app.baseUrl + stylesheets[0], encoding);
      for (const part of [page, css]) assert.equal(part.encoding, encoding, `${part.url} is sent with ${encoding}`);
      const total = page.body.length + css.body.length;
      t.diagnostic(`${encoding}: HTML ${page.body.length} B + CSS ${css.body.length} B = ${total} B`);
      assert.ok(total < BUDGET_BYTES, `${total} bytes is over the budget of ${BUDGET_BYTES}`);
    });
  }
});

/** The body exactly as sent (not decompressed), and its content-encoding. */
function download(url: string, encoding: string): Promise<{ url: string; body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    const call = request(url, { headers: { 'accept-encoding': encoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`${url} answered ${response.statusCode}`));
        resolve({
          url,
          body: Buffer.concat(chunks),
          encoding: String(response.headers['content-encoding'] ?? 'identity'),
        });
      });
      response.on('error', reject);
    });
    call.on('error', reject);
    call.end();
  });
}
