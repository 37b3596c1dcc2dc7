/**
 * The receiving party's referral link in Chromium on a cheap phone (360×640): the page, confirming,
 * a refused and an accepted feedback, and an unknown link — each with zero axe-core violations
 * (WCAG 2.2 AA), no sideways scrolling and no cookies.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Actor } from '../../src/modules/accounts/actor.ts';
import { createMailer } from '../../src/modules/mail/mailer.ts';
import { createReferral, sendReferral } from '../../src/modules/referrals/referrals.service.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { testClock } from '../helpers/clock.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { insertTestCase } from '../helpers/referral-case.ts';
import { axeViolations, browserSuite, horizontalOverflow, launchBrowser, newAxeContext, PHONE } from './browser.ts';

browserSuite('the referral link in the browser: accessible on a phone', () => {
  let app: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let link: string;
  const clock = testClock();
  const problems: string[] = [];

  before(async () => {
    [app, browser] = await Promise.all([startTestApp(databaseTargets()[0]!, { clock }), launchBrowser()]);
    const [user] = (
      await app.owner.pool.query<{ id: string }>(
        `INSERT INTO staff_users (municipality_code, email, display_name, password_hash, locale, active)
         VALUES ('GM0363', 'hulp@amsterdam.example', 'Hulpverlener', 'argon2id-hash', 'nl', true) RETURNING id`,
      )
    ).rows;
    await app.owner.pool.query(
      `INSERT INTO staff_roles (user_id, municipality_code, role) VALUES ($1, 'GM0363', 'responder')`,
      [user!.id],
    );
    const actor: Actor = {
      userId: user!.id,
      email: 'hulp@amsterdam.example',
      displayName: 'Hulpverlener',
      municipalityCode: 'GM0363',
      roles: ['responder'],
      locale: 'nl',
      session: { tokenHash: 'x', stage: 'full', csrfToken: 'x', expiresAt: new Date(Date.now() + 3_600_000) },
    };
    const deps = {
      db: app.server.database.db,
      keyring: app.server.keyring,
      mailer: createMailer({ from: 'opendeur@example.org', log: () => {} }),
      publicBaseUrl: app.baseUrl,
      clock,
    };
    const caseId = await insertTestCase(deps.db, deps.keyring, {
      municipalityCode: 'GM0363',
      assigneeUserId: user!.id,
      now: clock(),
    });
    const prepared = await createReferral(deps, actor, caseId, { kind: 'veilig_thuis_advice' });
    link = (await sendReferral(deps, actor, caseId, prepared.id, {})).link;
    context = await newAxeContext(browser, PHONE);
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  async function check(name: string, status: number, response: { status(): number } | null) {
    assert.equal(response?.status(), status, name);
    problems.push(...(await axeViolations(page)).map((problem) => `${name}: ${problem}`));
    assert.equal(await horizontalOverflow(page), 0, `${name}: no sideways scrolling`);
  }

  it('shows the referral, confirms it and takes feedback, with zero violations', async () => {
    await check('link page', 200, await page.goto(link));
    assert.match(await page.locator('main').innerText(), /Gemeente Amsterdam heeft een kind naar u doorverwezen/);

    const confirming = page.waitForNavigation();
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await check('confirmed', 200, await confirming);
    assert.match(await page.getByRole('status').innerText(), /hebt ontvangen/);

    const typed = 'x'.repeat(1000);
    await page.getByLabel('Wat hebt u gedaan of wat gaat u doen?').fill(' ');
    const refusing = page.waitForNavigation();
    await page.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await check('feedback refused', 400, await refusing);
    assert.match(await page.getByRole('alert').innerText(), /Schrijf eerst uw terugkoppeling/);

    await page.getByLabel('Wat hebt u gedaan of wat gaat u doen?').fill(typed);
    const sending = page.waitForNavigation();
    await page.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await check('feedback sent', 200, await sending);
    assert.match(await page.getByRole('status').innerText(), /terugkoppeling ontvangen/);
    assert.deepEqual(await context.cookies(), [], 'no cookies');
  });

  it('explains an unknown link, with zero violations', async () => {
    await check('unknown link', 404, await page.goto(`${app.baseUrl}/verwijzing?token=${'x'.repeat(43)}`));
    assert.deepEqual(problems, [], problems.join('\n'));
  });
});
