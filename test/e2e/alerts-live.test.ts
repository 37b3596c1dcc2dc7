/**
 * Live alerts in Chromium: a responder of GM0363 has allowed browser notifications. A walk-in raised
 * at the front desk reaches their back office at once through the alert stream (server-sent events
 * fed by LISTEN/NOTIFY, no polling): on any page a sound plays (Web Audio) and a notification is
 * shown; on the inbox the alert is listed, picked up with one click (audited), and one a colleague
 * picks up elsewhere disappears by itself. The sound and the notification are observed through an
 * init script that records the Notification constructor and the oscillators' start.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '../../src/db/embedded-server.ts';
import type { Actor } from '../../src/modules/accounts/actor.ts';
import { acknowledgeById } from '../../src/modules/alerts/alert-acknowledgement.service.ts';
import { raiseAlert } from '../../src/modules/alerts/alerts.service.ts';
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
} from './browser.ts';

/** Records what the page asks the browser to show and play, before the page's own scripts run. */
const RECORDER = `(() => {
  const signals = (window.__alertSignals = { notifications: [], tones: [] });
  const Native = window.Notification;
  function Recording(title, options) {
    signals.notifications.push({ title, tag: options && options.tag });
    return new Native(title, options);
  }
  Object.defineProperty(Recording, 'permission', { get: () => Native.permission });
  Recording.requestPermission = (...args) => Native.requestPermission(...args);
  Recording.prototype = Native.prototype;
  window.Notification = Recording;
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    signals.tones.push(this.context.state);
    return start.apply(this, args);
  };
})();`;

interface Signals {
  notifications: Array<{ title: string; tag?: string }>;
  tones: string[];
}

browserSuite('live alerts in the back office: at once, with a sound and a browser notification', () => {
  const clock = testClock();
  let app: TestApp;
  let mailbox: TestMailbox;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
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
    responder = await addStaff(app, clock, mailbox, national, {
      email: 'dienst@amsterdam.example.nl',
      displayName: 'Dirk Dienst',
      municipalityCode: 'GM0363',
      roles: ['responder'],
    });
    context = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    await context.grantPermissions(['notifications'], { origin: baseUrl });
    await context.addInitScript({ content: RECORDER });
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await mailbox?.stop();
  });

  // The front desk raises it through the service, as its route does; at real time, like the page's clock.
  const raiseWalkIn = async () => {
    const deps = {
      db: app.server.database.db,
      mailer: { send: async () => {}, close: () => {} },
      publicBaseUrl: baseUrl,
      log: () => {},
    };
    const id = await raiseAlert(deps, 'GM0363', 'walk_in', null, new Date());
    assert.ok(id);
    return id;
  };
  const signals = () => page.evaluate<Signals>('window.__alertSignals');

  it('tells the responder at once, on any page, and lists, picks up and drops alerts live', async () => {
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await page.getByLabel('E-mailadres').fill(responder.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(responder.password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    const streamOpened = page.waitForResponse((response) => response.url().endsWith('/api/v1/alerts/events'));
    await page.getByLabel('Code van 6 cijfers').fill(nextTotp(responder.totpSecret, clock));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welkom, Dirk Dienst' }).waitFor();
    const stream = await streamOpened;
    assert.equal(stream.status(), 200, 'the alert stream is open on the start page');
    assert.equal(await page.evaluate('Notification.permission'), 'granted');

    // On the start page: the sound, the notification and a notice with the way to the open alerts.
    await page.evaluate('window.notReloaded = true');
    await raiseWalkIn();
    await page.getByRole('status').getByText('Nieuwe melding: een kind zoekt contact.').waitFor({ timeout: 3000 });
    const first = await signals();
    assert.deepEqual(first.notifications, [
      { title: 'Nieuwe melding: een kind zoekt contact.', tag: 'opendeur-alert' },
    ]);
    assert.equal(first.tones.length, 2, 'a two-tone sound was played');
    assert.ok(
      first.tones.every((state) => state === 'running'),
      `the audio runs (signing in was a user gesture): ${first.tones.join(', ')}`,
    );
    assert.equal(await page.evaluate('window.notReloaded'), true, 'the page was not reloaded');
    assert.deepEqual(await axeViolations(page), [], 'axe with the notice');

    await page.getByRole('link', { name: 'Naar de open meldingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gesprekken' }).waitFor();
    const items = page.locator('.od-open-alerts li');
    await items.first().waitFor();
    assert.equal(await items.count(), 1);

    // On the inbox, a second alert appears in the list at once: no polling, the stream.
    const polled: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/alerts')) polled.push(new Date().toISOString());
    });
    const second = await raiseWalkIn();
    await page.locator(`.od-open-alerts li[data-alert-id="${second}"]`).waitFor({ timeout: 3000 });
    assert.equal(polled.length, 1, 'the list was read once, after the event');
    assert.equal((await signals()).notifications.length, 2);
    assert.deepEqual(await axeViolations(page), [], 'axe with two open alerts');
    assert.equal(await horizontalOverflow(page), 0);

    // Picked up here: gone, and audited with who clicked.
    await page
      .locator(`.od-open-alerts li[data-alert-id="${second}"]`)
      .getByRole('button', { name: 'Ik pak het op' })
      .click();
    await page.locator(`.od-open-alerts li[data-alert-id="${second}"]`).waitFor({ state: 'detached' });
    const { rows } = await app.owner.pool.query<{ actor_user_id: string; details: object }>(
      "SELECT actor_user_id, details FROM audit_log WHERE action = 'alert.acknowledged' AND object_id = $1",
      [second],
    );
    assert.deepEqual(rows, [{ actor_user_id: responder.userId, details: { via: 'back_office', step: 0 } }]);

    // Picked up by a colleague elsewhere: it leaves this list by itself.
    const firstAlert = await page.locator('.od-open-alerts li').first().getAttribute('data-alert-id');
    const colleague = { userId: responder.userId, roles: ['responder'] } as unknown as Actor;
    assert.equal(
      await acknowledgeById({ db: app.server.database.db }, colleague, 'GM0363', firstAlert!, new Date()),
      true,
    );
    await page.getByText('Geen open meldingen.').waitFor({ timeout: 3000 });
    assert.deepEqual(pageErrors, [], 'no script errors');
  });
});
