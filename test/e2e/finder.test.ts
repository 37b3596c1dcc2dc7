/**
 * The child's path through the site in a real browser with JavaScript off: find the municipality
 * (by name, postcode, from a list, or not at all), read its page, follow a sticker's short URL,
 * switch language.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../helpers/app.ts';
import {
  browserSuite,
  HELP_LINES,
  launchBrowser,
  newChildContext,
  startDemoApp,
  startNeutralSite,
  translator,
  type NeutralSite,
} from './browser.ts';

const nl = translator('nl');
const en = translator('en');

browserSuite('finder and municipality pages in the browser (JavaScript off)', () => {
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

  const open = async (path: string) => page.goto(app.baseUrl + path);
  const heading = async () => (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const search = async (query: string, t = nl) => {
    await page.getByLabel(t.t('finder.label')).fill(query);
    await page.getByRole('button', { name: t.t('finder.submit') }).click();
    await page.waitForLoadState();
  };
  const pathname = () => new URL(page.url()).pathname;

  it('finds a municipality by an everyday name: "den bosch" → \'s-Hertogenbosch', async () => {
    await open('/');
    await search('den bosch');
    assert.equal(pathname(), '/gemeente/s-hertogenbosch');
    assert.equal(await heading(), nl.t('municipality.title', { name: "'s-Hertogenbosch" }));
  });

  it('finds a municipality by postcode with letters: "5401 AB" → Maashorst', async () => {
    await open('/');
    await search('5401 AB');
    assert.equal(pathname(), '/gemeente/maashorst');
    assert.equal(await heading(), nl.t('municipality.title', { name: 'Maashorst' }));
  });

  it('lists several matches for "bergen" and goes to the one chosen', async () => {
    await open('/');
    await search('bergen');
    assert.equal(pathname(), '/zoek');
    assert.equal(await heading(), nl.t('finder.resultsTitle'));
    const choices = page.locator('main ul a[href^="/gemeente/"]');
    const names = (await choices.allInnerTexts()).join(' | ');
    for (const expected of ['Bergen (NH.)', 'Bergen (L.)', 'Bergen op Zoom'])
      assert.match(names, new RegExp(escape(expected)));
    await page.getByRole('link', { name: /Bergen \(NH\.\)/ }).click();
    assert.equal(pathname(), '/gemeente/bergen-nh');
    assert.equal(await heading(), nl.t('municipality.title', { name: 'Bergen (NH.)' }));
  });

  it('says what to try when nothing matches, keeps what was typed, and shows the help numbers', async () => {
    await open('/');
    await search('xyzzy');
    assert.equal(await heading(), nl.t('finder.noneTitle'));
    assert.equal(await page.getByRole('status').innerText(), nl.t('finder.noneName', { query: 'xyzzy' }));
    assert.equal(await page.getByLabel(nl.t('finder.label')).inputValue(), 'xyzzy');
    await assertHelpNumbersVisible(page);

    await search('1000');
    assert.equal(await page.getByRole('status').innerText(), nl.t('finder.nonePostcode', { query: '1000' }));
  });

  it('works the same on the English site: "den haag" → /en/gemeente/s-gravenhage', async () => {
    await open('/en');
    await search('den haag', en);
    assert.equal(pathname(), '/en/gemeente/s-gravenhage');
    assert.equal(await heading(), en.t('municipality.title', { name: "'s-Gravenhage" }));
  });

  it('shows how to reach the mayor of an active municipality: visit, call (tel: link), write', async () => {
    await open('/gemeente/rotterdam');
    assert.equal(await heading(), nl.t('municipality.title', { name: 'Rotterdam' }));
    assert.ok(
      await page.getByText(nl.t('municipality.exampleNotice')).isVisible(),
      'demo details are marked as an example',
    );
    for (const title of ['municipality.visitTitle', 'municipality.callTitle', 'municipality.writeTitle'] as const) {
      assert.ok(await page.getByRole('heading', { level: 2, name: nl.t(title) }).isVisible(), `section ${nl.t(title)}`);
    }
    assert.ok(await page.getByText('Coolsingel 40, Rotterdam (voorbeeld)').isVisible());
    const call = page.getByRole('link', { name: nl.t('municipality.callText', { phone: '010 000 0000' }) });
    assert.equal(await call.getAttribute('href'), 'tel:0100000000');
    assert.ok(await call.isVisible());

    await page.getByRole('link', { name: nl.t('municipality.writeLink') }).click();
    assert.equal(pathname(), '/gemeente/rotterdam/schrijf');
    assert.equal(await heading(), nl.t('write.title', { name: 'Rotterdam' }));
    assert.ok(await page.getByLabel(nl.t('write.messageLabel')).isVisible(), 'the write page has the form');
  });

  it('says honestly that a municipality does not take part, and shows the help numbers', async () => {
    await open('/gemeente/utrecht');
    assert.equal(await heading(), nl.t('municipality.title', { name: 'Utrecht' }));
    assert.ok(await page.getByText(nl.t('municipality.notParticipating', { name: 'Utrecht' })).isVisible());
    assert.equal(await page.getByRole('heading', { name: nl.t('municipality.callTitle') }).count(), 0);
    assert.equal(await page.getByRole('link', { name: nl.t('municipality.writeLink') }).count(), 0);
    await assertHelpNumbersVisible(page);
  });

  it('follows the short URL printed on stickers: /g/GM0363 → Amsterdam', async () => {
    const response = await open('/g/GM0363');
    assert.equal(pathname(), '/gemeente/amsterdam');
    assert.equal(response?.status(), 200);
    assert.equal((await response?.request().redirectedFrom()?.response())?.status(), 302);
    assert.equal(await heading(), nl.t('municipality.title', { name: 'Amsterdam' }));

    await open('/g/gm0599');
    assert.equal(pathname(), '/gemeente/rotterdam');
    assert.equal((await open('/g/GM9999'))?.status(), 404);
  });

  it('switches language and stays on the same page', async () => {
    for (const [start, english] of [
      ['/', '/en'],
      ['/gemeente/rotterdam', '/en/gemeente/rotterdam'],
      ['/gemeente/amsterdam/schrijf', '/en/gemeente/amsterdam/schrijf'],
    ] as const) {
      await open(start);
      await page.getByRole('link', { name: en.name, exact: true }).click();
      assert.equal(pathname(), english);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      await page.getByRole('link', { name: nl.name, exact: true }).click();
      assert.equal(pathname(), start);
      assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    }
    await open('/en/gemeente/rotterdam');
    assert.equal(await heading(), en.t('municipality.title', { name: 'Rotterdam' }));
    assert.ok(await page.getByRole('heading', { level: 2, name: en.t('municipality.callTitle') }).isVisible());
  });
});

/** 112, De Kindertelefoon and Veilig Thuis are on the page as visible tel: links. */
async function assertHelpNumbersVisible(page: Page) {
  for (const line of [HELP_LINES.emergency, HELP_LINES.kindertelefoon, HELP_LINES.veiligThuis]) {
    const links = page.locator(`main a[href="tel:${line.tel}"]`);
    assert.ok((await links.count()) > 0, `a tel:${line.tel} link in the page`);
    assert.ok(await links.first().isVisible(), `tel:${line.tel} is visible`);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
