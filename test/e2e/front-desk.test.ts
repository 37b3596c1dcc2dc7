/**
 * "Kind aan de balie" in Chromium: a front-desk employee of GM0363 signs in, reads what to do now,
 * registers a walk-in in two fields; the responder on duty gets the alert e-mail (a real SMTP server
 * started here) and acknowledges with one click from its link (audited). The page passes axe-core (WCAG 2.2
 * AA) on a desk PC and a tablet without sideways scrolling. Without a roster, the municipality's
 * responders are the ones on duty.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '../../src/db/embedded-server.ts';
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
  TABLET,
} from './browser.ts';

browserSuite('front desk in the browser: walk-in → alert e-mail → one-click acknowledgement', () => {
  const clock = testClock();
  let app: TestApp;
  let mailbox: TestMailbox;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  let desk: StaffMember;
  let responder: StaffMember;
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
    ]);
    const national = await setUpFirstCoordinator(app, clock);
    desk = await addStaff(app, clock, mailbox, national, {
      email: 'balie@amsterdam.example.nl',
      displayName: 'Bea Balie',
      municipalityCode: 'GM0363',
      roles: ['front_desk'],
    });
    responder = await addStaff(app, clock, mailbox, national, {
      email: 'dienst@amsterdam.example.nl',
      displayName: 'Dirk Dienst',
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

  it('registers a walk-in, and the responder acknowledges from the e-mail link', async () => {
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await page.getByLabel('E-mailadres').fill(desk.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(desk.password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await page.getByLabel('Code van 6 cijfers').fill(nextTotp(desk.totpSecret, clock));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('link', { name: 'Kind aan de balie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kind aan de balie' }).waitFor();
    await page.getByText('Acuut gevaar? Bel 112.').waitFor();
    await page.getByText('Dirk Dienst').waitFor();
    for (const viewport of [DESKTOP, TABLET]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      assert.deepEqual(await axeViolations(page), [], `axe at ${viewport.name}`);
      assert.equal(await horizontalOverflow(page), 0, `no sideways scrolling at ${viewport.name}`);
    }

    await page.getByLabel('Aan de balie').check();
    await page.getByLabel('Korte notitie (geen naam)').fill('jongen ~12 jaar aan de balie');
    await page.getByRole('button', { name: 'Kind melden' }).click();
    await page.getByText('Gemeld. Wie dienst heeft, krijgt nu bericht.').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe after registering');

    const mail = await mailbox.waitForMail(responder.email, 10_000);
    assert.equal(mail.subject, 'Een kind zoekt contact met gemeente Amsterdam');
    const link = /(http\S+\/alerts\/bevestig\?token=[\w-]+)/.exec(mail.text)?.[1];
    assert.ok(link && link.startsWith(`${baseUrl}/alerts/bevestig`), mail.text);

    const responderPage = await context.newPage();
    await responderPage.goto(link);
    await responderPage.getByRole('button', { name: 'Ik pak het op' }).click();
    await responderPage.getByRole('heading', { level: 1, name: 'Bevestigd: u pakt het op' }).waitFor();
    const { rows } = await app.owner.pool.query<{ acknowledged_by: string }>('SELECT acknowledged_by FROM alerts');
    assert.deepEqual(
      rows.map((row) => row.acknowledged_by),
      [responder.userId],
    );
    const { rows: audited } = await app.owner.pool.query<{
      actor_user_id: string;
      actor_role: string;
      details: object;
    }>("SELECT actor_user_id, actor_role, details FROM audit_log WHERE action = 'alert.acknowledged'");
    assert.deepEqual(
      audited,
      [{ actor_user_id: responder.userId, actor_role: 'responder', details: { via: 'email_link', step: 0 } }],
      'audited, with the person the link was sent to',
    );
    assert.deepEqual(pageErrors, []);
  });
});
