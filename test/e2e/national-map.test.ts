/**
 * The national page in the browser: the map of every current municipality passes axe-core (with
 * every province's table opened) in Dutch and Arabic, on a laptop and a 360×640 phone, without
 * sideways scrolling; its links work without JavaScript and show where the keyboard is.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { databaseTargets } from '../helpers/databases.ts';
import {
  axeViolations,
  browserSuite,
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  newAxeContext,
  newChildContext,
  PHONE,
  SCREENSHOT_DIRECTORY,
  translator,
} from './browser.ts';

const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

browserSuite('national map in the browser', () => {
  let browser: Browser;
  let app: TestApp;
  let current = 0;

  before(async () => {
    [app, browser] = await Promise.all([
      startTestApp(databaseTargets()[0]!),
      launchBrowser(),
      mkdir(SCREENSHOT_DIRECTORY, { recursive: true }),
    ]);
    await app.owner.pool.query(
      `
      UPDATE municipalities SET participation = 'active' WHERE code IN ('GM0344', 'GM0363', 'GM0014');
      UPDATE municipalities SET participation = 'enrolled' WHERE code IN ('GM0599', 'GM0518', 'GM0935');
      INSERT INTO testimonials (municipality_code, mayor_name, quote, photo, photo_type, photo_consent, publish_from, status)
      VALUES ('GM0344', 'Sharon Voorbeeld', 'Op het stadhuis luisteren we altijd naar je.', $1, 'image/png',
              'Schriftelijke toestemming', '2000-01-01', 'published');`.replace(
        '$1',
        `'\\x${TINY_PNG.toString('hex')}'`,
      ),
    );
    const { rows } = await app.owner.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM municipalities WHERE ended_on IS NULL',
    );
    current = rows[0]!.n;
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const viewport of [DESKTOP, PHONE]) {
    for (const locale of ['nl', 'ar']) {
      const t = translator(locale);
      it(`passes axe-core with every table open (${locale}, ${viewport.name})`, async () => {
        const context = await newAxeContext(browser, viewport);
        try {
          const page = await context.newPage();
          const response = await page.goto(`${app.baseUrl}${t.href('/wie-doet-mee')}`);
          assert.equal(response?.status(), 200);
          assert.equal(await page.locator('html').getAttribute('dir'), t.dir);
          assert.equal(await page.locator('svg.od-map path[data-code]').count(), current);
          assert.equal(current, 342, "the registry's current division");
          assert.equal(await page.locator('svg.od-map a').count(), 3, 'one link per active municipality');
          assert.equal(await page.locator('script').count(), 0, 'no script on the page');
          assert.ok(
            await page.evaluate<boolean>("document.querySelector('img.od-testimonial-photo').naturalWidth === 1"),
          );
          await page.evaluate('document.querySelectorAll("details").forEach((details) => { details.open = true; })');
          assert.deepEqual(await axeViolations(page), []);
          assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling');
          const box = await page.locator('svg.od-map').boundingBox();
          assert.ok(box && box.width >= Math.min(300, viewport.width - 64), `the map is big enough: ${box?.width}`);
          if (locale === 'nl')
            await page.screenshot({
              path: path.join(SCREENSHOT_DIRECTORY, `national-map-${viewport.width}.png`),
              fullPage: false,
            });
        } finally {
          await context.close();
        }
      });
    }
  }

  describe('without JavaScript, by keyboard', () => {
    it('follows a map link to the municipality page, with a visible focus on the way', async () => {
      const context = await newChildContext(browser, DESKTOP);
      try {
        const page = await context.newPage();
        await page.goto(`${app.baseUrl}/wie-doet-mee`);
        const link = page.locator('svg.od-map a[href="/gemeente/utrecht"]');
        const strokeWidth = `getComputedStyle(document.querySelector('svg.od-map a[href="/gemeente/utrecht"] path')).strokeWidth`;
        const before = await page.evaluate<string>(strokeWidth);
        await link.focus();
        const focused = await page.evaluate<string>(strokeWidth);
        assert.notEqual(focused, before, 'the focused municipality is drawn with a thicker outline');
        await page.keyboard.press('Enter');
        await page.waitForURL(`${app.baseUrl}/gemeente/utrecht`);
        assert.ok((await page.content()).includes('Op het stadhuis luisteren we altijd naar je.'), 'its testimonial');
      } finally {
        await context.close();
      }
    });
  });
});
