/**
 * The back office's inbox in Chromium: a responder of GM0363 signs in, sees an empty inbox, and a
 * child's new conversation appears without reloading (server-sent events fed by LISTEN/NOTIFY) and
 * is announced; the conversation page shows the child's text as text, takes a reply and an internal
 * note, keeps what was typed when sending fails, and shows the child's answer live. Both pages pass
 * axe-core (WCAG 2.2 AA) at 1280×800 and at 360×640, without sideways scrolling.
 *
 * The app runs on http://localhost:<port> (its `__Host-` cookies are `Secure`; Chromium accepts them
 * on http only for localhost). The child writes through the service, as the public form does.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, it, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '../../src/db/embedded-server.ts';
import { childReply, startConversation } from '../../src/modules/conversations/child-conversations.service.ts';
import type { ConversationDeps } from '../../src/modules/conversations/conversations.types.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { testClock } from '../helpers/clock.ts';
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
  PHONE,
  SCREENSHOT_DIRECTORY,
} from './browser.ts';

const RESPONDER_NAME = 'Ruben Vangnet';
/** Markup in the child's message must show as typed, never become elements. */
const CHILD_MESSAGE = 'Op school word ik gepest.\nIk durf het niet <b>thuis</b> te zeggen.';
const REPLY = 'Dank je wel dat je ons schrijft. We gaan je helpen.';
const NOTE = 'Morgen overleggen met de schoolmaatschappelijk werker.';
const CHILD_ANSWER = 'Dank jullie, het gaat al iets beter.';

browserSuite('back-office inbox in the browser: live list, reading, reply and note', () => {
  const clock = testClock();
  let app: TestApp;
  let mailbox: TestMailbox;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  let responder: StaffMember;
  let conversation: { id: string; code: string };
  const pageErrors: string[] = [];

  before(async () => {
    await ensureBackOfficeBuilt();
    mailbox = await startTestMailbox();
    const port = await findFreePort();
    baseUrl = `http://localhost:${port}`;
    [app, browser] = await Promise.all([
      startTestApp(databaseTargets()[0]!, {
        clock,
        environment: { PORT: String(port), PUBLIC_BASE_URL: baseUrl, SMTP_URL: mailbox.url },
      }),
      launchBrowser(),
      mkdir(SCREENSHOT_DIRECTORY, { recursive: true }),
    ]);
    const national = await setUpFirstCoordinator(app, clock);
    responder = await addStaff(app, clock, mailbox, national, {
      email: 'ruben.vangnet@amsterdam.example.nl',
      displayName: RESPONDER_NAME,
      municipalityCode: 'GM0363',
      roles: ['responder'],
    });
    context = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await mailbox?.stop();
  });

  // The child writes at real time (not the test clock, which sign-ins moved ahead): the team's
  // replies are stamped with real time too, and the page orders messages by time.
  const deps = (): ConversationDeps => ({
    db: app.server.database.db,
    keyring: app.server.keyring,
    mailer: { send: async () => {}, close: () => {} },
    publicBaseUrl: baseUrl,
    codeExpiryDays: 90,
  });

  /**
   * axe-core finds nothing and the page does not scroll sideways, on a laptop and on a cheap phone
   * (kept as screenshots in test-results/e2e for people to look at).
   */
  async function assertAccessible(name: string) {
    const problems: string[] = [];
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const violation of await axeViolations(page)) problems.push(`${viewport.name}: ${violation}`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${viewport.name}: the page is ${overflow} px wider than the screen`);
      const file = `inbox-${name.replace(/\W+/g, '-')}-${viewport.width}.png`;
      await page.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, file), fullPage: true });
    }
    await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
    assert.deepEqual(problems, [], `${name}: no accessibility or layout problems`);
  }

  /** The timeline's items as text, in order. */
  function timelineTexts(): Promise<string[]> {
    return page.locator('ol.od-timeline > li').allInnerTexts();
  }

  // Each step needs the ones before; after a failure the rest say why they were skipped.
  let failedStep: string | undefined;
  function step(name: string, body: (t: TestContext) => Promise<void>) {
    it(name, async (t) => {
      if (failedStep) return t.skip(`an earlier step failed: ${failedStep}`);
      try {
        await body(t);
      } catch (error) {
        failedStep = name;
        throw error;
      }
    });
  }

  step('a signed-in responder finds "Gesprekken" in the menu and an empty inbox', async () => {
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await page.getByLabel('E-mailadres').fill(responder.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(responder.password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await page.getByLabel('Code van 6 cijfers').fill(nextTotp(responder.totpSecret, clock));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: `Welkom, ${RESPONDER_NAME}` }).waitFor();

    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    assert.deepEqual(await menu.getByRole('link').allInnerTexts(), [
      'Start',
      'Gesprekken',
      'Dossiers',
      'Kind aan de balie',
      'Toolkit',
      'Mijn account',
    ]);
    const streamOpened = page.waitForResponse((response) => response.url().endsWith('/api/v1/conversations/events'));
    await menu.getByRole('link', { name: 'Gesprekken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gesprekken' }).waitFor();
    await page.getByText('Er zijn nog geen gesprekken.').waitFor();
    const stream = await streamOpened;
    assert.equal(stream.status(), 200, 'the live stream is open');
    assert.match((await stream.allHeaders())['content-type'] ?? '', /^text\/event-stream/);
    await assertAccessible('empty inbox');
  });

  step('a child writes: the conversation appears without reloading, and is announced', async () => {
    await page.evaluate('window.notReloaded = true');
    const started = await startConversation(
      deps(),
      'GM0363',
      { message: CHILD_MESSAGE, ageRange: '12_15', contact: { preference: 'code' }, submissionToken: randomUUID() },
      new Date(),
    );
    assert.equal(started.kind, 'started');
    if (started.kind !== 'started') return;
    conversation = { id: started.conversationId, code: started.code };

    const rowSelector = `tr[data-conversation-id="${conversation.id}"]`;
    const row = page.locator(rowSelector);
    await row.waitFor();
    assert.equal(await page.evaluate('window.notReloaded'), true, 'the page was not reloaded');
    await page.getByRole('status').getByText('Nieuw gesprek binnengekomen').waitFor();

    const label = `Gesprek ${conversation.id.slice(0, 8)}`;
    const link = row.getByRole('link', { name: `${label} (ongelezen)` });
    assert.ok(await link.isVisible(), 'the label links to the conversation and says "ongelezen" to screen readers');
    assert.equal(
      await page.evaluate<string>(`getComputedStyle(document.querySelector('${rowSelector} a')).fontWeight`),
      '700',
      'unread is bold',
    );
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(cells[0], 'Nieuw', 'the status as a word');
    assert.match(cells[1] ?? '', /zojuist|geleden/, 'time since the child wrote');
    assert.equal(cells[2], 'Niemand', 'assigned to nobody yet');
    assert.ok(await row.getByText('12 tot 16 jaar').isVisible(), 'the age range');
    assert.ok(!(await page.locator('main').innerText()).includes('gepest'), 'no content in the inbox');
    await page.getByRole('table', { name: /1 gesprek, nieuwe eerst/ }).waitFor();
    await assertAccessible('inbox with a conversation');
  });

  step('opening it shows the message as plain text; a reply and a note are added', async () => {
    await page.getByRole('link', { name: new RegExp(`Gesprek ${conversation.id.slice(0, 8)}`) }).click();
    await page.getByRole('heading', { level: 1, name: `Gesprek ${conversation.id.slice(0, 8)}` }).waitFor();
    const childItem = page.locator('.od-message--child');
    await childItem.waitFor();
    const body = childItem.locator('.od-message__body');
    assert.equal(await body.innerText(), CHILD_MESSAGE, 'shown as typed, line break included');
    assert.equal(await childItem.locator('b').count(), 0, 'markup stays text');
    assert.equal(
      await page.evaluate<string>(
        `getComputedStyle(document.querySelector('.od-message--child .od-message__body')).whiteSpace`,
      ),
      'pre-wrap',
    );

    // Sending nothing is refused on the spot.
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await page.getByText('Schrijf eerst een antwoord.').waitFor();

    await page.getByLabel('Uw antwoord aan het kind').fill(REPLY);
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await page.getByText('Uw antwoord is verstuurd.').waitFor();
    assert.equal(await page.getByLabel('Uw antwoord aan het kind').inputValue(), '', 'the field is empty again');
    const staffItem = page.locator('.od-message--staff');
    assert.equal(await staffItem.locator('.od-message__body').innerText(), REPLY);
    assert.match(await staffItem.innerText(), new RegExp(`${RESPONDER_NAME} \\(gemeente\\)`), 'who replied');
    await page.locator('dl.od-facts').getByText('Wacht op kind').waitFor();

    await page.getByLabel('Notitie voor het team').fill(NOTE);
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByText('De notitie is opgeslagen.').waitFor();
    const note = page.locator('.od-note');
    assert.equal(await note.locator('.od-note__label').innerText(), 'Interne notitie — het kind ziet dit niet');
    assert.equal(await note.locator('.od-message__body').innerText(), NOTE);
    const order = await timelineTexts();
    assert.equal(order.length, 3, 'message, reply, note');
    assert.ok(order[0]!.includes('gepest') && order[1]!.includes(REPLY) && order[2]!.includes(NOTE), 'in order');
    await assertAccessible('conversation');
  });

  step('when sending fails, the error is shown and the typed reply stays', async () => {
    const refusal = { error: { id: 'conversation.closed', message: 'Dit gesprek is gesloten.' } };
    await page.route('**/api/v1/conversations/*/replies', (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify(refusal) }),
    );
    try {
      await page.getByLabel('Uw antwoord aan het kind').fill('Nog een vraag: gaat het goed?');
      await page.getByRole('button', { name: 'Antwoord versturen' }).click();
      await page.getByRole('alert').getByText('Dit gesprek is gesloten.').waitFor();
      assert.equal(await page.getByLabel('Uw antwoord aan het kind').inputValue(), 'Nog een vraag: gaat het goed?');
    } finally {
      await page.unroute('**/api/v1/conversations/*/replies');
    }
  });

  step("the child's answer appears live on the open conversation", async () => {
    await page.evaluate('window.notReloaded = true');
    const replied = await childReply(deps(), 'GM0363', conversation.code, CHILD_ANSWER, randomUUID(), new Date());
    assert.equal(replied.kind, 'sent');
    await page.locator('.od-message--child', { hasText: CHILD_ANSWER }).waitFor();
    assert.equal(await page.evaluate('window.notReloaded'), true, 'the page was not reloaded');
    await page.locator('dl.od-facts').getByText('Open', { exact: true }).waitFor();
  });

  step('assign to oneself, close; the inbox shows it read, assigned and closed', async () => {
    await page.getByLabel('Toewijzen aan').selectOption({ label: RESPONDER_NAME });
    await page.getByRole('button', { name: 'Toewijzen', exact: true }).click();
    await page.getByText(`Het gesprek is toegewezen aan ${RESPONDER_NAME}.`).waitFor();
    await page.getByRole('button', { name: 'Gesprek sluiten' }).click();
    await page.getByText('Het gesprek is gesloten.').waitFor();
    assert.equal(await page.getByLabel('Uw antwoord aan het kind').count(), 0, 'no reply form while closed');
    await page.getByRole('button', { name: 'Gesprek heropenen' }).waitFor();

    await page.getByRole('link', { name: 'Terug naar alle gesprekken' }).click();
    const row = page.locator(`tr[data-conversation-id="${conversation.id}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(cells[0], 'Gesloten');
    assert.equal(cells[2], RESPONDER_NAME);
    assert.equal(await row.getByText('ongelezen').count(), 0, 'read now');

    // The status filter: closed ones only, then the new ones (none).
    await page.getByLabel('Status').selectOption({ label: 'Nieuw' });
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.getByText('Er zijn geen gesprekken met status Nieuw.').waitFor();
    assert.match(page.url(), /\/beheer\/gesprekken\?status=new$/);
    assert.deepEqual(pageErrors, [], 'no script errors');
  });
});
