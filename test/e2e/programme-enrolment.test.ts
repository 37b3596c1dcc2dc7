/**
 * The programme end to end in Chromium, as issue 7's first "done when" asks: a mayor applies on the
 * public site → the confirmation e-mail arrives at a real SMTP server started here → the link shows
 * a button that confirms → the national coordinator records the phone check and approves → the
 * invitation e-mail arrives → the applicant accepts, sets up an authenticator app, fills in the
 * contact routes and completes the readiness checklist → Amsterdam's public page offers "Schrijf de
 * burgemeester". Every page made for this passes axe-core (WCAG 2.2 AA).
 *
 * The app runs with a test clock (TOTP codes are computed for it, no waiting for a new 30 s step) on
 * http://localhost, where Chromium accepts the back office's Secure cookies.
 * The sticker PDF part of the "done when" (H7-print) joins after the last step: Amsterdam is then
 * active, `baseUrl` and the signed-in `coordinator` page are ready for it.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '../../src/db/embedded-server.ts';
import { startAccountsApp, type AccountsApp } from '../helpers/accounts-app.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { decodeQrFromPdf, popplerMissing } from '../helpers/sticker-pdf.ts';
import { nextTotp, setUpFirstCoordinator, type StaffMember } from '../helpers/staff.ts';
import {
  axeViolations,
  browserSuite,
  DESKTOP,
  ensureBackOfficeBuilt,
  launchBrowser,
  newAxeContext,
} from './browser.ts';

const MAYOR = {
  name: 'Femke Halsema-Test',
  email: 'f.halsema@amsterdam.nl',
  phone: '020 552 9111',
  password: 'De deur staat altijd open voor elk kind',
};

browserSuite('programme in the browser: apply, confirm, verify, approve, invite, checklist, active', () => {
  let world: AccountsApp;
  let browser: Browser;
  let baseUrl: string;
  let national: StaffMember;
  let publicPage: Page;
  let nationalPage: Page;
  let coordinator: Page;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    await ensureBackOfficeBuilt();
    const port = await findFreePort();
    baseUrl = `http://localhost:${port}`;
    [world, browser] = await Promise.all([
      startAccountsApp(databaseTargets()[0]!, { PORT: String(port), PUBLIC_BASE_URL: baseUrl }),
      launchBrowser(),
    ]);
    national = await setUpFirstCoordinator(world.app, world.clock, 'noor.landelijk@opendeur.example.nl');
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        pageErrors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }

  async function checkPage(page: Page, name: string) {
    const found = await axeViolations(page);
    problems.push(...found.map((problem) => `${name}: ${problem}`));
  }

  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  let failed: string | undefined;
  function step(name: string, body: () => Promise<void>) {
    it(name, async (t) => {
      if (failed) return t.skip(`an earlier step failed: ${failed}`);
      try {
        await body();
      } catch (error) {
        failed = name;
        throw error;
      }
    });
  }

  step('the mayor applies on the public site; mistakes are listed and what was typed stays', async () => {
    publicPage = await newPage();
    await publicPage.goto(`${baseUrl}/aanmelden`);
    await heading(publicPage, 'Gemeente aanmelden voor opendeur');
    await checkPage(publicPage, 'application form');
    await publicPage.getByLabel('Uw naam').fill(MAYOR.name);
    await publicPage.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await publicPage.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    assert.equal(await publicPage.getByLabel('Uw naam').inputValue(), MAYOR.name);
    await publicPage.getByRole('link', { name: 'Kies uw gemeente' }).waitFor();
    await checkPage(publicPage, 'application form with errors');

    await publicPage.getByLabel('Gemeente', { exact: true }).selectOption('GM0363');
    await publicPage.getByLabel('Burgemeester', { exact: true }).check();
    await publicPage.getByLabel('E-mailadres bij de gemeente').fill(MAYOR.email);
    await publicPage.getByLabel('Telefoonnummer', { exact: true }).fill(MAYOR.phone);
    await publicPage.getByLabel('Namens de gemeente doe ik deze belofte').check();
    await publicPage.getByRole('button', { name: 'Aanmelding versturen' }).click();
    await heading(publicPage, 'Bevestig uw e-mailadres');
    assert.equal(await publicPage.locator('.od-domain-warning').count(), 0, 'amsterdam.nl is the municipality’s own');
    await checkPage(publicPage, 'application sent');
  });

  step('the confirmation e-mail arrives; its link shows a button, and the button confirms', async () => {
    const mail = await world.mailbox.waitForMail(MAYOR.email, 10_000);
    const link = /https?:\/\/\S+\/aanmelden\/bevestig\?token=[\w-]{43}/.exec(mail.text)?.[0];
    assert.ok(link?.startsWith(`${baseUrl}/aanmelden/bevestig?token=`), `a link on PUBLIC_BASE_URL in:\n${mail.text}`);
    assert.ok(link);
    await publicPage.goto(link);
    await heading(publicPage, 'E-mailadres bevestigen');
    await checkPage(publicPage, 'confirm e-mail');
    await publicPage.getByRole('button', { name: 'E-mailadres bevestigen' }).click();
    await heading(publicPage, 'Uw e-mailadres is bevestigd');
    await checkPage(publicPage, 'e-mail confirmed');
  });

  step('the national coordinator records the phone check and approves', async () => {
    nationalPage = await newPage();
    await signIn(nationalPage, national.email, national.password, national.totpSecret);
    await nationalPage.getByRole('link', { name: 'Aanmeldingen' }).first().click();
    await heading(nationalPage, 'Aanmeldingen');
    const card = nationalPage.getByRole('article', { name: `Amsterdam: ${MAYOR.name}` });
    await card.getByText('E-mailadres bevestigd').waitFor();
    await checkPage(nationalPage, 'applications');
    await card.getByLabel('Notitie van de telefonische controle').fill('Gebeld via 14 020, burgemeester bevestigt');
    await card.getByRole('button', { name: 'Controle vastleggen' }).click();
    await nationalPage.getByText('De telefonische controle is vastgelegd.').waitFor();
    await card.getByRole('button', { name: 'Goedkeuren en uitnodigen' }).click();
    await nationalPage.getByText(`${MAYOR.email} is uitgenodigd als coördinator`, { exact: false }).waitFor();
    await checkPage(nationalPage, 'applications after approval');
  });

  step('the invitation arrives; the mayor creates an account with an authenticator app', async () => {
    const mail = await world.mailbox.waitForMail(MAYOR.email, 10_000);
    const link = /https?:\/\/\S+\/beheer\/uitnodiging#token=[\w-]+/.exec(mail.text)?.[0];
    assert.ok(link, `an invitation link in:\n${mail.text}`);
    coordinator = await newPage();
    await coordinator.goto(link);
    await heading(coordinator, 'Uitnodiging aannemen');
    await coordinator.getByLabel('Wachtwoord', { exact: true }).fill(MAYOR.password);
    await coordinator.getByLabel('Herhaal het wachtwoord').fill(MAYOR.password);
    await coordinator.getByRole('button', { name: 'Account aanmaken' }).click();
    await heading(coordinator, 'Tweede stap instellen');
    await coordinator.getByRole('button', { name: 'Instellen met een app' }).click();
    const secret = (await coordinator.locator('code.od-secret').innerText()).replace(/\s/g, '');
    await coordinator.getByLabel('Code van 6 cijfers').fill(nextTotp(secret, world.clock));
    await coordinator.getByRole('button', { name: 'Code bevestigen' }).click();
    await coordinator.getByRole('checkbox', { name: 'Ik heb de codes opgeschreven of veilig bewaard' }).check();
    await coordinator.getByRole('button', { name: 'Verder' }).click();
    await heading(coordinator, `Welkom, ${MAYOR.name}`);
  });

  step('the coordinator fills in the contact routes', async () => {
    await coordinator.getByRole('link', { name: 'Instellingen gemeente' }).first().click();
    await heading(coordinator, 'Instellingen gemeente');
    await coordinator.getByLabel('Bezoekadres').fill('Amstel 1, 1011 PN Amsterdam');
    await coordinator.getByLabel('Openingstijden').fill('Maandag tot en met vrijdag 9–17 uur');
    await coordinator.getByLabel('Telefoonnummer', { exact: true }).fill('14 020');
    await coordinator.getByRole('button', { name: 'Contactroutes opslaan' }).click();
    await coordinator.getByText('De contactroutes zijn opgeslagen.').waitFor();
    // Too pale a colour is refused with its contrast ratio.
    await coordinator.getByLabel('Accentkleur (mag leeg blijven)').fill('#ffcc00');
    await coordinator.getByRole('button', { name: 'Kleur en talen opslaan' }).click();
    await coordinator.getByText(/te weinig contrast met wit \(1[.,]\d\d:1\)/).waitFor();
    await checkPage(coordinator, 'settings (contrast refused)');
    await coordinator.getByLabel('Accentkleur (mag leeg blijven)').fill('#1a5c8a');
    await coordinator.getByRole('button', { name: 'Kleur en talen opslaan' }).click();
    await coordinator.getByText('Kleur en talen zijn opgeslagen.').waitFor();
  });

  step('the coordinator completes the readiness checklist; the municipality becomes active', async () => {
    await coordinator.getByRole('link', { name: 'Gereedheid' }).first().click();
    await heading(coordinator, 'Gereedheid');
    await coordinator.getByText('Amsterdam: 0 van 7 klaar').waitFor();
    // "Het rooster heeft geen gaten" can only be ticked with a covered roster: an agreed fallback covers it.
    await world.app.owner.pool.query(
      "INSERT INTO roster_settings (municipality_code, fallback_agreed) VALUES ('GM0363', 'Veilig Thuis regio Amsterdam')",
    );
    await checkPage(coordinator, 'readiness checklist');
    for (let done = 1; done <= 7; done++) {
      const open = coordinator.getByRole('button', { name: 'Afvinken', exact: true }).first();
      await open.click();
      await coordinator.getByText(`Amsterdam: ${done} van 7 klaar`).waitFor();
    }
    await coordinator.getByText('De gemeente staat open voor kinderen.').waitFor();
    await checkPage(coordinator, 'readiness checklist complete');
  });

  step('Amsterdam’s public page now offers "Schrijf de burgemeester", in its accent colour', async () => {
    for (let attempt = 0; attempt < 30; attempt++) {
      await publicPage.goto(`${baseUrl}/gemeente/amsterdam`);
      if ((await publicPage.getByRole('link', { name: 'Schrijf de burgemeester' }).count()) > 0) break;
      await publicPage.waitForTimeout(100);
    }
    await publicPage.getByRole('link', { name: 'Schrijf de burgemeester' }).waitFor();
    const colour = await publicPage.evaluate<string>(
      `getComputedStyle(document.querySelector('a.utrecht-button-link--primary-action')).backgroundColor`,
    );
    assert.equal(colour, 'rgb(26, 92, 138)', 'the button takes the accent colour');
    await checkPage(publicPage, 'municipality page (active, accent colour)');
  });

  step('the coordinator downloads the sticker; its QR code leads to Amsterdam’s permanent address', async () => {
    await coordinator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Stickers' }).click();
    await heading(coordinator, 'Stickers en posters');
    const href = await coordinator.getByRole('link', { name: 'sticker A6 (PDF, Nederlands)' }).getAttribute('href');
    const download = await coordinator.request.get(new URL(href!, baseUrl).toString());
    assert.equal(download.status(), 200);
    const pdf = await download.body();
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const missing = await popplerMissing();
    if (missing) throw new Error(`cannot decode the QR code: ${missing}`);
    assert.equal(await decodeQrFromPdf(pdf), `${baseUrl}/g/gm0363`);
    const visit = await fetch(await decodeQrFromPdf(pdf), { redirect: 'manual' });
    assert.equal(visit.headers.get('location'), '/gemeente/amsterdam', 'the QR code leads to the municipality page');
  });

  it('every page of the flow is axe-clean (WCAG 2.2 AA) and had no script error or CSP refusal', (t) => {
    if (failed) return t.skip(`the flow stopped: ${failed}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(pageErrors, []);
  });

  /** Signs in through the back office's pages with the password and a code for the app's test clock. */
  async function signIn(page: Page, email: string, password: string, secret: string) {
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await heading(page, 'Aanmelden');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await heading(page, 'Tweede stap');
    await page.getByLabel('Code van 6 cijfers').fill(nextTotp(secret, world.clock));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await heading(page, /^Welkom/);
  }
});
