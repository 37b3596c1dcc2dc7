/**
 * Issue 6's walk through a case in Chromium, with a real SMTP server: a front-desk employee of GM0363
 * registers a child at the desk; the responder on duty picks it up from the alert e-mail's link and so
 * becomes the case's assignee; signed in, the responder finds the case under "Dossiers", walks the five
 * Meldcode steps (step 4's afwegingskader: structural unsafety, so reporting to Veilig Thuis is the
 * default, and step 5 reports), records the child's consent, prepares and sends a report to Veilig Thuis
 * by e-mail; the receiving party, without any account or session, confirms receipt from the e-mailed
 * link and leaves short feedback; the responder sees it, moves the case to follow-up, classifies it
 * and closes it with an outcome. Then the timeline on the page and the audit log in the database must
 * tell that story in order, with no typed text in the audit log, and closing must set the retention
 * term. The case page and the receiving party's page pass axe-core (WCAG 2.2 AA) with no script errors.
 */
import assert from 'node:assert/strict';
import { after, before, it, type TestContext } from 'node:test';
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
  launchBrowser,
  newAxeContext,
} from './browser.ts';

const DESK_NAME = 'Bea Balie';
const RESPONDER_NAME = 'Dirk Dienst';
const RECIPIENT = 'Veilig Thuis Amsterdam-Amstelland';
const RECIPIENT_EMAIL = 'meldingen@veiligthuis.example.nl';
/** Everything typed into the case: none of it may reach the audit log. */
const TYPED = {
  deskNote: 'Meisje van ongeveer tien jaar, huilt aan de balie',
  signals: 'Blauwe plekken op beide armen, schrikt van harde geluiden',
  source: 'Eigen waarneming aan de balie en wat het meisje vertelt',
  advice: 'Advies van Veilig Thuis: melden, het kind niet alleen naar huis laten gaan',
  childSaid: 'Papa wordt boos als hij gedronken heeft en dan slaat hij',
  agreements: 'Zij blijft vanmiddag bij de buurvrouw tot de moeder komt',
  weighing: 'Het slaan gebeurt volgens het meisje al maanden elke week',
  nextSteps: 'Melding doen en morgen terugbellen met de school',
  consentNote: 'Ze wil wel dat iemand haar thuis komt helpen',
  referralSummary: 'Meisje, 10 jaar, vader slaat na drankgebruik, al maanden',
  feedback: 'Melding ontvangen; huisbezoek gepland voor donderdag',
};

/** One entry of the timeline as the page shows it. */
interface ShownEntry {
  kind: string;
  what: string;
  actor: string;
  at: string;
  body: string;
}

browserSuite('a case walked in the browser: walk-in → Meldcode → report to Veilig Thuis → closed', () => {
  const clock = testClock();
  let app: TestApp;
  let mailbox: TestMailbox;
  let browser: Browser;
  let baseUrl: string;
  let desk: StaffMember;
  let responder: StaffMember;
  let staffContext: BrowserContext;
  let page: Page;
  let caseId: string;
  let referralLink: string;
  const pageErrors: string[] = [];
  const watch = (watched: Page) => watched.on('pageerror', (error) => pageErrors.push(`${watched.url()}: ${error}`));

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
      email: 'bea.balie@amsterdam.example.nl',
      displayName: DESK_NAME,
      municipalityCode: 'GM0363',
      roles: ['front_desk'],
    });
    responder = await addStaff(app, clock, mailbox, national, {
      email: 'dirk.dienst@amsterdam.example.nl',
      displayName: RESPONDER_NAME,
      municipalityCode: 'GM0363',
      roles: ['responder'],
    });
    staffContext = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    staffContext.setDefaultTimeout(15_000);
    page = await staffContext.newPage();
    watch(page);
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await mailbox?.stop();
  });

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

  async function signIn(member: StaffMember, name?: string) {
    await page.goto(`${baseUrl}/beheer/aanmelden`);
    await page.getByLabel('E-mailadres').fill(member.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(member.password);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).last().click();
    await page.getByLabel('Code van 6 cijfers').fill(nextTotp(member.totpSecret, clock));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    if (name) await page.getByRole('heading', { level: 1, name: `Welkom, ${name}` }).waitFor();
  }

  async function assertAccessible(name: string) {
    assert.deepEqual(await axeViolations(page), [], `${name}: axe-core finds nothing`);
  }

  /** A notice of the case page (its live regions), by its exact text. */
  const notice = (text: string) => page.getByRole('status').getByText(text, { exact: true }).waitFor();

  step('the front-desk employee registers a child at the desk', async () => {
    await signIn(desk);
    await page.getByRole('link', { name: 'Kind aan de balie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kind aan de balie' }).waitFor();
    await page.getByLabel('Aan de balie').check();
    await page.getByLabel('Korte notitie (geen naam)').fill(TYPED.deskNote);
    await page.getByRole('button', { name: 'Kind melden' }).click();
    await page.getByText('Gemeld. Wie dienst heeft, krijgt nu bericht.').waitFor();
    const { rows } = await app.owner.pool.query<{ id: string; status: string; origin: string }>(
      'SELECT id, status, origin FROM cases',
    );
    assert.equal(rows.length, 1, 'one case');
    assert.deepEqual([rows[0]!.status, rows[0]!.origin], ['new', 'walk_in']);
    caseId = rows[0]!.id;
  });

  step('the responder on duty picks it up from the alert e-mail and becomes the assignee', async () => {
    const mail = await mailbox.waitForMail(responder.email, 10_000);
    const link = /(http\S+\/alerts\/bevestig\?token=[\w-]+)/.exec(mail.text)?.[1];
    assert.ok(link?.startsWith(`${baseUrl}/alerts/bevestig`), mail.text);
    assert.ok(!mail.text.includes(TYPED.deskNote), 'the note is not in the e-mail');
    clock.minutes(2);
    const fromMail = await browser.newContext(); // an e-mail client: no session needed
    const ackPage = await fromMail.newPage();
    watch(ackPage);
    await ackPage.goto(link!);
    await ackPage.getByRole('button', { name: 'Ik pak het op' }).click();
    await ackPage.getByRole('heading', { level: 1, name: 'Bevestigd: u pakt het op' }).waitFor();
    await fromMail.close();
    const { rows } = await app.owner.pool.query<{ user_id: string }>(
      'SELECT user_id FROM case_assignees WHERE case_id = $1',
      [caseId],
    );
    assert.deepEqual(
      rows.map((row) => row.user_id),
      [responder.userId],
    );
  });

  step('signed in, the responder finds the walk-in under "Dossiers" and opens it', async () => {
    clock.minutes(1);
    await staffContext.clearCookies();
    await signIn(responder, RESPONDER_NAME);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Dossiers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    const row = page.locator(`tr[data-case-id="${caseId}"]`);
    await row.getByText('Aan de balie').waitFor();
    await row.getByText(RESPONDER_NAME).waitFor();
    await row.getByRole('link', { name: `Dossier ${caseId.slice(0, 8)}` }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier ${caseId.slice(0, 8)}` }).waitFor();
    const facts = page.locator('dl.od-facts');
    await facts.getByText('Nieuw', { exact: true }).waitFor();
    await facts.getByText('Aan de balie', { exact: true }).waitFor();
    await facts.getByText('U bent behandelaar').waitFor();
    assert.equal(await page.getByLabel('Samenvatting', { exact: true }).inputValue(), TYPED.deskNote);
    await page.getByRole('group', { name: 'Behandelaars' }).getByText(RESPONDER_NAME).waitFor();
    await page.getByText('Nu aan de beurt: stap 1.').waitFor();
    await page.getByText('Er zijn nog geen verwijzingen.').waitFor();
    await assertAccessible('the case at the start');
  });

  /** The open panel of a Meldcode step. */
  const stepPanel = (number: number) => page.locator(`#meldcode-stap-${number}`);
  async function answer(number: number, question: string, yes: boolean) {
    await stepPanel(number)
      .getByRole('group', { name: question, exact: true })
      .getByLabel(yes ? 'Ja' : 'Nee', { exact: true })
      .check();
  }
  async function decide(number: number, then: string) {
    clock.minutes(1); // each decision its own moment on the timeline
    await stepPanel(number)
      .getByRole('button', { name: `Stap ${number} vastleggen` })
      .click();
    await notice(then);
  }

  step('the responder walks the five Meldcode steps to reporting to Veilig Thuis', async () => {
    await stepPanel(1).getByLabel('Welke signalen ziet of hoort u?').fill(TYPED.signals);
    await stepPanel(1).getByLabel('Van wie komen de signalen?').fill(TYPED.source);
    await answer(1, 'Is er nu acuut gevaar?', false);
    await stepPanel(1).getByLabel('Signalen vastgelegd, door naar stap 2').check();
    await decide(1, 'Stap 1 is vastgelegd. Nu aan de beurt: stap 2.');
    await page.locator('dl.od-facts').getByText('In behandeling', { exact: true }).waitFor();

    // Step 2 offers asking Veilig Thuis for advice; the advice is then asked for.
    await answer(2, 'Hebt u een collega geraadpleegd?', true);
    await answer(2, 'Hebt u Veilig Thuis om advies gevraagd?', true);
    await stepPanel(2).getByLabel('Welk advies kreeg u?', { exact: true }).fill(TYPED.advice);
    assert.ok(await stepPanel(2).getByLabel('Overleg vastgelegd, door naar stap 3').isChecked(), 'the only decision');
    await decide(2, 'Stap 2 is vastgelegd. Nu aan de beurt: stap 3.');

    await stepPanel(3).getByLabel('Wat vertelde het kind?').fill(TYPED.childSaid);
    await stepPanel(3).getByLabel('Wat is afgesproken? (niet verplicht)').fill(TYPED.agreements);
    await answer(3, 'Hebt u niets beloofd wat u niet kunt waarmaken?', true);
    await decide(3, 'Stap 3 is vastgelegd. Nu aan de beurt: stap 4.');

    // Step 4, the afwegingskader: structural unsafety makes reporting the default.
    await answer(4, 'Is er een vermoeden van huiselijk geweld of kindermishandeling?', true);
    await answer(4, 'Is er sprake van acute onveiligheid?', false);
    await answer(4, 'Is er sprake van structurele onveiligheid?', true);
    await answer(4, 'Kunt u passende hulp bieden of organiseren?', true);
    await answer(4, 'Aanvaarden de betrokkenen die hulp?', false);
    await answer(4, 'Leidt de hulp tot duurzame veiligheid?', false);
    const report = stepPanel(4).getByLabel('Melden bij Veilig Thuis (volgt uit de antwoorden)');
    assert.ok(await report.isChecked(), 'reporting to Veilig Thuis is the default');
    await stepPanel(4).getByLabel('Toelichting (niet verplicht)').fill(TYPED.weighing);
    await decide(4, 'Stap 4 is vastgelegd. Nu aan de beurt: stap 5.');

    await answer(5, 'Weet het kind wat er nu gaat gebeuren?', true);
    await stepPanel(5).getByLabel('Wat zijn de vervolgstappen? (niet verplicht)').fill(TYPED.nextSteps);
    const reportNow = stepPanel(5).getByLabel('Melden bij Veilig Thuis (volgt uit de antwoorden)');
    assert.ok(await reportNow.isChecked(), "step 5 follows step 4's weighing");
    await decide(5, 'Stap 5 is vastgelegd. Alle stappen zijn doorlopen.');
    await page.getByText('Alle vijf stappen zijn doorlopen.').waitFor();
    assert.equal(await page.locator('.od-meldcode__step--done').count(), 5, 'all five done');
    assert.equal(await page.getByText('wijkt af van de Meldcode').count(), 0, 'no departure');

    const consulted = await app.owner.pool.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM case_events WHERE case_id = $1 AND kind = 'meldcode' AND details->>'step' = '2'`,
      [caseId],
    );
    assert.equal(consulted.rows[0]?.details['consultedVeiligThuis'], true, 'the advice of Veilig Thuis is recorded');
  });

  step("the responder records the child's consent", async () => {
    clock.minutes(1);
    const form = page.getByRole('form', { name: 'Toestemming van het kind', exact: true });
    await form.getByLabel('Het kind stemt in met verwijzen').check();
    await form.getByLabel('Toelichting (niet verplicht)').fill(TYPED.consentNote);
    await form.getByRole('button', { name: 'Toestemming vastleggen' }).click();
    await notice('Vastgelegd: Het kind stemt in met verwijzen.');
  });

  step('a report to Veilig Thuis is prepared and sent by e-mail; the link is shown once', async () => {
    clock.minutes(1);
    const form = page.getByRole('form', { name: 'Nieuwe verwijzing', exact: true });
    await form.getByLabel('Verwijzen naar').selectOption({ label: 'Veilig Thuis (melding)' });
    await form.getByLabel('Naam of afdeling van de ontvanger (niet verplicht)').fill(RECIPIENT);
    await form.getByLabel('Samenvatting voor de ontvanger (niet verplicht)').fill(TYPED.referralSummary);
    await form.getByRole('button', { name: 'Verwijzing klaarzetten' }).click();
    const table = page.getByRole('table', { name: '1 verwijzing' });
    await table.getByText('Klaargezet', { exact: true }).waitFor();
    await table.getByText(TYPED.referralSummary).waitFor();

    clock.minutes(1);
    await table.getByRole('button', { name: `Verwijzing aan ${RECIPIENT} versturen` }).click();
    const panel = page.getByRole('region', { name: `Verwijzing versturen aan ${RECIPIENT}` });
    await panel.getByLabel('E-mailadres van de ontvanger (niet verplicht)').fill(RECIPIENT_EMAIL);
    await panel.getByRole('button', { name: 'Link maken en versturen' }).click();
    await panel.getByText('De verwijzing is verstuurd en de link is gemaild.').waitFor();
    const shown = (await panel.locator('#verwijzing-link').innerText()).trim();
    assert.match(shown, new RegExp(`^${baseUrl}/verwijzing\\?token=[\\w-]{43}$`));
    await table.getByText('Verstuurd', { exact: true }).waitFor();
    await page.locator('dl.od-facts').getByText('Verwezen', { exact: true }).waitFor();

    const mail = await mailbox.waitForMail(RECIPIENT_EMAIL, 10_000);
    assert.equal(mail.subject, 'Doorverwijzing van gemeente Amsterdam');
    referralLink = /(http\S+\/verwijzing\?token=[\w-]+)/.exec(mail.text)?.[1] ?? '';
    assert.equal(referralLink, shown, 'the e-mail carries the link shown once');
    for (const text of Object.values(TYPED)) assert.ok(!mail.text.includes(text), 'no content in the e-mail');
    await panel.getByRole('button', { name: 'Klaar' }).click();
    await panel.waitFor({ state: 'detached' });
  });

  step('the receiving party, without an account, confirms receipt and leaves feedback', async () => {
    const party = await newAxeContext(browser, DESKTOP, { locale: 'nl-NL' });
    party.setDefaultTimeout(15_000);
    const partyPage = await party.newPage();
    watch(partyPage);
    const problems: string[] = [];
    const check = async (name: string) =>
      problems.push(...(await axeViolations(partyPage)).map((problem) => `${name}: ${problem}`));

    clock.minutes(5); // well within the staff session's 30-minute idle timeout
    await partyPage.goto(referralLink);
    await partyPage.getByRole('heading', { level: 1, name: 'Doorverwijzing ontvangen' }).waitFor();
    const main = await partyPage.locator('main').innerText();
    assert.match(main, /Gemeente Amsterdam heeft een kind naar u doorverwezen/);
    assert.match(main, /Soort doorverwijzing\s+Melding bij Veilig Thuis/);
    for (const text of Object.values(TYPED)) assert.ok(!main.includes(text), 'nothing about the child on the page');
    await check('the link');

    await partyPage.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await partyPage
      .getByRole('status')
      .getByText('Dank u. De gemeente ziet nu dat u de doorverwijzing hebt ontvangen.')
      .waitFor();
    await check('confirmed');

    clock.minutes(5); // well within the staff session's 30-minute idle timeout
    await partyPage.getByLabel('Wat hebt u gedaan of wat gaat u doen?').fill(TYPED.feedback);
    await partyPage.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await partyPage.getByRole('status').getByText('Dank u. De gemeente heeft uw terugkoppeling ontvangen.').waitFor();
    await check('feedback sent');
    assert.deepEqual(await party.cookies(), [], 'no cookies for the receiving party');
    await party.close();
    assert.deepEqual(problems, [], problems.join('\n'));

    // The team hears of both, without content.
    for (let index = 0; index < 2; index++) {
      const told = await mailbox.waitForMail(responder.email, 10_000);
      assert.equal(told.subject, 'opendeur: reactie op een verwijzing');
      assert.ok(!told.text.includes(TYPED.feedback), 'no feedback in the e-mail');
    }
  });

  step('the responder sees the feedback, moves the case to follow-up, classifies and closes it', async () => {
    clock.minutes(10);
    await page.reload();
    const table = page.getByRole('table', { name: '1 verwijzing' });
    await table.getByText('Terugkoppeling ontvangen', { exact: true }).waitFor();
    await table.getByText(`Terugkoppeling: ${TYPED.feedback}`).waitFor();

    const statusForm = page.getByRole('form', { name: 'Status', exact: true });
    await statusForm.getByLabel('Nieuwe status').selectOption({ label: 'Nazorg' });
    await statusForm.getByRole('button', { name: 'Status wijzigen' }).click();
    await notice('De status is nu: Nazorg.');

    clock.minutes(1);
    const classification = page.getByRole('form', { name: 'Indeling', exact: true });
    await classification.getByLabel('Categorie', { exact: true }).selectOption({ label: 'Mishandeling en geweld' });
    await classification.getByLabel('Subcategorie').selectOption({ label: 'Lichamelijke mishandeling' });
    await classification.getByRole('button', { name: 'Indeling opslaan' }).click();
    await notice('De indeling is opgeslagen.');

    clock.minutes(1);
    await statusForm.getByLabel('Nieuwe status').selectOption({ label: 'Afgesloten' });
    assert.equal(
      await statusForm.getByLabel('Categorie', { exact: true }).inputValue(),
      'abuse_violence',
      'closing starts from the classification',
    );
    await statusForm.getByLabel('Afloop').selectOption({ label: 'Gemeld of doorverwezen naar Veilig Thuis' });
    await statusForm.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await notice('De status is nu: Afgesloten.');
    const facts = page.locator('dl.od-facts');
    await facts.getByText('Afgesloten', { exact: true }).first().waitFor();
    await facts.getByText('Wordt vernietigd na').waitFor();
    await assertAccessible('the case at the end');
  });

  step('the timeline on the page tells the whole walk, in order', async () => {
    await page.reload();
    await page.locator('.od-case-event--status').nth(3).waitFor();
    const shown = await page.evaluate<ShownEntry[]>(`[...document.querySelectorAll('ol.od-case-timeline > li')]
      .map((item) => {
        const text = (selector) => item.querySelector(selector)?.innerText.trim() ?? '';
        return {
          kind: text('.od-case-event__kind'),
          what: text('.od-case-event__what'),
          actor: text('.od-message__meta').split(' · ')[0].trim(),
          at: item.querySelector('time')?.getAttribute('datetime') ?? '',
          body: text('.od-message__body'),
        };
      })`);
    const R = RESPONDER_NAME;
    // Changes made in one transaction share their moment (a status change with the Meldcode decision or
    // the sending that caused it): the page may show those in either order, so they form one group.
    const expected: string[][][] = [
      [['Dossier aangemaakt', '', DESK_NAME, '']],
      [['Behandelaars gewijzigd', 'Behandelaar toegevoegd', R, '']],
      [
        ['Status gewijzigd', 'Nieuw → In behandeling', R, ''],
        ['Meldcode: beslissing', 'Stap 1: Signalen vastgelegd, door naar stap 2', R, ''],
      ],
      [['Meldcode: beslissing', 'Stap 2: Overleg vastgelegd, door naar stap 3', R, '']],
      [['Meldcode: beslissing', 'Stap 3: Gesprek gevoerd, door naar stap 4', R, '']],
      [['Meldcode: beslissing', 'Stap 4: Melden bij Veilig Thuis', R, TYPED.weighing]],
      [['Meldcode: beslissing', 'Stap 5: Melden bij Veilig Thuis', R, '']],
      [['Toestemming van het kind', 'Het kind stemt in met verwijzen', R, TYPED.consentNote]],
      [['Verwijzing', 'Veilig Thuis (melding): klaargezet', R, '']],
      [
        ['Verwijzing', 'Veilig Thuis (melding): verstuurd', R, ''],
        ['Status gewijzigd', 'In behandeling → Verwezen', R, ''],
      ],
      [['Verwijzing', 'Veilig Thuis (melding): ontvangst bevestigd', 'opendeur', '']],
      [['Verwijzing', 'Veilig Thuis (melding): terugkoppeling ontvangen', 'opendeur', '']],
      [['Status gewijzigd', 'Verwezen → Nazorg', R, '']],
      [['Indeling', '', R, '']],
      [['Status gewijzigd', 'Nazorg → Afgesloten', R, '']],
    ];
    const line = (fields: string[]) => fields.join(' | ');
    const groups: string[][] = [];
    shown.forEach((entry, index) => {
      const text = line([entry.kind, entry.what, entry.actor, entry.body]);
      if (index > 0 && entry.at === shown[index - 1]!.at) groups.at(-1)!.push(text);
      else groups.push([text]);
    });
    assert.deepEqual(
      groups.map((group) => group.sort()),
      expected.map((group) => group.map(line).sort()),
      `the timeline as shown:\n${shown.map((entry) => `${entry.at} ${line([entry.kind, entry.what, entry.actor, entry.body])}`).join('\n')}`,
    );
    assert.ok(
      shown.every((entry, index) => index === 0 || entry.at >= shown[index - 1]!.at),
      'oldest first',
    );
  });

  step('the audit log records every change in order, without any typed text', async () => {
    const { rows: contact } = await app.owner.pool.query<{ front_desk_contact_id: string }>(
      'SELECT front_desk_contact_id FROM cases WHERE id = $1',
      [caseId],
    );
    const contactId = contact[0]!.front_desk_contact_id;
    const { rows: referrals } = await app.owner.pool.query<{ id: string; status: string }>(
      'SELECT id, status FROM referrals WHERE case_id = $1',
      [caseId],
    );
    assert.deepEqual(
      referrals.map((row) => row.status),
      ['feedback_received'],
    );
    const referralId = referrals[0]!.id;
    const { rows: audit } = await app.owner.pool.query<{
      action: string;
      object_id: string;
      actor_user_id: string | null;
      details: Record<string, unknown>;
    }>(
      `SELECT action, object_id, actor_user_id, details FROM audit_log
        WHERE object_id = ANY($1) OR object_id = $2 OR details->>'referralId' = $2 ORDER BY id`,
      [[caseId, contactId], referralId],
    );
    const reads = new Set(['case.read', 'case.meldcode_read', 'referral.read', 'case.tasks_read']);
    const changes = audit.filter((row) => !reads.has(row.action));
    const who = (id: string | null) =>
      id === desk.userId ? 'desk' : id === responder.userId ? 'responder' : id === null ? 'nobody' : id;
    assert.deepEqual(
      changes.map((row) => [row.action, row.object_id === contactId ? 'contact' : 'case', who(row.actor_user_id)]),
      [
        ['front_desk.contact_registered', 'contact', 'desk'],
        ['case.created', 'case', 'desk'],
        // The front-desk alert shares the contact's id; picking it up is audited, then the assignment.
        ['alert.acknowledged', 'contact', 'responder'],
        ['case.assigned', 'case', 'responder'],
        ['case.status_changed', 'case', 'responder'],
        ['case.meldcode_decided', 'case', 'responder'],
        ['case.meldcode_decided', 'case', 'responder'],
        ['case.meldcode_decided', 'case', 'responder'],
        ['case.meldcode_decided', 'case', 'responder'],
        ['case.meldcode_decided', 'case', 'responder'],
        ['case.consent_recorded', 'case', 'responder'],
        ['referral.created', 'case', 'responder'],
        ['referral.sent', 'case', 'responder'],
        ['referral.confirmed', 'case', 'nobody'],
        ['referral.feedback_received', 'case', 'nobody'],
        ['case.status_changed', 'case', 'responder'],
        ['case.classified', 'case', 'responder'],
        ['case.status_changed', 'case', 'responder'],
      ],
    );
    const detailsOf = (action: string) => changes.filter((row) => row.action === action).map((row) => row.details);
    assert.deepEqual(
      detailsOf('case.meldcode_decided').map((details) => [details['step'], details['decision']]),
      [
        [1, 'signals_mapped'],
        [2, 'consultation_recorded'],
        [3, 'conversation_held'],
        [4, 'report_veilig_thuis'],
        [5, 'report_veilig_thuis'],
      ],
    );
    assert.deepEqual(
      detailsOf('case.status_changed').map((details) => [details['from'], details['to']]),
      [
        ['new', 'in_progress'],
        ['referred', 'follow_up'],
        ['follow_up', 'closed'],
      ],
    );
    assert.equal(detailsOf('case.assigned')[0]!['via'], 'alert_acknowledged');
    for (const action of ['referral.created', 'referral.sent', 'referral.confirmed', 'referral.feedback_received'])
      assert.equal(detailsOf(action)[0]!['referralId'], referralId, `${action} names the referral`);
    assert.ok(
      audit.some((row) => row.action === 'case.read' && row.details['via'] === 'assignee'),
      'opening the case was audited',
    );
    assert.ok(
      audit.filter((row) => reads.has(row.action)).every((row) => row.actor_user_id === responder.userId),
      'only the responder read the case',
    );

    // Content never goes into the audit log: not for this case, nor anywhere else.
    const { rows: everything } = await app.owner.pool.query<{ text: string }>(
      `SELECT concat_ws(' ', action, object_type, object_id, details::text) AS text FROM audit_log`,
    );
    const written = everything.map((row) => row.text).join('\n');
    for (const [name, text] of Object.entries({ ...TYPED, RECIPIENT, RECIPIENT_EMAIL }))
      assert.ok(!written.includes(text), `the audit log holds no ${name}`);
  });

  step('closing set the retention term (referred: 20 years) and no script failed', async () => {
    const { rows } = await app.owner.pool.query<{
      status: string;
      outcome: string;
      category: string;
      subcategory: string;
      closed_at: Date;
      term_ok: boolean;
    }>(
      `SELECT status, outcome, category, subcategory, closed_at,
              destroy_after = closed_at + make_interval(months => 240) AS term_ok
         FROM cases WHERE id = $1`,
      [caseId],
    );
    const row = rows[0]!;
    assert.deepEqual(
      [row.status, row.outcome, row.category, row.subcategory],
      ['closed', 'referred_veilig_thuis', 'abuse_violence', 'physical'],
    );
    assert.equal(row.closed_at.toISOString(), clock().toISOString(), "closed at the app's time");
    assert.equal(row.term_ok, true, 'destroy_after is the closing time plus the 20-year term');
    assert.deepEqual(pageErrors, [], 'no script errors');
  });
});
