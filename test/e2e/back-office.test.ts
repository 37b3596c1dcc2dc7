/**
 * The back office end to end in Chromium, as issue 3's "done when" asks: first-run setup → TOTP
 * enrolment → sign out → sign in with TOTP → invite a coordinator of GM0363 by e-mail (a real SMTP
 * server started here receives it) → that coordinator enrols a passkey (Chromium's virtual
 * authenticator) and signs in with it → invites a responder, who enrols TOTP and signs in.
 *
 * Along the way every back-office page passes axe-core (WCAG 2.2 AA) at 1280×800, the main ones also
 * on a tablet (768×1024) without sideways scrolling, and sign-in works by keyboard alone.
 *
 * The app runs on http://localhost:<port>: its cookies are `Secure` `__Host-` cookies, which
 * Chromium accepts on http only for localhost, and passkeys need a secure context (localhost is one).
 * The browser uses real time, so a TOTP code whose 30-second step was already used waits for the next.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, it, type TestContext } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findFreePort } from '../../src/db/embedded-server.ts';
import { currentTotp } from '../../src/modules/accounts/totp.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { startTestMailbox, type TestMailbox } from '../helpers/smtp.ts';
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
  type Viewport,
} from './browser.ts';

/** The people of the story. Passwords: long, uncommon, not built from the e-mail address. */
const NATIONAL = {
  name: 'Noor Landelijk',
  email: 'noor.landelijk@opendeur.example.nl',
  password: 'Zeven zwanen zwemmen in de Amstel!',
};
const COORDINATOR = {
  name: 'Coördinator Amsterdam',
  email: 'coordinator@amsterdam.example.nl',
  password: 'Grachtengordel bij nacht en ontij 7',
};
const RESPONDER = {
  name: 'Ruben Vangnet',
  email: 'ruben.vangnet@amsterdam.example.nl',
  password: 'Een kind verdient altijd een antwoord',
};
const AMSTERDAM = { code: 'GM0363', name: 'Amsterdam' };

/** One TOTP step (RFC 6238 default, as the app uses). */
const TOTP_STEP_MS = 30_000;

/** One row of the audit page's table, as text. */
interface AuditRow {
  actor: string;
  municipality: string;
  action: string;
  details: string;
}

/** What axe-core (and the layout check) found on one page at one viewport. */
interface PageCheck {
  page: string;
  viewport: string;
  problems: string[];
}

browserSuite('back office in the browser: setup, second factors, invitations by e-mail, team and audit', () => {
  let browser: Browser;
  let app: TestApp;
  let mailbox: TestMailbox;
  let baseUrl: string;
  const checks: PageCheck[] = [];
  /** Uncaught errors and CSP refusals in any page: there must be none. */
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  const startedAt = performance.now();
  let waitedForTotpMs = 0;

  // Set by the steps, read by the later ones.
  let national: Page;
  let coordinator: Page;
  let responder: Page;
  let nationalSecret: string;
  let responderSecret: string;
  /** The TOTP step each secret last used: the server refuses a code of a step already used. */
  const usedTotpSteps = new Map<string, number>();

  before(async () => {
    await ensureBackOfficeBuilt();
    mailbox = await startTestMailbox();
    const port = await findFreePort();
    baseUrl = `http://localhost:${port}`;
    [app, browser] = await Promise.all([
      startTestApp(databaseTargets()[0]!, {
        environment: { PORT: String(port), PUBLIC_BASE_URL: baseUrl, SMTP_URL: mailbox.url },
      }),
      launchBrowser(),
      mkdir(SCREENSHOT_DIRECTORY, { recursive: true }),
    ]);
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await mailbox?.stop();
  });

  /** A fresh browser (own cookies) set to Dutch, at 1280×800, with axe-core injected into every page. */
  async function newStaffPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        pageErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    return { context, page };
  }

  /**
   * Records axe-core's violations on the page as it is now; with `tablet`, also at 768×1024, and at
   * both sizes whether the page scrolls sideways (those pages are also kept as screenshots, for people
   * to look at). Failures are collected and asserted in the last test, so one finding does not hide
   * the rest of the flow.
   */
  async function checkPage(page: Page, name: string, options: { tablet?: boolean } = {}) {
    const viewports: Viewport[] = options.tablet ? [DESKTOP, TABLET] : [DESKTOP];
    for (const viewport of viewports) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const problems = await axeViolations(page);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) problems.push(`layout: the page is ${overflow} px wider than the ${viewport.width} px screen`);
      checks.push({ page: name, viewport: viewport.name, problems });
      if (options.tablet) {
        const file = `back-office-${name.replace(/\W+/g, '-').replace(/-$/, '')}-${viewport.width}.png`;
        await page.screenshot({ path: path.join(SCREENSHOT_DIRECTORY, file), fullPage: true });
      }
    }
    await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
  }

  /** Waits until the page's h1 reads `name` (the SPA routes without a page load). */
  async function expectHeading(page: Page, name: string | RegExp) {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  /** A code of the secret's current step; if that step was used already, waits for the next one. */
  async function freshTotp(secret: string): Promise<string> {
    const used = usedTotpSteps.get(secret);
    const step = Math.floor(Date.now() / TOTP_STEP_MS);
    if (used !== undefined && step <= used) {
      const wait = (used + 1) * TOTP_STEP_MS - Date.now() + 250;
      waitedForTotpMs += wait;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const now = Date.now();
    usedTotpSteps.set(secret, Math.floor(now / TOTP_STEP_MS));
    return currentTotp(secret, now);
  }

  /** The secret shown for typing over (grouped by four), as an authenticator app would take it. */
  async function shownTotpSecret(page: Page): Promise<string> {
    const shown = await page.locator('code.od-secret').innerText();
    const secret = shown.replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/, 'a 160-bit base32 secret is shown to type over');
    assert.ok(
      await page.getByRole('img', { name: /QR-code/ }).isVisible(),
      'the QR code is shown with a text alternative',
    );
    return secret;
  }

  /** The recovery codes panel: ten codes, the box ticked, on to the next step. */
  async function noteRecoveryCodes(page: Page, name: string): Promise<string[]> {
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    const codes = await page.locator('ol.od-recovery-codes code').allInnerTexts();
    assert.equal(codes.length, 10, 'ten recovery codes');
    assert.equal(new Set(codes).size, 10, 'all different');
    await checkPage(page, `${name}: recovery codes`);
    // Continuing without ticking the box is refused with a message.
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByText('Vink eerst aan dat u de codes heeft bewaard.').waitFor();
    await page.getByRole('checkbox', { name: 'Ik heb de codes opgeschreven of veilig bewaard' }).check();
    await page.getByRole('button', { name: 'Verder' }).click();
    return codes;
  }

  /** Opens the invitation link on `page`, checks what it says (tablet too), chooses the password. */
  async function acceptInvitation(page: Page, link: string, who: typeof COORDINATOR, role: string, label: string) {
    await page.goto(link);
    await expectHeading(page, 'Uitnodiging aannemen');
    const facts = page.locator('dl.od-facts');
    await facts.getByText(who.email).waitFor();
    for (const fact of [who.name, AMSTERDAM.name, role])
      assert.ok(await facts.getByText(fact, { exact: true }).isVisible(), fact);
    await checkPage(page, `${label}: invitation`, { tablet: true });
    await page.getByLabel('Wachtwoord', { exact: true }).fill(who.password);
    await page.getByLabel('Herhaal het wachtwoord').fill(who.password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await expectHeading(page, 'Tweede stap instellen');
  }

  /** The link in the invitation e-mail to `to`, which must point at this app. */
  async function invitationLink(to: string, inviter: string): Promise<string> {
    const mail = await mailbox.waitForMail(to, 10_000);
    assert.ok(mail.text.includes(inviter), 'the mail names who invites');
    const link = /https?:\/\/\S+\/beheer\/uitnodiging#token=[\w-]+/.exec(mail.text)?.[0];
    assert.ok(link, `an invitation link in:\n${mail.text}`);
    assert.ok(link.startsWith(`${baseUrl}/beheer/uitnodiging#token=`), `the link uses PUBLIC_BASE_URL: ${link}`);
    return link;
  }

  /** Invites `who` into the team shown on `page` with one role, and checks the page says so. */
  async function invite(page: Page, who: typeof COORDINATOR, role: string) {
    const form = page.locator('section[aria-labelledby="uitnodigen"]');
    await form.getByLabel('Naam', { exact: true }).fill(who.name);
    await form.getByLabel('E-mailadres').fill(who.email);
    await form.getByRole('checkbox', { name: role, exact: true }).check();
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByText(`De uitnodiging is verstuurd naar ${who.email}.`).waitFor();
    // The open invitation is listed, with its roles.
    const row = page.getByRole('row', { name: new RegExp(who.email.replace(/\./g, '\\.')) });
    await row.getByRole('cell', { name: 'Open', exact: true }).waitFor();
    assert.ok(
      await row.getByRole('cell', { name: role, exact: true }).isVisible(),
      `the invitation lists the role ${role}`,
    );
  }

  /** Signs out with the header's button and lands on the sign-in page saying so. */
  async function signOut(page: Page) {
    await page.getByRole('button', { name: 'Afmelden' }).first().click();
    await expectHeading(page, 'Aanmelden');
    await page.getByText('U bent afgemeld.').waitFor();
  }

  /** Password step by mouse-free filling (the keyboard check is done once, for the national coordinator). */
  async function signInWithPassword(page: Page, who: typeof COORDINATOR) {
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await expectHeading(page, 'Aanmelden');
    await page.getByLabel('E-mailadres').fill(who.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await expectHeading(page, 'Tweede stap');
  }

  /** The TOTP second step with a code of a step not used before. */
  async function secondStepWithTotp(page: Page, secret: string) {
    await page.getByLabel('Code van 6 cijfers').fill(await freshTotp(secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
  }

  /** The home page of a fully signed-in user: their name, municipality and roles. */
  async function expectHome(page: Page, who: { name: string }, lead: string, roles: string[]) {
    await expectHeading(page, `Welkom, ${who.name}`);
    assert.equal((await page.locator('main .od-lead').innerText()).trim(), lead);
    const shownRoles = await page.locator('section[aria-labelledby="rollen"] li strong').allInnerTexts();
    assert.deepEqual(shownRoles, roles);
  }

  /** The autocomplete token of the focused field ("" when focus is elsewhere). */
  function focusedField(page: Page): Promise<string> {
    return page.evaluate<string>('document.activeElement?.getAttribute("autocomplete") ?? ""');
  }

  /** Presses Tab until the field with this autocomplete token has focus (it must come within 15). */
  async function tabTo(page: Page, autocomplete: string) {
    for (let presses = 0; (await focusedField(page)) !== autocomplete; presses++) {
      assert.ok(presses < 15, `the ${autocomplete} field is reachable with Tab`);
      await page.keyboard.press('Tab');
    }
  }

  /** The signed-in user's id, as the API tells the page. */
  async function userId(page: Page): Promise<string> {
    const session = await page.evaluate<{ user: { id: string } }>(
      `fetch('/api/v1/session', { headers: { accept: 'application/json' } }).then((response) => response.json())`,
    );
    return session.user.id;
  }

  /** The header's navigation links. */
  async function navigation(page: Page): Promise<string[]> {
    return page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link').allInnerTexts();
  }

  // Each step needs the ones before; after a failure the rest are skipped (saying why), and the
  // failing page is kept as a screenshot.
  let failedStep: string | undefined;
  function step(name: string, body: (t: TestContext) => Promise<void>) {
    it(name, async (t) => {
      if (failedStep) {
        t.skip(`an earlier step failed: ${failedStep}`);
        return;
      }
      try {
        await body(t);
      } catch (error) {
        failedStep = name;
        const shot = path.join(
          SCREENSHOT_DIRECTORY,
          `back-office-failed-${name.replace(/\W+/g, '-').slice(0, 60)}.png`,
        );
        const pages = contexts.flatMap((context) => context.pages());
        for (const [index, open] of pages.entries()) {
          await open.screenshot({ path: shot.replace(/\.png$/, `-${index + 1}.png`), fullPage: true }).catch(() => {});
        }
        throw error;
      }
    });
  }

  step('first run: the setup link creates the first national coordinator', async () => {
    const setupUrl = app.server.setupUrl;
    assert.ok(setupUrl, 'the server gives a setup link on first run');
    assert.ok(setupUrl.startsWith(`${baseUrl}/beheer/setup#token=`), `setup link on PUBLIC_BASE_URL: ${setupUrl}`);
    national = (await newStaffPage()).page;

    // Without the token the page says what to do.
    await national.goto(`${baseUrl}/beheer/setup`);
    await expectHeading(national, 'Eerste beheerder instellen');
    await national.getByText('Deze pagina werkt alleen met de eenmalige link').waitFor();
    await checkPage(national, 'setup without its link');

    // The link opened in the same tab: only the fragment changes, and the page must pick the token up.
    await national.goto(setupUrl);
    await expectHeading(national, 'Eerste beheerder instellen');
    await national.getByLabel('Naam', { exact: true }).waitFor();
    assert.ok(!national.url().includes('token'), `the token leaves the address bar: ${national.url()}`);
    await checkPage(national, 'setup', { tablet: true });
    await national.getByLabel('Naam', { exact: true }).fill(NATIONAL.name);
    await national.getByLabel('E-mailadres').fill(NATIONAL.email);
    // A password that is too short is refused on the spot, and what was typed stays.
    await national.getByLabel('Wachtwoord', { exact: true }).fill('kort');
    await national.getByRole('button', { name: 'Account maken' }).click();
    await national.getByText('Het wachtwoord moet minstens 12 tekens lang zijn.').first().waitFor();
    assert.equal(await national.getByLabel('E-mailadres').inputValue(), NATIONAL.email);
    await national.getByLabel('Wachtwoord', { exact: true }).fill(NATIONAL.password);
    await national.getByLabel('Herhaal het wachtwoord').fill(NATIONAL.password);
    await national.getByRole('button', { name: 'Account maken' }).click();
    await expectHeading(national, 'Tweede stap instellen');
  });

  step('the national coordinator enrols an authenticator app (TOTP) and gets recovery codes', async () => {
    await checkPage(national, 'enrolment', { tablet: true });
    await national.getByRole('button', { name: 'Instellen met een app' }).click();
    nationalSecret = await shownTotpSecret(national);
    await checkPage(national, 'enrolment: QR code and key', { tablet: true });
    // A wrong code is refused with a message, and the user can try again.
    const wrong = String((Number(currentTotp(nationalSecret)) + 500_000) % 1_000_000).padStart(6, '0');
    await national.getByLabel('Code van 6 cijfers').fill(wrong);
    await national.getByRole('button', { name: 'Code bevestigen' }).click();
    await national.getByText('Deze code klopt niet of is al gebruikt.').waitFor();
    assert.equal(
      await national.evaluate('document.activeElement?.getAttribute("autocomplete")'),
      'one-time-code',
      'focus goes to the field in error',
    );
    await checkPage(national, 'enrolment: wrong code');
    await national.getByLabel('Code van 6 cijfers').fill(await freshTotp(nationalSecret));
    await national.getByRole('button', { name: 'Code bevestigen' }).click();
    await noteRecoveryCodes(national, 'national coordinator');
    await expectHome(national, NATIONAL, 'Landelijk', ['Landelijk coördinator']);
    assert.deepEqual(await navigation(national), [
      'Start',
      'Team',
      'Inloggen via gemeente (SSO)',
      'Aanmeldingen',
      'Gereedheid',
      'Rooster',
      'Instellingen gemeente',
      'Toolkit',
      'Stickers',
      'Getuigenissen',
      'Auditlog',
      'Mijn account',
    ]);
    await checkPage(national, 'home (national coordinator)', { tablet: true });
  });

  step('the account page shows the app, the recovery codes and this session', async () => {
    await national.getByRole('link', { name: 'Mijn account' }).first().click();
    await expectHeading(national, 'Mijn account');
    await national.getByText('Er is een app met codes ingesteld.').waitFor();
    await national.getByText('U heeft nog 10 herstelcodes.').waitFor();
    await national.getByText('deze sessie').waitFor();
    await checkPage(national, 'account', { tablet: true });
  });

  step('sign out, then sign in by keyboard alone with password and an authenticator code', async () => {
    await signOut(national);
    await checkPage(national, 'sign-in (signed out)', { tablet: true });
    // From the top of the page: Tab to the e-mail field, type, Tab to the password, type, Enter.
    await national.evaluate('document.activeElement?.blur()');
    await tabTo(national, 'username');
    const outline = await national.evaluate<string>(
      'getComputedStyle(document.activeElement).outlineStyle + " " + getComputedStyle(document.activeElement).boxShadow',
    );
    assert.notEqual(outline, 'none none', 'the focused field shows where focus is');
    await national.keyboard.type(NATIONAL.email);
    await national.keyboard.press('Tab');
    assert.equal(await focusedField(national), 'current-password', 'Tab goes from e-mail to password');
    await national.keyboard.type(NATIONAL.password);
    await national.keyboard.press('Enter');
    await expectHeading(national, 'Tweede stap');
    await national.getByText(`U meldt zich aan als ${NATIONAL.email}.`).waitFor();
    assert.equal(await national.evaluate('document.activeElement?.tagName'), 'H1', 'focus moves to the new page');
    await checkPage(national, 'second step (authenticator code)', { tablet: true });

    // The code by keyboard too: Tab on from the heading, type, Enter.
    await tabTo(national, 'one-time-code');
    await national.keyboard.type(await freshTotp(nationalSecret));
    await national.keyboard.press('Enter');
    await expectHome(national, NATIONAL, 'Landelijk', ['Landelijk coördinator']);
  });

  step('the national coordinator invites "Coördinator Amsterdam" for GM0363 by e-mail', async () => {
    await national.getByRole('link', { name: 'Team' }).first().click();
    await expectHeading(national, 'Team');
    await national.locator('main .od-lead', { hasText: 'Landelijke coördinatoren' }).waitFor();
    await national
      .getByRole('rowheader', { name: new RegExp(NATIONAL.name) })
      .first()
      .waitFor();
    await national.getByLabel('Gemeente').selectOption(AMSTERDAM.code);
    await national.getByRole('button', { name: 'Team tonen' }).click();
    await national.locator('main .od-lead', { hasText: `Team van ${AMSTERDAM.name}` }).waitFor();
    assert.ok(national.url().endsWith(`/beheer/team?gemeente=${AMSTERDAM.code}`), national.url());
    await national.getByText('Dit team heeft nog geen leden.').waitFor();
    await checkPage(national, 'team (national coordinator, Amsterdam)', { tablet: true });

    await invite(national, COORDINATOR, 'Coördinator gemeente');
    await checkPage(national, 'team after inviting');
  });

  step('the coordinator accepts the e-mailed invitation and enrols a passkey (virtual authenticator)', async () => {
    const link = await invitationLink(COORDINATOR.email, NATIONAL.name);
    const { context, page } = await newStaffPage();
    coordinator = page;
    const authenticator = await context.newCDPSession(page);
    await authenticator.send('WebAuthn.enable');
    const { authenticatorId } = await authenticator.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });

    await acceptInvitation(coordinator, link, COORDINATOR, 'Coördinator gemeente', 'coordinator');
    await checkPage(coordinator, 'enrolment (coordinator)', { tablet: true });
    const passkey = coordinator.locator('section', {
      has: coordinator.getByRole('heading', { name: 'Passkey', exact: true }),
    });
    await passkey.getByLabel('Naam van de passkey').fill('Laptop werk');
    await passkey.getByRole('button', { name: 'Passkey maken' }).click();
    await noteRecoveryCodes(coordinator, 'coordinator');
    await expectHome(coordinator, COORDINATOR, `Gemeente ${AMSTERDAM.name}`, ['Coördinator gemeente']);
    assert.deepEqual(await navigation(coordinator), [
      'Start',
      'Gesprekken',
      'Dossiers',
      'Kind aan de balie',
      'Team',
      'Inloggen via gemeente (SSO)',
      'Gereedheid',
      'Rooster',
      'Instellingen gemeente',
      'Toolkit',
      'Stickers',
      'Mijn account',
    ]);

    const { credentials } = await authenticator.send('WebAuthn.getCredentials', { authenticatorId });
    assert.equal(credentials.length, 1, 'the authenticator holds one passkey');
    assert.equal(credentials[0]!.rpId, 'localhost', 'for the relying party of PUBLIC_BASE_URL');

    await coordinator.getByRole('link', { name: 'Mijn account' }).first().click();
    await expectHeading(coordinator, 'Mijn account');
    await coordinator.getByRole('rowheader', { name: 'Laptop werk' }).waitFor();
    await coordinator.getByText('Er is nog geen app met codes ingesteld.').waitFor();
    await checkPage(coordinator, 'account (coordinator with passkey)', { tablet: true });
  });

  step('the coordinator signs out and in again with password and passkey', async () => {
    await signOut(coordinator);
    await signInWithPassword(coordinator, COORDINATOR);
    await coordinator.getByRole('heading', { name: 'Passkey', level: 2 }).waitFor();
    await checkPage(coordinator, 'second step (passkey)', { tablet: true });
    await coordinator.getByRole('button', { name: 'Gebruik mijn passkey' }).click();
    await expectHome(coordinator, COORDINATOR, `Gemeente ${AMSTERDAM.name}`, ['Coördinator gemeente']);
  });

  step('the coordinator invites a responder of GM0363', async () => {
    await coordinator.getByRole('link', { name: 'Team' }).first().click();
    await expectHeading(coordinator, 'Team');
    await coordinator.locator('main .od-lead', { hasText: `Team van ${AMSTERDAM.name}` }).waitFor();
    assert.equal(
      await coordinator.getByRole('combobox').count(),
      0,
      'a municipal coordinator cannot pick another team',
    );
    await coordinator
      .getByRole('rowheader', { name: new RegExp(COORDINATOR.name) })
      .first()
      .waitFor();
    await checkPage(coordinator, 'team (coordinator)', { tablet: true });
    await invite(coordinator, RESPONDER, 'Beantwoorder');
  });

  step('the responder accepts, enrols an authenticator app, signs out and signs in with it', async () => {
    const link = await invitationLink(RESPONDER.email, COORDINATOR.name);
    responder = (await newStaffPage()).page;
    await acceptInvitation(responder, link, RESPONDER, 'Beantwoorder', 'responder');
    await responder.getByRole('button', { name: 'Instellen met een app' }).click();
    responderSecret = await shownTotpSecret(responder);
    await responder.getByLabel('Code van 6 cijfers').fill(await freshTotp(responderSecret));
    await responder.getByRole('button', { name: 'Code bevestigen' }).click();
    await noteRecoveryCodes(responder, 'responder');
    await expectHome(responder, RESPONDER, `Gemeente ${AMSTERDAM.name}`, ['Beantwoorder']);

    await signOut(responder);
    await signInWithPassword(responder, RESPONDER);
    await secondStepWithTotp(responder, responderSecret);
    await expectHome(responder, RESPONDER, `Gemeente ${AMSTERDAM.name}`, ['Beantwoorder']);
    assert.deepEqual(
      await navigation(responder),
      ['Start', 'Gesprekken', 'Dossiers', 'Kind aan de balie', 'Toolkit', 'Mijn account'],
      'a responder answers conversations, manages no team and reads no audit log',
    );
    await checkPage(responder, 'home (responder)', { tablet: true });

    // Pages for other roles say "no access" instead of showing anything.
    await responder.goto(`${baseUrl}/beheer/team`);
    await expectHeading(responder, 'Geen toegang');
    await checkPage(responder, 'no access (403)');
  });

  step('the team lists both new members; the audit log shows the sign-ins and invitations', async () => {
    await coordinator.getByRole('link', { name: 'Team' }).first().click();
    await coordinator.reload();
    await expectHeading(coordinator, 'Team');
    await coordinator
      .getByRole('rowheader', { name: new RegExp(RESPONDER.name) })
      .first()
      .waitFor();

    await national.goto(`${baseUrl}/beheer/team?gemeente=${AMSTERDAM.code}`);
    await expectHeading(national, 'Team');
    for (const member of [COORDINATOR, RESPONDER])
      await national
        .getByRole('rowheader', { name: new RegExp(member.name) })
        .first()
        .waitFor();
    await checkPage(national, 'team with members', { tablet: true });

    await national.getByRole('link', { name: 'Auditlog' }).first().click();
    await expectHeading(national, 'Auditlog');
    const table = national.locator('table.od-audit-table');
    await table.waitFor();
    // Each row as the reader sees it: who (role), for which municipality, what, with which details.
    const rows = await national.evaluate<AuditRow[]>(`[...document.querySelectorAll('table.od-audit-table tbody tr')]
      .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.innerText.trim()))
      .map((cells) => ({ actor: cells[0] ?? '', municipality: cells[1] ?? '', action: cells[2] ?? '', details: cells[4] ?? '' }))`);
    // The actor cell names the person (by user id; by name too, should the log show names) and role.
    const people = {
      national: { ids: [await userId(national), NATIONAL.name], role: 'Landelijk coördinator' },
      coordinator: { ids: [await userId(coordinator), COORDINATOR.name], role: 'Coördinator gemeente' },
      responder: { ids: [await userId(responder), RESPONDER.name], role: 'Beantwoorder' },
    };
    type Person = keyof typeof people;
    const expected: Array<{ action: string; by: Person; municipality?: string; detail?: string }> = [
      { action: 'setup.first_coordinator_created', by: 'national' },
      { action: 'second_factor.totp_enrolled', by: 'national', municipality: 'Landelijk' },
      { action: 'sign_out', by: 'national', municipality: 'Landelijk' },
      { action: 'sign_in.password_accepted', by: 'national', municipality: 'Landelijk' },
      { action: 'sign_in.succeeded', by: 'national', municipality: 'Landelijk', detail: 'totp' },
      { action: 'invitation.created', by: 'national' },
      { action: 'invitation.accepted', by: 'coordinator' },
      { action: 'sign_in.succeeded', by: 'coordinator', municipality: AMSTERDAM.code, detail: 'passkey' },
      { action: 'invitation.created', by: 'coordinator', municipality: AMSTERDAM.code },
      { action: 'invitation.accepted', by: 'responder' },
      { action: 'sign_in.succeeded', by: 'responder', municipality: AMSTERDAM.code, detail: 'totp' },
    ];
    for (const entry of expected) {
      const person = people[entry.by];
      const found = rows.some(
        (row) =>
          row.action === entry.action &&
          person.ids.some((id) => row.actor.includes(id)) &&
          row.actor.includes(person.role) &&
          (entry.municipality === undefined || row.municipality === entry.municipality) &&
          (entry.detail === undefined || row.details.includes(entry.detail)),
      );
      assert.ok(
        found,
        `the audit log lists ${JSON.stringify(entry)}; rows:\n${rows.map((row) => JSON.stringify(row)).join('\n')}`,
      );
    }
    assert.ok(
      !/\b127\.0\.0\.1\b|::1|localhost/.test(await table.innerText()),
      'no IP addresses or hosts in the audit log',
    );
    await checkPage(national, 'audit', { tablet: true });

    // Filtered on one action, only that action remains: the three people's completed sign-ins.
    await national.getByLabel('Handeling').fill('sign_in.succeeded');
    await national.getByRole('button', { name: 'Filteren' }).click();
    await table.locator('tbody tr').filter({ hasNotText: 'sign_in.succeeded' }).first().waitFor({ state: 'detached' });
    const filtered = await table.locator('tbody tr').count();
    assert.equal(
      filtered,
      rows.filter((row) => row.action === 'sign_in.succeeded').length,
      'every completed sign-in, nothing else',
    );

    await national.getByRole('button', { name: 'Keten controleren' }).click();
    await national.getByText('De keten is intact').waitFor();
    await checkPage(national, 'audit: chain checked');
  });

  it('every back-office page passed is axe-clean (WCAG 2.2 AA) and fits the screen, at 1280×800 and on a tablet', (t) => {
    if (checks.length === 0 && failedStep) {
      t.skip(`no page was reached: ${failedStep}`);
      return;
    }
    assert.ok(checks.length > 0, 'pages were checked');
    const failing = checks.filter((check) => check.problems.length > 0);
    t.diagnostic(
      `${checks.length} page checks (${checks.filter((check) => check.viewport === TABLET.name).length} on a tablet)`,
    );
    assert.deepEqual(
      failing.map((check) => `${check.page} @ ${check.viewport}:\n  ${check.problems.join('\n  ')}`),
      [],
      'axe-core violations or sideways scrolling',
    );
  });

  it('no page had an uncaught error or a Content Security Policy refusal', (t) => {
    t.diagnostic(
      `flow took ${Math.round((performance.now() - startedAt) / 1000)} s, of which ${Math.round(waitedForTotpMs / 1000)} s waiting for a new TOTP step`,
    );
    assert.deepEqual(pageErrors, []);
  });
});
