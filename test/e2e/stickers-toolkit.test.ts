/**
 * The toolkit and the sticker pages of the back office in Chromium: the national coordinator reads,
 * prints (navigation hidden in print) and edits a toolkit page and looks at an older version; a
 * municipal coordinator downloads the sticker (its QR code decodes to /g/{code}) and orders printed
 * ones; the national coordinator approves the order. Every page passes axe-core.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startAccountsApp, type AccountsApp } from '../helpers/accounts-app.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { decodeQrFromPdf, popplerMissing } from '../helpers/sticker-pdf.ts';
import { addStaff, nextTotp, setUpFirstCoordinator, type StaffMember } from '../helpers/staff.ts';
import {
  axeViolations,
  browserSuite,
  DESKTOP,
  ensureBackOfficeBuilt,
  launchBrowser,
  newAxeContext,
} from './browser.ts';

browserSuite('toolkit and stickers in the back office', () => {
  let world: AccountsApp;
  let browser: Browser;
  let national: StaffMember;
  let coordinator: StaffMember;
  let nationalPage: Page;
  let coordinatorPage: Page;
  const problems: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    await ensureBackOfficeBuilt();
    [world, browser] = await Promise.all([startAccountsApp(databaseTargets()[0]!), launchBrowser()]);
    national = await setUpFirstCoordinator(world.app, world.clock, 'landelijk@opendeur.example');
    coordinator = await addStaff(world.app, world.clock, world.mailbox, national, {
      email: 'coordinator@amsterdam.example',
      displayName: 'Kim Coördinator',
      municipalityCode: 'GM0363',
      roles: ['municipal_coordinator'],
    });
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  const baseUrl = () => world.app.baseUrl.replace('127.0.0.1', 'localhost');
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  async function checkPage(page: Page, name: string) {
    problems.push(...(await axeViolations(page)).map((problem) => `${name}: ${problem}`));
  }
  async function signedInPage(member: StaffMember): Promise<Page> {
    const context = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    await page.goto(`${baseUrl()}/beheer/aanmelden`);
    await page.getByLabel('E-mailadres').fill(member.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await page.getByLabel('Code van 6 cijfers').fill(nextTotp(member.totpSecret, world.clock));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await heading(page, /^Welkom/);
    return page;
  }

  it('the national coordinator reads, prints and edits a toolkit page, and finds the old version', async () => {
    nationalPage = await signedInPage(national);
    const menu = nationalPage.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Toolkit' }).click();
    await heading(nationalPage, 'Toolkit');
    await checkPage(nationalPage, 'toolkit list');
    await nationalPage.getByRole('link', { name: /^Baliekaart/ }).click();
    await heading(nationalPage, 'Baliekaart: er staat een kind aan de balie');
    await nationalPage.getByText('0800-2000').first().waitFor();
    await checkPage(nationalPage, 'toolkit page');

    await nationalPage.emulateMedia({ media: 'print' });
    assert.equal(await menu.isVisible(), false, 'no navigation on paper');
    assert.equal(await nationalPage.getByRole('button', { name: 'Afdrukken' }).isVisible(), false);
    assert.ok(await nationalPage.getByRole('heading', { level: 2 }).first().isVisible(), 'the text is printed');
    await nationalPage.emulateMedia({ media: 'screen' });
    await nationalPage.evaluate('window.print = () => { window.__printed = true; }');
    await nationalPage.getByRole('button', { name: 'Afdrukken' }).click();
    assert.equal(await nationalPage.evaluate('window.__printed'), true);

    await nationalPage.getByRole('link', { name: 'Bewerken' }).click();
    await heading(nationalPage, 'Baliekaart: er staat een kind aan de balie bewerken');
    await checkPage(nationalPage, 'toolkit edit');
    await nationalPage.getByLabel('Titel').fill('Baliekaart');
    await nationalPage.getByRole('button', { name: 'Opslaan als nieuwe versie' }).click();
    await heading(nationalPage, 'Baliekaart');
    await nationalPage
      .getByText(/^Versie 2, .* door Landelijk Coördinator$/)
      .first()
      .waitFor();
    await nationalPage.getByRole('link', { name: /^Versie 1, .* door opendeur$/ }).click();
    await heading(nationalPage, 'Baliekaart: er staat een kind aan de balie');
    await nationalPage.getByText('U kijkt naar een oudere versie. De huidige versie is 2.').waitFor();
    await checkPage(nationalPage, 'toolkit old version');
  });

  it('a municipal coordinator downloads the sticker and orders printed ones; the national coordinator approves', async () => {
    coordinatorPage = await signedInPage(coordinator);
    await coordinatorPage
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Stickers' })
      .click();
    await heading(coordinatorPage, 'Stickers en posters');
    await checkPage(coordinatorPage, 'stickers (coordinator)');

    const href = await coordinatorPage.getByRole('link', { name: 'sticker A6 (PDF, Nederlands)' }).getAttribute('href');
    const download = await coordinatorPage.request.get(new URL(href!, baseUrl()).toString());
    assert.equal(download.status(), 200);
    const pdf = await download.body();
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    if (!(await popplerMissing())) {
      assert.match(await decodeQrFromPdf(pdf), /\/g\/gm0363$/);
    }

    await coordinatorPage.getByLabel('Afleveradres').fill('Amstel 1, 1011 PN Amsterdam');
    await coordinatorPage.getByLabel('Contactpersoon', { exact: true }).fill('Kim Coördinator');
    await coordinatorPage.getByLabel('E-mailadres contactpersoon').fill('kim@amsterdam.example');
    await coordinatorPage.getByLabel('Aantal stickers').fill('0');
    await coordinatorPage.getByLabel('Aantal posters').fill('0');
    await coordinatorPage.getByRole('button', { name: 'Bestellen' }).click();
    await coordinatorPage
      .getByText(/Bestel minstens 1 sticker of 1 poster/)
      .first()
      .waitFor();
    assert.equal(await coordinatorPage.getByLabel('Afleveradres').inputValue(), 'Amstel 1, 1011 PN Amsterdam');
    await checkPage(coordinatorPage, 'order form with an error');
    await coordinatorPage.getByLabel('Aantal stickers').fill('20');
    await coordinatorPage.getByRole('button', { name: 'Bestellen' }).click();
    await coordinatorPage.getByText('Uw bestelling is ontvangen. Hieronder ziet u de status.').waitFor();
    await coordinatorPage.getByRole('cell', { name: /aangevraagd/ }).waitFor();

    await nationalPage.goto(`${baseUrl()}/beheer/stickers`);
    await heading(nationalPage, 'Stickers en posters');
    await nationalPage.getByRole('cell', { name: 'Amsterdam', exact: true }).first().waitFor();
    await checkPage(nationalPage, 'stickers (national)');
    await nationalPage.getByRole('button', { name: 'Goedkeuren' }).click();
    await nationalPage.getByRole('cell', { name: /goedgekeurd/ }).waitFor();

    await coordinatorPage.reload();
    await coordinatorPage.getByRole('cell', { name: /goedgekeurd/ }).waitFor();
    assert.deepEqual(problems, []);
    assert.deepEqual(pageErrors, []);
  });
});
