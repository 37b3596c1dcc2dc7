/**
 * Single sign-on in the back office, in Chromium against a real OpenID Connect provider on loopback:
 * a national coordinator sets up Amsterdam's identity provider on the settings page (errors next to
 * their fields, what was typed kept), a staff member signs in through it from the sign-in page (by
 * keyboard) and lands on the second step, a failed sign-in comes back with an alert, and removing the
 * settings takes the option off the sign-in page again. Every page passes axe-core, also on a tablet.
 *
 * Coordinators' sessions are made directly in the database: their own sign-in is tested elsewhere.
 */
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, it, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { findFreePort } from '../../src/db/embedded-server.ts';
import { SESSION_COOKIE } from '../../src/http/access-control.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { startIdentityProvider, type TestIdentityProvider } from '../helpers/identity-provider.ts';
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

const AMSTERDAM = 'GM0363';
const ROTTERDAM = 'GM0599';
const SSO_SETTINGS = 'Inloggen via gemeente (SSO)';

browserSuite('single sign-on in the back office: settings, signing in through it, failure, removal', () => {
  let browser: Browser;
  let app: TestApp;
  let idp: TestIdentityProvider;
  let baseUrl: string;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const pageErrors: string[] = [];
  let national: Page;

  before(async () => {
    await ensureBackOfficeBuilt();
    const port = await findFreePort();
    baseUrl = `http://localhost:${port}`;
    idp = await startIdentityProvider({
      redirectUri: `${baseUrl}/api/v1/sso/callback`,
      accounts: {
        'sanne.amsterdam': { email: 'sanne@amsterdam.example.nl', emailVerified: true },
        stranger: { email: 'stranger@example.org', emailVerified: true },
      },
    });
    [app, browser] = await Promise.all([
      startTestApp(databaseTargets()[0]!, { environment: { PORT: String(port), PUBLIC_BASE_URL: baseUrl } }),
      launchBrowser(),
      mkdir(SCREENSHOT_DIRECTORY, { recursive: true }),
    ]);
    await addUser('Sanne Amsterdam', AMSTERDAM, 'sanne@amsterdam.example.nl', 'responder');
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await idp?.stop();
  });

  async function addUser(name: string, code: string | null, email: string, role: string): Promise<string> {
    const {
      rows: [user],
    } = await app.owner.pool.query<{ id: string }>(
      `INSERT INTO staff_users (municipality_code, email, display_name, totp_secret, totp_confirmed_at)
       VALUES ($1, $2, $3, 'JBSWY3DPEHPK3PXP', now()) RETURNING id`,
      [code, email, name],
    );
    await app.owner.pool.query('INSERT INTO staff_roles (user_id, municipality_code, role) VALUES ($1, $2, $3)', [
      user!.id,
      code,
      role,
    ]);
    return user!.id;
  }

  /** A browser; with `staff`, already fully signed in as them (a session made in the database). */
  async function newPage(staff?: { name: string; code: string | null; role: string }): Promise<Page> {
    const context = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    if (staff) {
      const userId = await addUser(staff.name, staff.code, `${randomBytes(6).toString('hex')}@example.nl`, staff.role);
      const token = randomBytes(32).toString('base64url');
      await app.owner.pool.query(
        `INSERT INTO staff_sessions (token_hash, user_id, municipality_code, stage, csrf_token, expires_at)
         VALUES ($1, $2, $3, 'full', $4, now() + interval '1 hour')`,
        [createHash('sha256').update(token).digest('hex'), userId, staff.code, randomBytes(32).toString('base64url')],
      );
      await context.addCookies([
        {
          name: SESSION_COOKIE,
          value: token,
          domain: 'localhost',
          path: '/',
          secure: true,
          httpOnly: true,
          sameSite: 'Lax',
        },
      ]);
    }
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  }

  /** axe-core and sideways scrolling, at 1280×800 and on a tablet; screenshots for people to look at. */
  async function checkPage(page: Page, name: string) {
    for (const viewport of [DESKTOP, TABLET]) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const problem of await axeViolations(page)) problems.push(`${name} @ ${viewport.name}: ${problem}`);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`${name} @ ${viewport.name}: ${overflow} px wider than the screen`);
      const file = `sso-${name.replace(/\W+/g, '-').replace(/-$/, '')}-${viewport.width}.png`;
      await page.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, file), fullPage: true });
    }
    await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
  }

  /** Whether the element has focus (this file is type-checked without the DOM library). */
  const hasFocus = (locator: Locator) =>
    locator.evaluate((element) => {
      const node = element as unknown as { ownerDocument: { activeElement: unknown } };
      return node === node.ownerDocument.activeElement;
    });
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  const focused = (page: Page) =>
    page.evaluate<string>(
      '(document.activeElement?.tagName ?? "") + " " + (document.activeElement?.textContent ?? "")',
    );

  /** At the identity provider's own (development) pages: log in as `login`, then give consent. */
  async function signInAtIdentityProvider(page: Page, login: string) {
    await page.waitForURL(`${idp.issuer}/**`);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('wat dan ook');
    await page.locator('button[type="submit"]').click();
    await page.locator('input[name="prompt"][value="consent"]').waitFor({ state: 'attached' });
    await page.locator('button[type="submit"]').click();
  }

  let failed: string | undefined;
  function step(name: string, body: (t: TestContext) => Promise<void>) {
    it(name, async (t) => {
      if (failed) return t.skip(`an earlier step failed: ${failed}`);
      try {
        await body(t);
      } catch (error) {
        failed = name;
        throw error;
      }
    });
  }

  step('the sign-in page offers no municipality sign-in while none has it switched on', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await heading(page, 'Aanmelden');
    await page.getByLabel('E-mailadres').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByRole('heading', { name: 'Inloggen met het account van uw gemeente' }).count(), 0);
  });

  step('a national coordinator opens the settings from the menu and picks Amsterdam', async () => {
    national = await newPage({ name: 'Noor Landelijk', code: null, role: 'national_coordinator' });
    await national.goto(`${baseUrl}/beheer/`);
    await heading(national, 'Welkom, Noor Landelijk');
    await national.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: SSO_SETTINGS }).click();
    await heading(national, SSO_SETTINGS);
    assert.match(await focused(national), /^H1 /, 'focus moves to the new page’s heading');
    await national.getByText('Kies een gemeente om haar instellingen te zien.').waitFor();
    await checkPage(national, 'settings: no municipality chosen');

    await national.getByLabel('Gemeente', { exact: true }).selectOption(AMSTERDAM);
    await national.getByRole('button', { name: 'Instellingen tonen' }).click();
    await national.getByText('Gemeente Amsterdam', { exact: true }).waitFor();
    assert.ok(national.url().endsWith(`/beheer/instellingen/sso?gemeente=${AMSTERDAM}`), national.url());
    assert.equal(await national.locator('code.od-secret').innerText(), `${baseUrl}/api/v1/sso/callback`);
    await national.getByText('Nog niet ingesteld').waitFor();
    await checkPage(national, 'settings: Amsterdam, not set up');
  });

  step('errors appear next to their fields, focus goes to the first, and what was typed stays', async () => {
    await national.getByRole('button', { name: 'Opslaan' }).click();
    await national.getByText('Vul het adres van de identiteitsprovider in.').waitFor();
    await national.getByText('Vul de client-id in.').waitFor();
    await national.getByText('Vul het clientgeheim in dat de identiteitsprovider gaf.').waitFor();
    const issuer = national.getByLabel('Adres van de identiteitsprovider (issuer)');
    assert.equal(await hasFocus(issuer), true);
    assert.equal(await issuer.getAttribute('aria-invalid'), 'true');
    await checkPage(national, 'settings: empty form refused');

    // The server's answer for an address where no identity provider answers, next to that field.
    const nowhere = `http://127.0.0.1:${await findFreePort()}`;
    await issuer.fill(nowhere);
    await national.getByLabel('Client-id').fill(idp.clientId);
    await national.getByLabel('Clientgeheim').fill(idp.clientSecret);
    await national.getByRole('button', { name: 'Opslaan' }).click();
    await national.getByText('De identiteitsprovider is niet bereikbaar').waitFor();
    assert.equal(await issuer.inputValue(), nowhere);
    assert.equal(await national.getByLabel('Client-id').inputValue(), idp.clientId);
    assert.equal(await national.getByLabel('Clientgeheim').inputValue(), idp.clientSecret);
    assert.equal(await hasFocus(issuer), true);
  });

  step('saving the real provider switches it on; the secret is never shown again', async () => {
    await national.getByLabel('Adres van de identiteitsprovider (issuer)').fill(idp.issuer);
    await national.getByRole('button', { name: 'Opslaan' }).click();
    await national.getByText('De instellingen zijn opgeslagen. Medewerkers van Amsterdam kunnen nu').waitFor();
    await national.getByText('Aan: medewerkers van Amsterdam kunnen inloggen').waitFor();
    const secret = national.getByLabel('Clientgeheim');
    assert.equal(await secret.inputValue(), '');
    await national.getByText('Laat dit veld leeg om het huidige geheim te houden.').waitFor();
    await checkPage(national, 'settings: saved');

    await national.reload();
    await heading(national, SSO_SETTINGS);
    assert.equal(await national.getByLabel('Adres van de identiteitsprovider (issuer)').inputValue(), idp.issuer);
    assert.equal(await national.getByLabel('Clientgeheim').inputValue(), '');
    assert.ok(!(await national.content()).includes(idp.clientSecret), 'the secret is not in the page');
  });

  step('a staff member signs in through Amsterdam by keyboard and lands on the second step', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await heading(page, 'Aanmelden');
    const button = page.getByRole('button', { name: 'Inloggen via Amsterdam' });
    await button.waitFor();
    await checkPage(page, 'sign-in with municipality sign-in');
    for (let presses = 0; !(await hasFocus(button)); presses++) {
      assert.ok(presses < 20, 'the municipality button is reachable with Tab');
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await signInAtIdentityProvider(page, 'sanne.amsterdam');
    await heading(page, 'Tweede stap');
    assert.equal(new URL(page.url()).pathname, '/beheer/aanmelden/tweede-stap');
    await page.getByText('U meldt zich aan als sanne@amsterdam.example.nl.').waitFor();
  });

  step('a failed sign-in comes back to the sign-in page with an alert', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await page.getByRole('button', { name: 'Inloggen via Amsterdam' }).click();
    await signInAtIdentityProvider(page, 'stranger');
    await heading(page, 'Aanmelden');
    assert.equal(new URL(page.url()).search, '?sso=failed');
    const alert = page.getByRole('alert');
    await alert.getByText('Inloggen met het account van uw gemeente is niet gelukt.').waitFor();
    assert.match(await alert.innerText(), /e-mailadres en wachtwoord, of vraag de coördinator/);
    await checkPage(page, 'sign-in after a failed municipality sign-in');
  });

  step('with two municipalities the sign-in page asks which one, and says so when none is chosen', async () => {
    await app.owner.pool.query(
      `INSERT INTO municipality_sso (municipality_code, issuer, client_id, client_secret, enabled)
       VALUES ($1, $2, 'opendeur', 'geheim', true)`,
      [ROTTERDAM, idp.issuer],
    );
    try {
      const page = await newPage();
      await page.goto(`${baseUrl}/beheer/aanmelden`);
      await page.getByRole('button', { name: 'Verder naar uw gemeente' }).click();
      await page.getByText('Kies uw gemeente.', { exact: true }).waitFor();
      const select = page.getByRole('combobox', { name: 'Gemeente' });
      assert.equal(await hasFocus(select), true);
      await checkPage(page, 'sign-in: municipality not chosen');
      await select.selectOption(AMSTERDAM);
      await page.getByRole('button', { name: 'Verder naar uw gemeente' }).click();
      await page.waitForURL(`${idp.issuer}/**`);
    } finally {
      await app.owner.pool.query('DELETE FROM municipality_sso WHERE municipality_code = $1', [ROTTERDAM]);
    }
  });

  step("a municipal coordinator sees only their own municipality's settings", async () => {
    const page = await newPage({ name: 'Rob Rotterdam', code: ROTTERDAM, role: 'municipal_coordinator' });
    await page.goto(`${baseUrl}/beheer/instellingen/sso`);
    await heading(page, SSO_SETTINGS);
    await page.getByText('Gemeente Rotterdam', { exact: true }).waitFor();
    await page.getByText('Nog niet ingesteld').waitFor();
    assert.equal(await page.getByRole('combobox').count(), 0, 'no municipality to pick');
    await checkPage(page, 'settings: municipal coordinator');
  });

  step('removing asks first, then takes the option off the sign-in page', async () => {
    await national.getByRole('button', { name: 'Instellingen verwijderen' }).click();
    await national.getByText('De SSO-instellingen van Amsterdam verwijderen?').waitFor();
    assert.match(await focused(national), /^BUTTON Ja, instellingen verwijderen/);
    await checkPage(national, 'settings: confirm removal');
    await national.keyboard.press('Enter');
    await national.getByText('De SSO-instellingen van Amsterdam zijn verwijderd.').waitFor();
    assert.match(await focused(national), /De SSO-instellingen van Amsterdam zijn verwijderd/);
    await national.getByText('Nog niet ingesteld').waitFor();
    assert.equal(await national.getByLabel('Adres van de identiteitsprovider (issuer)').inputValue(), '');

    const page = await newPage();
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await page.getByLabel('E-mailadres').waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await page.getByRole('button', { name: /Inloggen via/ }).count(), 0);
  });

  it('every page was axe-clean and fit the screen; no page had an uncaught error', (t) => {
    if (failed) return t.skip(`an earlier step failed: ${failed}`);
    assert.deepEqual(problems, []);
    assert.deepEqual(pageErrors, []);
  });
});
