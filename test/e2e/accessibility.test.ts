/**
 * Every public page, in every language, on a phone and on a laptop: zero axe-core violations
 * (WCAG 2.2 AA), no request to another site, no cookies, no sideways scrolling, and help numbers
 * and quick exit big enough to tap.
 * Screenshots of the main pages go to test-results/e2e/ for people to look at.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.ts';
import {
  axeViolations,
  boxes,
  browserSuite,
  DESKTOP,
  horizontalOverflow,
  LANGUAGES,
  launchBrowser,
  newAxeContext,
  PHONE,
  PUBLIC_PAGES,
  SCREENSHOT_DIRECTORY,
  startDemoApp,
  startNeutralSite,
  type NeutralSite,
} from './browser.ts';

/** Apple's and WCAG 2.5.5's comfortable target size, in CSS pixels. */
const MIN_TARGET = 44;

browserSuite('public pages in the browser: accessibility and layout', () => {
  let browser: Browser;
  let app: TestApp;
  let neutral: NeutralSite;

  before(async () => {
    neutral = await startNeutralSite();
    [app, browser] = await Promise.all([
      startDemoApp(neutral),
      launchBrowser(),
      mkdir(SCREENSHOT_DIRECTORY, { recursive: true }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await neutral?.stop();
  });

  it('covers Dutch and English at least', () => {
    const locales = LANGUAGES.map((language) => language.locale);
    assert.ok(locales.includes('nl') && locales.includes('en'), `languages: ${locales.join(', ')}`);
  });

  for (const viewport of [PHONE, DESKTOP]) {
    describe(viewport.name, () => {
      let context: BrowserContext;
      let page: Page;
      /** Requests that left the site: there must be none (no third parties, nothing to trace). */
      const elsewhere: string[] = [];
      before(async () => {
        context = await newAxeContext(browser, viewport);
        context.on('request', (request) => {
          const url = request.url();
          if (!url.startsWith(`${app.baseUrl}/`) && !url.startsWith('data:')) elsewhere.push(url);
        });
        page = await context.newPage();
      });
      after(() => context?.close());

      for (const language of LANGUAGES) {
        for (const publicPage of PUBLIC_PAGES) {
          const url = language.href(publicPage.path);
          it(`${publicPage.name} (${language.locale}, ${url})`, async () => {
            const response = await page.goto(app.baseUrl + url);
            assert.equal(response?.status(), publicPage.status);
            assert.equal(await page.locator('html').getAttribute('lang'), language.locale);
            assert.equal(await page.locator('html').getAttribute('dir'), language.dir);

            const violations = await axeViolations(page);
            assert.deepEqual(
              violations,
              [],
              `axe-core found ${violations.length} violation(s):\n${violations.join('\n')}`,
            );

            assert.deepEqual(elsewhere, [], 'no request to another site');
            assert.deepEqual(await context.cookies(), [], 'no cookies');
            assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling');
            const small = [...(await boxes(page, 'a[href^="tel:"]')), ...(await boxes(page, '.od-quick-exit'))].filter(
              (box) => box.height < MIN_TARGET || box.width < MIN_TARGET,
            );
            assert.deepEqual(small, [], `phone numbers and quick exit are at least ${MIN_TARGET}×${MIN_TARGET} px`);

            if (publicPage.screenshot) {
              const name = `${language.locale}-${publicPage.name.replace(/\W+/g, '-').replace(/-$/, '')}-${viewport.width}.png`;
              await page.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, name), fullPage: true });
            }
          });
        }
      }
    });
  }
});
