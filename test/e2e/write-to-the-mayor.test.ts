/**
 * Issue 4, "done when", end to end in Chromium: a child on a 360×640 phone without JavaScript finds
 * Amsterdam (GM0363), writes to the mayor and gets a code; a responder of GM0363, signed in in
 * another browser, sees the conversation appear in the inbox without reloading, opens it and
 * replies; the child enters the code, reads the reply, writes back and deletes the conversation.
 * Every page the child saw passes axe-core (WCAG 2.2 AA) at 360×640 without sideways scrolling.
 *
 * The app runs on http://localhost:<port> (its staff cookies are `Secure`, which Chromium accepts on
 * http for localhost only) with a clock moved by hand, so the responder's TOTP codes need no waiting.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, it, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '../../src/db/embedded-server.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { testClock, type TestClock } from '../helpers/clock.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { startTestMailbox, type TestMailbox } from '../helpers/smtp.ts';
import { addStaff, nextTotp, setUpFirstCoordinator, type StaffMember } from '../helpers/staff.ts';
import {
  axeViolations,
  browserSuite,
  DESKTOP,
  ensureBackOfficeBuilt,
  horizontalOverflow,
  launchBrowser,
  newAxeContext,
  newChildContext,
  PHONE,
  SCREENSHOT_DIRECTORY,
  translator,
} from './browser.ts';

const nl = translator('nl');
const CHILD = {
  message: 'Hallo burgemeester, thuis wordt er steeds hard geschreeuwd en ik durf niet naar huis.',
  name: 'Sterretje',
  again: 'Dank je. Mag ik morgen na school langskomen op het stadhuis?',
};
const REPLY = 'Wat goed dat je ons schrijft. Je kunt altijd langskomen; vraag bij de balie naar Ruben.';
const RESPONDER_NAME = 'Ruben Vangnet';

browserSuite('write to the mayor, end to end: child on a phone, responder in the back office', () => {
  let app: TestApp;
  let clock: TestClock;
  let mailbox: TestMailbox;
  let browser: Browser;
  let baseUrl: string;
  let responder: StaffMember;
  let child: Page;
  let staff: Page;
  let code: string;
  const contexts: BrowserContext[] = [];
  /** The child's pages as they were shown, checked with axe-core at the end. */
  const childPages: Array<{ name: string; html: string }> = [];

  before(async () => {
    await ensureBackOfficeBuilt();
    mailbox = await startTestMailbox();
    const port = await findFreePort();
    baseUrl = `http://localhost:${port}`;
    clock = testClock();
    [app, browser] = await Promise.all([
      startTestApp(databaseTargets()[0]!, {
        demo: true,
        clock,
        environment: { PORT: String(port), PUBLIC_BASE_URL: baseUrl, SMTP_URL: mailbox.url },
      }),
      launchBrowser(),
    ]);
    const national = await setUpFirstCoordinator(app, clock);
    responder = await addStaff(app, clock, mailbox, national, {
      email: 'ruben.vangnet@amsterdam.example.nl',
      displayName: RESPONDER_NAME,
      municipalityCode: 'GM0363',
      roles: ['responder'],
    });
    const childContext = await newChildContext(browser, PHONE);
    const staffContext = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    for (const context of [childContext, staffContext]) {
      context.setDefaultTimeout(10_000);
      contexts.push(context);
    }
    child = await childContext.newPage();
    staff = await staffContext.newPage();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await mailbox?.stop();
  });

  // Each step needs the ones before; after a failure the rest are skipped, with screenshots kept.
  let failedStep: string | undefined;
  function step(name: string, body: (t: TestContext) => Promise<void>) {
    it(name, async (t) => {
      if (failedStep) return t.skip(`an earlier step failed: ${failedStep}`);
      try {
        await body(t);
      } catch (error) {
        failedStep = name;
        for (const [index, open] of contexts.flatMap((context) => context.pages()).entries()) {
          const file = `write-to-the-mayor-failed-${name.replace(/\W+/g, '-').slice(0, 50)}-${index + 1}.png`;
          await open.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, file), fullPage: true }).catch(() => {});
        }
        throw error;
      }
    });
  }

  const keep = async (name: string) => childPages.push({ name, html: await child.content() });
  const childPath = () => new URL(child.url()).pathname;
  /** The form on the child's page that holds `field`, and its submit button. */
  const submitFormWith = (field: string) =>
    child
      .locator('form')
      .filter({ has: child.locator(field) })
      .locator('button[type="submit"], input[type="submit"]')
      .first()
      .click();

  step('the responder signs in (password, then TOTP) and opens the empty inbox', async () => {
    await staff.goto(`${baseUrl}/beheer/aanmelden`);
    await staff.getByLabel('E-mailadres').fill(responder.email);
    await staff.getByLabel('Wachtwoord', { exact: true }).fill(responder.password);
    await staff.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await staff.getByRole('heading', { level: 1, name: 'Tweede stap' }).waitFor();
    await staff.getByLabel('Code van 6 cijfers').fill(nextTotp(responder.totpSecret, clock));
    await staff.getByRole('button', { name: 'Bevestigen' }).click();
    await staff.getByRole('heading', { level: 1, name: `Welkom, ${RESPONDER_NAME}` }).waitFor();
    await staff.getByRole('link', { name: 'Gesprekken' }).first().click();
    await staff.getByRole('heading', { level: 1, name: 'Gesprekken' }).waitFor();
    assert.equal(await staff.locator('main a[href*="/gesprekken/"]').count(), 0, 'no conversations yet');
    // Gone after any reload: proves the conversation arrives live.
    await staff.evaluate('window.__sameDocument = true');
  });

  step('the child finds Amsterdam by name and opens "Schrijf de burgemeester"', async () => {
    await child.goto(`${baseUrl}/`);
    await child.getByLabel(nl.t('finder.label')).fill('amsterdam');
    await child.getByRole('button', { name: nl.t('finder.submit') }).click();
    await child.waitForLoadState();
    assert.equal(childPath(), '/gemeente/amsterdam');
    await keep('municipality page');
    await child.getByRole('link', { name: nl.t('municipality.writeLink') }).click();
    assert.equal(childPath(), '/gemeente/amsterdam/schrijf');
    assert.equal(await child.locator('input[name="contact"][value="code"]').isChecked(), true, 'code is the default');
    await keep('write form');
  });

  step('the child writes and gets a code to come back, shown large', async () => {
    await child.locator('textarea[name="message"]').fill(CHILD.message);
    await child.locator('input[name="name"]').fill(CHILD.name);
    await child.locator('select[name="age"]').selectOption('12_15');
    await submitFormWith('textarea[name="message"]');
    await child.locator('#child-code').waitFor();
    code = (await child.locator('#child-code').innerText()).trim();
    assert.match(code, /^[a-z]+(-[a-z]+){3}-\d{2}$/, `four words and two digits: ${code}`);
    assert.ok(!child.url().includes(code), 'the code is not in the URL');
    await keep('confirmation with the code');
  });

  step('the responder sees it appear in the inbox without reloading, opens it and replies', async () => {
    const link = staff.locator('main a[href*="/gesprekken/"]');
    await link.first().waitFor({ timeout: 15_000 });
    assert.equal(await staff.evaluate('window.__sameDocument === true'), true, 'the inbox was not reloaded');
    assert.equal(await link.count(), 1);
    await link.first().click();
    await staff.getByText(CHILD.message).waitFor();
    assert.ok(await staff.getByText(CHILD.name, { exact: true }).first().isVisible(), 'the name is shown');
    await staff.getByLabel('Uw antwoord aan het kind').fill(REPLY);
    await staff.getByRole('button', { name: 'Antwoord versturen' }).click();
    await staff.getByText('Uw antwoord is verstuurd.').waitFor();
    await staff.getByText(REPLY).first().waitFor();
  });

  step('the child enters the code (typed loosely) and reads the reply', async () => {
    await child.goto(`${baseUrl}/gemeente/amsterdam/lees`);
    await keep('read form');
    await child.locator('input[name="code"]').fill(` ${code.toUpperCase().replace(/-/g, ' ')} `);
    await submitFormWith('input[name="code"]');
    await child.getByText(REPLY).waitFor();
    assert.ok(await child.getByText(CHILD.message).isVisible(), 'the child sees their own message');
    assert.equal(childPath(), '/gemeente/amsterdam/lees', 'no code in the URL');
    await keep('conversation');
  });

  step('the child writes back; the responder sees it arrive', async () => {
    await child.locator('textarea[name="message"]').fill(CHILD.again);
    await submitFormWith('textarea[name="message"]');
    await child.getByText(CHILD.again).waitFor();
    assert.ok(await child.getByText(REPLY).isVisible(), 'the reply is still shown');
    await keep('conversation after writing back');
    await staff.getByText(CHILD.again).waitFor({ timeout: 15_000 });
  });

  step('the child deletes the conversation, confirming once more; the code then no longer works', async () => {
    await child.locator('form[action$="/lees/verwijder"] button').first().click();
    await keep('delete: are you sure?');
    assert.equal(await child.getByText(REPLY).count(), 0, 'the confirmation page does not show the conversation');
    await child.locator('form[action$="/lees/verwijder"] button').first().click();
    await keep('deleted');
    const rows = await app.owner.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM conversations');
    assert.equal(rows.rows[0]!.n, 0, 'the conversation is gone from the database');

    await child.goto(`${baseUrl}/gemeente/amsterdam/lees`);
    await child.locator('input[name="code"]').fill(code);
    const answer = child.waitForResponse((response) => response.request().method() === 'POST');
    await submitFormWith('input[name="code"]');
    assert.equal((await answer).status(), 400, 'a deleted conversation’s code is a wrong code');
  });

  step('every page the child saw passes axe-core at 360×640 without sideways scrolling', async () => {
    const context = await newAxeContext(browser, PHONE);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    const problems: string[] = [];
    for (const { name, html } of childPages) {
      await page.setContent(html, { waitUntil: 'load' });
      for (const violation of await axeViolations(page)) problems.push(`${name}: ${violation}`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${name}: ${overflow} px wider than the 360 px screen`);
    }
    assert.ok(childPages.length >= 7, `all child pages kept (${childPages.length})`);
    assert.deepEqual(problems, []);
  });
});
