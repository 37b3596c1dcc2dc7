/**
 * Quick exit: on every public page, in every language, a plain link to the configured neutral site
 * that works with JavaScript off, sends no referrer, and is on screen at once on a phone.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.ts';
import {
  browserSuite,
  LANGUAGES,
  launchBrowser,
  NEUTRAL_TITLE,
  newChildContext,
  PHONE,
  PUBLIC_PAGES,
  startDemoApp,
  startNeutralSite,
  type NeutralSite,
} from './browser.ts';

browserSuite('quick exit in the browser (JavaScript off)', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let app: TestApp;
  let neutral: NeutralSite;

  before(async () => {
    neutral = await startNeutralSite();
    [app, browser] = await Promise.all([startDemoApp(neutral), launchBrowser()]);
    context = await newChildContext(browser);
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
    await neutral?.stop();
  });

  for (const language of LANGUAGES) {
    for (const publicPage of PUBLIC_PAGES) {
      const path = language.href(publicPage.path);
      it(`${publicPage.name} (${language.locale}, ${path}): one click leaves for the neutral site`, async () => {
        const response = await page.goto(app.baseUrl + path);
        assert.equal(response?.status(), publicPage.status);

        const exit = page.getByRole('link', { name: language.t('site.quickExit'), exact: true });
        assert.equal(await exit.count(), 1, 'exactly one quick-exit link');
        assert.equal(await exit.getAttribute('href'), neutral.url, 'a plain link to QUICK_EXIT_URL');
        const box = await exit.boundingBox();
        assert.ok(box, 'the quick exit is rendered');
        assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height, `on screen without scrolling (y=${box.y})`);
        assert.ok(box.height >= 44 && box.width >= 44, `a big enough target (${box.width}×${box.height})`);

        // Still reachable after scrolling to the end of a long page.
        await exit.page().keyboard.press('End');
        const scrolled = await exit.boundingBox();
        assert.ok(
          scrolled && scrolled.y >= 0 && scrolled.y + scrolled.height <= PHONE.height,
          'stays on screen while scrolling',
        );

        const visitsBefore = neutral.visits.length;
        await exit.click();
        await page.waitForURL(neutral.url);
        assert.equal(await page.title(), NEUTRAL_TITLE);
        const visit = neutral.visits[visitsBefore];
        assert.ok(visit, 'the neutral site was visited');
        assert.equal(visit.referer, undefined, 'the neutral site does not learn where the child came from');
      });
    }
  }
});
