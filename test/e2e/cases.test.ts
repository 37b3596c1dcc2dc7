/**
 * The back office's cases in Chromium: a responder of GM0363 finds "Dossiers" in the menu, starts a
 * case for a child on the phone, adds a note to its timeline, and finds the case in "Mijn dossiers".
 * A colleague's case shows "Geen toegang" under "Alle dossiers" and leads to the break-the-glass form
 * (with its warning), not to the content. "Dossier openen" on a child's conversation opens its case.
 * The list, the case page and the break-the-glass form pass
 * axe-core (WCAG 2.2 AA) at 1280×800 and 768×1024, without sideways scrolling.
 *
 * The app runs on http://localhost:<port> (its `__Host-` cookies are `Secure`; Chromium accepts them
 * on http only for localhost).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, it, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '../../src/db/embedded-server.ts';
import { startConversation } from '../../src/modules/conversations/child-conversations.service.ts';
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
  SCREENSHOT_DIRECTORY,
  TABLET,
} from './browser.ts';

const RESPONDER_NAME = 'Ruben Vangnet';
const SUMMARY = 'Meisje belt over ruzie thuis; wil niet naar huis.';
/** Markup in a note must show as typed, never become elements. */
const NOTE = 'Teruggebeld: ze is bij een <b>vriendin</b>.\nMorgen weer bellen.';

browserSuite('back-office cases in the browser: list, new case, note, no access', () => {
  const clock = testClock();
  let app: TestApp;
  let mailbox: TestMailbox;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  let responder: StaffMember;
  let colleague: StaffMember;
  let caseId: string;
  let colleagueCaseId: string;
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
    colleague = await addStaff(app, clock, mailbox, national, {
      email: 'carla.collega@amsterdam.example.nl',
      displayName: 'Carla Collega',
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

  /** axe-core finds nothing and the page does not scroll sideways, on a laptop and on a tablet. */
  async function assertAccessible(name: string) {
    const problems: string[] = [];
    for (const viewport of [DESKTOP, TABLET]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const violation of await axeViolations(page)) problems.push(`${viewport.name}: ${violation}`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${viewport.name}: the page is ${overflow} px wider than the screen`);
      const file = `cases-${name.replace(/\W+/g, '-')}-${viewport.width}.png`;
      await page.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, file), fullPage: true });
    }
    await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
    assert.deepEqual(problems, [], `${name}: no accessibility or layout problems`);
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

  step('a signed-in responder finds "Dossiers" in the menu and no cases yet', async () => {
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await page.getByLabel('E-mailadres').fill(responder.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(responder.password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await page.getByLabel('Code van 6 cijfers').fill(nextTotp(responder.totpSecret, clock));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: `Welkom, ${RESPONDER_NAME}` }).waitFor();

    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    await page.getByText('U heeft nog geen dossiers.').waitFor();
    await assertAccessible('empty list');
  });

  step('"Nieuw dossier" for a child on the phone opens the new case', async () => {
    await page.getByRole('button', { name: 'Nieuw dossier' }).click();
    await page.getByRole('heading', { level: 2, name: 'Nieuw dossier' }).waitFor();
    await page.getByLabel('Telefoon').check();
    await page.getByLabel('Korte samenvatting (niet verplicht)').fill(SUMMARY);
    await page.getByRole('button', { name: 'Dossier aanmaken' }).click();

    await page.waitForURL(/\/beheer\/dossiers\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: `Dossier ${caseId.slice(0, 8)}` }).waitFor();
    const facts = page.locator('dl.od-facts');
    await facts.getByText('Nieuw', { exact: true }).waitFor();
    await facts.getByText('Telefoon', { exact: true }).waitFor();
    await facts.getByText('U bent behandelaar').waitFor();
    assert.equal(await page.getByLabel('Samenvatting', { exact: true }).inputValue(), SUMMARY);
    await page.locator('.od-case-event--created').waitFor();
    const behandelaars = page.getByRole('group', { name: 'Behandelaars' });
    await behandelaars.getByText(RESPONDER_NAME).waitFor();
  });

  step('a note is refused empty, then added to the timeline as plain text', async () => {
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).first().click();
    await page.getByText('Schrijf eerst wat u wilt vastleggen.').waitFor();
    assert.equal(
      await page.evaluate('document.activeElement?.tagName'),
      'TEXTAREA',
      'focus goes to the field in error',
    );

    clock.minutes(5); // the app's clock: the note comes after the case was made
    await page.getByLabel('Tekst van de notitie').fill(NOTE);
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).first().click();
    await page.getByRole('status').getByText('De notitie staat op de tijdlijn.').waitFor();
    const note = page.locator('.od-case-event--note');
    assert.equal(await note.locator('.od-message__body').innerText(), NOTE, 'shown as typed');
    assert.equal(await note.locator('b').count(), 0, 'markup stays text');
    assert.match(await note.innerText(), new RegExp(RESPONDER_NAME), 'who wrote it');
    assert.equal(await page.getByLabel('Tekst van de notitie').inputValue(), '', 'the field is empty again');
    const kinds = await page.locator('ol.od-case-timeline > li .od-case-event__kind').allInnerTexts();
    assert.deepEqual(kinds.slice(-1), ['Notitie'], 'the note is the latest entry');

    // The Meldcode starts at step 1 with its guidance; the sections load without errors.
    await page.getByText('Nu aan de beurt: stap 1.').waitFor();
    await page.getByRole('button', { name: /Stap 1: Signalen in kaart brengen/ }).waitFor();
    await page.getByText('Er zijn nog geen verwijzingen.').waitFor();
    await page.getByText('Er zijn nog geen taken.').waitFor();
    assert.equal(await page.locator('main [role="alert"]').count(), 0, 'no section failed to load');
    await assertAccessible('case page');
  });

  step('"Mijn dossiers" lists the case with its status, origin and assignee', async () => {
    await page.getByRole('link', { name: 'Terug naar de dossiers' }).click();
    const row = page.locator(`tr[data-case-id="${caseId}"]`);
    await row.waitFor();
    const cells = await row.locator('td').allInnerTexts();
    assert.match(cells[0] ?? '', /^Nieuw/, 'the status as a word');
    assert.equal(cells[3], RESPONDER_NAME, 'the assignee');
    await row.getByText('Telefoon').waitFor();
    assert.ok(!(await page.locator('main').innerText()).includes('vriendin'), 'no content in the list');
    await page.getByRole('table', { name: /1 dossier die u kunt openen/ }).waitFor();
    await assertAccessible('list with a case');
  });

  step(
    'a colleague\'s case shows "Geen toegang" under "Alle dossiers" and leads to the break-the-glass form',
    async () => {
      const created = await colleague.client.post<{ id: string }>('/api/v1/cases', { origin: 'walk_in' });
      assert.equal(created.status, 201, created.text);
      colleagueCaseId = created.body.id;

      await page.getByLabel('Welke dossiers').selectOption({ label: 'Alle dossiers' });
      await page.getByRole('button', { name: 'Tonen' }).click();
      assert.match(page.url(), /\/beheer\/dossiers\?weergave=alle$/);
      const row = page.locator(`tr[data-case-id="${colleagueCaseId}"]`);
      await row.getByText('Geen toegang').waitFor();
      await page.locator(`tr[data-case-id="${caseId}"]`).waitFor();

      await row.getByRole('link', { name: `Dossier ${colleagueCaseId.slice(0, 8)}` }).click();
      await page.getByRole('heading', { level: 2, name: 'U heeft geen toegang tot dit dossier' }).waitFor();
      await page.getByText('De coördinator krijgt direct bericht.', { exact: false }).waitFor();
      await page.getByLabel('Waarom opent u dit dossier?').waitFor();
      assert.equal(await page.locator('.od-case-timeline').count(), 0, 'nothing of the case is shown');
      await assertAccessible('break the glass');
    },
  );

  step('"Dossier openen" on a conversation makes its case and opens it', async () => {
    const started = await startConversation(
      {
        db: app.server.database.db,
        keyring: app.server.keyring,
        mailer: { send: async () => {}, close: () => {} },
        publicBaseUrl: baseUrl,
        codeExpiryDays: 90,
      },
      'GM0363',
      {
        message: 'Ik wil niet meer naar huis.',
        ageRange: '12_15',
        contact: { preference: 'code' },
        submissionToken: randomUUID(),
      },
      new Date(),
    );
    assert.equal(started.kind, 'started');
    if (started.kind !== 'started') return;
    await page.goto(`${baseUrl}/beheer/gesprekken/${started.conversationId}`);
    await page.getByRole('button', { name: 'Dossier openen' }).click();
    await page.waitForURL(/\/beheer\/dossiers\/[0-9a-f-]{36}$/);
    const facts = page.locator('dl.od-facts');
    await facts.getByText('Gesprek via de website').waitFor();
    await facts.getByRole('link', { name: `naar gesprek ${started.conversationId.slice(0, 8)}` }).waitFor();
    await page.locator('.od-case-event--child').getByText('Ik wil niet meer naar huis.').waitFor();
    assert.deepEqual(pageErrors, [], 'no script errors');
  });
});
