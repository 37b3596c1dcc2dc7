/**
 * The roster page of the back office in Chromium: a municipal coordinator adds a shift to the weekly
 * pattern and sees the uncovered hours of the next 14 days shrink, adds leave with a replacement and
 * sets the escalation chain (kept after a reload). Once the municipality is active, a change that leaves
 * gaps is refused with the periods named, and goes through with a written reason. axe-core finds
 * nothing at desktop and 360×640.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startAccountsApp, type AccountsApp } from '../helpers/accounts-app.ts';
import { databaseTargets } from '../helpers/databases.ts';
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
} from './browser.ts';

/** The Amsterdam date `days` from `from`, as YYYY-MM-DD. */
function amsterdamDate(from: Date, days: number): string {
  const day = new Date(from.getTime() + days * 24 * 60 * 60_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short' }).format(day);
}

browserSuite('the roster in the back office', () => {
  let world: AccountsApp;
  let browser: Browser;
  let coordinator: StaffMember;
  const problems: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    await ensureBackOfficeBuilt();
    [world, browser] = await Promise.all([startAccountsApp(databaseTargets()[0]!), launchBrowser()]);
    const national = await setUpFirstCoordinator(world.app, world.clock, 'landelijk@opendeur.example');
    coordinator = await addStaff(world.app, world.clock, world.mailbox, national, {
      email: 'coordinator@amsterdam.example',
      displayName: 'Kim Coördinator',
      municipalityCode: 'GM0363',
      roles: ['municipal_coordinator'],
    });
    await addStaff(world.app, world.clock, world.mailbox, coordinator, {
      email: 'sam@amsterdam.example',
      displayName: 'Sam Beantwoorder',
      municipalityCode: 'GM0363',
      roles: ['responder'],
    });
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  const baseUrl = () => world.app.baseUrl.replace('127.0.0.1', 'localhost');
  async function checkPage(page: Page, name: string) {
    problems.push(...(await axeViolations(page)).map((problem) => `${name}: ${problem}`));
  }
  async function uncoveredHours(page: Page): Promise<number> {
    const text = await page.getByTestId('coverage-summary').innerText();
    const match = /([\d.]+) uur/.exec(text);
    return match ? Number(match[1]) : 0;
  }

  it('a municipal coordinator adds a shift, leave and the escalation chain', async () => {
    const context = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    await page.goto(`${baseUrl()}/beheer/aanmelden`);
    await page.getByLabel('E-mailadres').fill(coordinator.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(coordinator.password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await page.getByLabel('Code van 6 cijfers').fill(nextTotp(coordinator.totpSecret, world.clock));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom/ }).waitFor();

    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rooster' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rooster' }).waitFor();
    await page.getByText('Er staan nog geen diensten in het weekpatroon.').waitFor();
    const before = await uncoveredHours(page);
    assert.ok(before > 300, `the whole fortnight is a gap at first (${before} hours)`);
    await checkPage(page, 'roster (empty)');

    await page.getByLabel('Dag', { exact: true }).selectOption({ label: 'woensdag' });
    await page.getByLabel('Van', { exact: true }).fill('08:00');
    await page.getByLabel('Tot', { exact: true }).fill('20:00');
    await page.getByLabel('Persoon', { exact: true }).selectOption({ label: 'Sam Beantwoorder' });
    await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
    await page.getByRole('cell', { name: 'Sam Beantwoorder', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Weekpatroon opslaan' }).click();
    await page.getByText('Het weekpatroon is opgeslagen.').waitFor();
    // The page reloads the roster after saving; wait until the summary no longer shows the old hours.
    await page
      .getByTestId('coverage-summary')
      .filter({ hasNotText: ` ${before} uur` })
      .waitFor();
    assert.equal(before - (await uncoveredHours(page)), 24, 'two Wednesdays of 12 hours are covered now');

    const day = amsterdamDate(world.clock(), 3);
    await page.getByLabel('Van (datum en tijd)').fill(`${day}T10:00`);
    await page.getByLabel('Tot (datum en tijd)').fill(`${day}T12:00`);
    await page.getByLabel('Wie is er niet').selectOption({ label: 'Sam Beantwoorder' });
    await page.getByLabel('Wie neemt het over').selectOption({ label: 'Kim Coördinator' });
    await page.getByLabel('Reden (niet verplicht)').fill('Tandarts');
    await page.getByRole('button', { name: 'Uitzondering toevoegen' }).click();
    await page
      .getByText(`Sam Beantwoorder afwezig van ${day} 10:00 tot ${day} 12:00, Kim Coördinator neemt over`)
      .waitFor();

    await page.getByLabel('Persoon toevoegen').selectOption({ label: 'Sam Beantwoorder' });
    await page.getByRole('button', { name: 'Toevoegen aan de keten' }).click();
    await page.getByLabel('Persoon toevoegen').selectOption({ label: 'Kim Coördinator' });
    await page.getByRole('button', { name: 'Toevoegen aan de keten' }).click();
    await page.getByRole('button', { name: 'Kim Coördinator omhoog' }).click();
    await page.getByRole('button', { name: 'Escalatieketen opslaan' }).click();
    await page.getByText('De escalatieketen is opgeslagen.').waitFor();
    await checkPage(page, 'roster (filled in)');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rooster' }).waitFor();
    const chain = page.getByRole('list', { name: 'Escalatieketen' }).getByRole('listitem');
    await chain.first().waitFor();
    assert.deepEqual(
      (await chain.allInnerTexts()).map((text) => text.split('\n')[0]!.trim()),
      ['Kim Coördinator', 'Sam Beantwoorder'],
    );
    await page.getByRole('cell', { name: 'woensdag' }).waitFor();
    await page.getByText(/Sam Beantwoorder afwezig van/).waitFor();

    await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
    assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling at 360×640');
    await checkPage(page, 'roster (phone)');
    await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });

    // Once the municipality is active, a change that leaves gaps needs a written reason.
    await world.app.owner.pool.query("UPDATE municipalities SET participation = 'active' WHERE code = 'GM0363'");
    await page.getByRole('button', { name: 'Dienst op woensdag vanaf 08:00 van Sam Beantwoorder verwijderen' }).click();
    await page.getByRole('button', { name: 'Weekpatroon opslaan' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'De gemeente is actief, maar na deze wijziging' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Onbezet: \d{4}-\d\d-\d\d \d\d:\d\d–/, 'the periods are named');
    await checkPage(page, 'roster (change refused)');
    await page
      .getByLabel('Reden om de gemeente toch actief te houden')
      .fill('Afgesproken met de burgemeester: tijdelijk geen vaste dienst');
    await page.getByRole('button', { name: 'Weekpatroon opslaan' }).click();
    await page.getByText('Het weekpatroon is opgeslagen.').waitFor();
    await page
      .getByText('Reden om toch actief te zijn: Afgesproken met de burgemeester: tijdelijk geen vaste dienst')
      .waitFor();
    assert.equal(await page.getByLabel('Reden om de gemeente toch actief te houden').count(), 0, 'the question closes');
    await context.close();
    assert.deepEqual(problems, []);
    assert.deepEqual(pageErrors, []);
  });
});
