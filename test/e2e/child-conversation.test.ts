/**
 * Writing to the mayor in a real browser at 360×640, in Dutch and Arabic: the form with an error
 * and its summary, the code, reading with the code, writing back, deleting (asked once more).
 * Once with JavaScript off (the site must not need it), once with axe-core checking every page.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Translator } from '../../src/web/i18n/catalogue.ts';
import type { TestApp } from '../helpers/app.ts';
import {
  axeViolations,
  boxes,
  browserSuite,
  horizontalOverflow,
  launchBrowser,
  newAxeContext,
  newChildContext,
  PHONE,
  SCREENSHOT_DIRECTORY,
  startDemoApp,
  startNeutralSite,
  translator,
  type NeutralSite,
} from './browser.ts';

const CODE = /^[a-z]+(-[a-z]+){3}-\d{2}$/;
/** Each walk writes its own words: the same text four times in ten minutes would count as a flood. */
let walks = 0;

browserSuite('writing to the mayor in the browser (360×640)', () => {
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

  /**
   * The whole path for one language; `check` runs on every page reached (axe, layout, cookies).
   * Every step is a plain link or form: no script is needed anywhere.
   */
  async function walk(page: Page, context: BrowserContext, t: Translator, check: (step: string) => Promise<void>) {
    const heading = async () => (await page.getByRole('heading', { level: 1 }).innerText()).trim();
    const visited: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url());
    });

    await page.goto(app.baseUrl + t.href('/gemeente/amsterdam'));
    await page.getByRole('link', { name: t.t('municipality.writeLink') }).click();
    assert.equal(await heading(), t.t('write.title', { name: 'Amsterdam' }));
    await check('write form');

    // Phone chosen but no number: the form comes back with a summary and everything kept.
    const walkNumber = ++walks;
    const words = `${t.locale === 'ar' ? 'مرحبا، أحتاج مساعدة' : 'Hallo, ik heb hulp nodig'} ${walkNumber}`;
    const reply = `Nog één ding (${walkNumber})\nop twee regels`;
    await page.getByLabel(t.t('write.messageLabel'), { exact: true }).fill(words);
    await page.getByLabel(t.t('write.contactPhone')).check();
    await page.getByRole('button', { name: t.t('write.submit') }).click();
    await page.waitForLoadState();
    const summaryLink = page.getByRole('link', { name: t.t('form.error.phoneMissing') });
    assert.ok(await summaryLink.isVisible(), 'the error summary names the problem');
    assert.equal(await page.getByLabel(t.t('write.messageLabel'), { exact: true }).inputValue(), words);
    assert.ok(await page.getByLabel(t.t('write.contactPhone')).isChecked());
    await check('write form with an error');
    await summaryLink.click();
    assert.ok(await page.getByLabel(t.t('write.phoneLabel')).isVisible(), 'the link leads to the field');

    await page.getByLabel(t.t('write.contactCode')).check();
    await page.getByRole('button', { name: t.t('write.submit') }).click();
    await page.waitForLoadState();
    assert.equal(await heading(), t.t('sent.title'));
    const code = (await page.locator('#child-code').innerText()).trim();
    assert.match(code, CODE);
    assert.ok(await page.getByText(t.t('sent.writeItDown')).isVisible());
    await check('confirmation with the code');

    await page.getByRole('link', { name: t.t('sent.read') }).click();
    await check('code form');
    await page.getByLabel(t.t('read.codeLabel')).fill(code.toUpperCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: t.t('read.submit') }).click();
    await page.waitForLoadState();
    assert.equal(await heading(), t.t('conversation.title', { name: 'Amsterdam' }));
    assert.ok(await page.getByText(words).isVisible(), 'my own message');
    await check('conversation');

    await page.getByLabel(t.t('conversation.replyLabel')).fill(reply);
    await page.getByRole('button', { name: t.t('conversation.replySubmit') }).click();
    await page.waitForLoadState();
    assert.ok(await page.getByText(t.t('conversation.sent')).isVisible());
    assert.equal(await page.locator('.od-message--child').count(), 2);
    const lines = await page.locator('.od-message--child .od-message-body').nth(1).innerText();
    assert.equal(lines, reply, 'line breaks kept');
    await check('conversation after writing back');

    await page.getByRole('button', { name: t.t('conversation.deleteButton') }).click();
    await page.waitForLoadState();
    assert.equal(await heading(), t.t('delete.title'));
    await check('delete: are you sure?');
    await page.getByRole('button', { name: t.t('delete.yes') }).click();
    await page.waitForLoadState();
    assert.equal(await heading(), t.t('deleted.title'));
    await check('deleted');

    assert.deepEqual(await context.cookies(), [], 'no cookies');
    const typed = code.toUpperCase().replace(/-/g, ' ');
    for (const url of visited) {
      const decoded = decodeURIComponent(url).toLowerCase();
      assert.ok(!decoded.includes(code) && !decoded.includes(typed.toLowerCase()), `no code in ${url}`);
    }
  }

  for (const locale of ['nl', 'ar']) {
    const t = translator(locale);

    describe(`${locale}`, () => {
      it('works all the way with JavaScript off', async () => {
        const context = await newChildContext(browser, PHONE);
        try {
          const page = await context.newPage();
          await walk(page, context, t, async (step) => {
            assert.equal(await page.locator('script').count(), 0, `${step}: no script on the page`);
          });
        } finally {
          await context.close();
        }
      });

      it('has no axe-core violations, no sideways scrolling and big enough buttons on any page', async () => {
        const context = await newAxeContext(browser, PHONE);
        try {
          const page = await context.newPage();
          await walk(page, context, t, async (step) => {
            assert.equal(await page.locator('html').getAttribute('dir'), t.dir, step);
            const violations = await axeViolations(page);
            assert.deepEqual(violations, [], `${step}: ${violations.join('\n')}`);
            assert.equal(await horizontalOverflow(page), 0, `${step}: no sideways scrolling`);
            const small = (await boxes(page, 'main button, a[href^="tel:"]')).filter(
              (box) => box.height < 44 || box.width < 44,
            );
            assert.deepEqual(small, [], `${step}: buttons and phone numbers at least 44×44 px`);
            const name = `${locale}-child-${step.replace(/\W+/g, '-').replace(/-$/, '')}-${PHONE.width}.png`;
            await page.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, name), fullPage: true });
          });
        } finally {
          await context.close();
        }
      });
    });
  }
});
