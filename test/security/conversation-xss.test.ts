/**
 * Issue 4, "done when": hundreds of hostile texts (test/fixtures/xss-payloads.ts) sent as a child's
 * message and name and as a responder's reply and note are shown inert on both sides: as the exact
 * text in the API's JSON, and as text — no element, no handler, no URL — in the child's pages and the
 * back office, parsed by a real browser with JavaScript on and without the CSP that would otherwise
 * hide a mistake.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { NAME_MAX_CHARS } from '../../src/modules/conversations/conversations.types.ts';
import { browserSuite, launchBrowser } from '../e2e/browser.ts';
import { FORBIDDEN_TAGS, XSS_PAYLOADS } from '../fixtures/xss-payloads.ts';
import { startAccountsApp, type AccountsApp } from '../helpers/accounts-app.ts';
import { formToken, readConversation, request, writeToMayor } from '../helpers/child-client.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { addStaff, nextTotp, setUpFirstCoordinator, type StaffMember } from '../helpers/staff.ts';

const CONCURRENCY = 6;
/** Child pages parsed per browser document (their <main> one after another). */
const PAGES_PER_DOCUMENT = 25;
const BENIGN = 'Gewone tekst zonder iets bijzonders';

/** What the browser found in a document: alerts, injected elements, handlers, script URLs, and the text. */
interface Findings {
  dialogs: string[];
  tags: Record<string, number>;
  handlers: string[];
  scriptUrls: string[];
  text: string;
  fieldValues: string[];
}

/** Runs in the page: counts every tag and lists every on* attribute and script-bearing URL. */
const INSPECT = `(() => {
  const tags = {}, handlers = [], scriptUrls = [];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.localName;
    tags[tag] = (tags[tag] || 0) + 1;
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) handlers.push(tag + ' ' + attribute.name);
      if (/^(href|src|action|formaction|data|srcdoc|xlink:href|style)$/i.test(attribute.name)
          && /(javascript|vbscript|data):|expression\\(/i.test(attribute.value.replace(/\\s/g, '')))
        scriptUrls.push(tag + ' ' + attribute.name + '=' + attribute.value);
    }
  }
  const fieldValues = [...document.querySelectorAll('textarea, input')].map((field) => field.value);
  return { tags, handlers, scriptUrls, text: document.body.textContent, fieldValues };
})()`;

browserSuite('XSS: hostile texts stay text for the child and in the back office', () => {
  let world: AccountsApp;
  let responder: StaffMember;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  /** Per payload: the conversation it made and the child's page after the reply. */
  const made: Array<{ payload: string; id: string; code: string; childPage: string }> = [];

  before(async () => {
    [world, browser] = await Promise.all([
      startAccountsApp(databaseTargets()[0]!, { OPENDEUR_DEMO: '1' }),
      launchBrowser(),
    ]);
    const national = await setUpFirstCoordinator(world.app, world.clock);
    responder = await addStaff(world.app, world.clock, world.mailbox, national, {
      email: 'responder.xss@amsterdam.example.nl',
      municipalityCode: 'GM0363',
      roles: ['responder'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A payload that got through would fetch; nothing may leave the browser.
    await context.route('**/*', (route) =>
      route.request().url().startsWith(localBase()) ? route.continue() : route.abort(),
    );
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  const localBase = () => world.app.baseUrl.replace('127.0.0.1', 'localhost');

  /** Parses `html` in the browser (JavaScript on, no CSP), waits for handlers to get their chance. */
  async function inspect(html: string): Promise<Findings> {
    const before = dialogs.length;
    if (!page.url().startsWith(localBase())) await page.goto(`${localBase()}/readyz`);
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const found = await page.evaluate<Omit<Findings, 'dialogs'>>(INSPECT);
    return { ...found, dialogs: dialogs.slice(before) };
  }

  /** The <main> of a page, or the whole page when it has none. */
  const mainOf = (html: string) => /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? html;

  /** Asserts that a document built from `count` pages like the baseline has exactly the baseline's elements. */
  function assertOnlyBaseline(found: Findings, baseline: Findings, count: number, what: string) {
    assert.deepEqual(found.dialogs, [], `${what}: no alert ran`);
    assert.deepEqual(found.handlers, [], `${what}: no event handler attribute`);
    assert.deepEqual(found.scriptUrls, [], `${what}: no javascript:/data: URL or CSS expression`);
    for (const tag of FORBIDDEN_TAGS)
      assert.equal(found.tags[tag] ?? 0, (baseline.tags[tag] ?? 0) * count, `${what}: no injected <${tag}>`);
    const tags = new Set([...Object.keys(found.tags), ...Object.keys(baseline.tags)]);
    for (const tag of tags) {
      if (['html', 'head', 'body', 'hr'].includes(tag)) continue;
      assert.equal(
        found.tags[tag] ?? 0,
        (baseline.tags[tag] ?? 0) * count,
        `${what}: <${tag}> only where the page has it`,
      );
    }
  }

  /** Reads one conversation through the API (exactly as sent?), then replies and notes its payload. */
  async function answerWithPayload(id: string) {
    const detail = await responder.client.get(`/api/v1/conversations/${id}`);
    assert.equal(detail.status, 200, detail.text);
    assert.match(String(detail.headers.get('content-type')), /^application\/json/);
    const payload: string = detail.body.messages[0].body;
    const record = made.find((candidate) => candidate.payload === payload);
    assert.ok(record, `the API shows a sent message exactly: ${payload}`);
    record.id = id;
    assert.equal(detail.body.name, payload.slice(0, NAME_MAX_CHARS), 'the name, exactly as typed');
    for (const kind of ['replies', 'notes'] as const) {
      const answer = await responder.client.post(`/api/v1/conversations/${id}/${kind}`, { body: payload });
      assert.equal(answer.status, 200, answer.text);
    }
  }

  it(`sends ${XSS_PAYLOADS.length} payloads as message, name, reply and note`, { timeout: 120_000 }, async () => {
    assert.ok(XSS_PAYLOADS.length >= 200, `at least 200 payloads (${XSS_PAYLOADS.length})`);
    const baseUrl = world.app.baseUrl;
    const all = [BENIGN, ...XSS_PAYLOADS];
    for (let start = 0; start < all.length; start += CONCURRENCY) {
      await Promise.all(
        all.slice(start, start + CONCURRENCY).map(async (payload) => {
          const sent = await writeToMayor(baseUrl, 'amsterdam', {
            message: payload,
            name: payload.slice(0, NAME_MAX_CHARS),
          });
          assert.equal(sent.status, 200, `${payload}: ${sent.html.slice(0, 500)}`);
          assert.ok(sent.code, `a code for ${payload}`);
          made.push({ payload, id: '', code: sent.code, childPage: '' });
        }),
      );
    }
    // The inbox lists a limited number at a time: take the new ones; a reply moves each out of "new".
    for (let pass = 0; made.some((entry) => !entry.id); pass++) {
      assert.ok(pass < 10, 'every conversation reaches the inbox');
      const inbox = await responder.client.get('/api/v1/conversations?status=new');
      assert.equal(inbox.status, 200, inbox.text);
      const ids: string[] = inbox.body.conversations.map((conversation: { id: string }) => conversation.id);
      for (let start = 0; start < ids.length; start += CONCURRENCY) {
        await Promise.all(ids.slice(start, start + CONCURRENCY).map(answerWithPayload));
      }
    }
    const last = made[made.length - 1]!;
    const after = await responder.client.get(`/api/v1/conversations/${last.id}`);
    assert.deepEqual(
      [after.body.messages.map((m: { body: string }) => m.body), after.body.notes.map((n: { body: string }) => n.body)],
      [[last.payload, last.payload], [last.payload]],
      'reply and note come back exactly as sent',
    );
    assert.equal(after.headers.get('x-content-type-options'), 'nosniff');
  });

  it('shows every payload as text on the child’s conversation page', { timeout: 120_000 }, async () => {
    assert.equal(made.length, XSS_PAYLOADS.length + 1, 'every payload made a conversation');
    for (let start = 0; start < made.length; start += CONCURRENCY) {
      await Promise.all(
        made.slice(start, start + CONCURRENCY).map(async (entry) => {
          const read = await readConversation(world.app.baseUrl, 'amsterdam', entry.code);
          assert.equal(read.status, 200, read.html.slice(0, 500));
          entry.childPage = read.html;
        }),
      );
    }
    const benign = made.find((entry) => entry.payload === BENIGN);
    const hostile = made.filter((entry) => entry !== benign);
    const baseline = await inspect(mainOf(benign!.childPage));
    assert.ok(
      baseline.text.split(BENIGN).length - 1 >= 2,
      `the baseline shows its message and the reply: ${baseline.text}`,
    );
    for (let start = 0; start < hostile.length; start += PAGES_PER_DOCUMENT) {
      const batch = hostile.slice(start, start + PAGES_PER_DOCUMENT);
      const found = await inspect(batch.map((entry) => mainOf(entry.childPage)).join('\n<hr>\n'));
      assertOnlyBaseline(found, { ...baseline, tags: { ...baseline.tags, hr: 0 } }, batch.length, 'child pages');
      assert.equal(found.tags.hr, batch.length - 1);
      for (const { payload } of batch)
        assert.ok(found.text.split(payload).length - 1 >= 2, `message and reply shown as typed: ${payload}`);
    }
  });

  it('keeps what was typed, as text, when the write form comes back with an error', { timeout: 60_000 }, async () => {
    const sendWithError = async (message: string) => {
      const form = await request(world.app.baseUrl, 'GET', '/gemeente/amsterdam/schrijf');
      const answer = await request(world.app.baseUrl, 'POST', '/gemeente/amsterdam/schrijf', {
        message,
        name: message.slice(0, NAME_MAX_CHARS),
        age: 'not-an-age',
        contact: 'code',
        phone: '',
        email: '',
        website: '',
        token: formToken(form.html),
      });
      assert.equal(answer.status, 400, answer.html.slice(0, 500));
      return mainOf(answer.html);
    };
    const baseline = await inspect(await sendWithError(BENIGN));
    assert.ok(baseline.fieldValues.includes(BENIGN), 'the baseline keeps the message');
    for (let start = 0; start < XSS_PAYLOADS.length; start += PAGES_PER_DOCUMENT) {
      const batch = XSS_PAYLOADS.slice(start, start + PAGES_PER_DOCUMENT);
      const pages: string[] = [];
      for (let index = 0; index < batch.length; index += CONCURRENCY)
        pages.push(...(await Promise.all(batch.slice(index, index + CONCURRENCY).map(sendWithError))));
      const found = await inspect(pages.join('\n<hr>\n'));
      assertOnlyBaseline(found, { ...baseline, tags: { ...baseline.tags, hr: 0 } }, batch.length, 'write form');
      for (const payload of batch)
        assert.ok(found.fieldValues.includes(payload), `the textarea holds exactly what was typed: ${payload}`);
    }
  });

  it('shows payloads inert in the back office (name, message, reply and note)', { timeout: 120_000 }, async () => {
    // Signs in inside the browser (password, then TOTP), so the session cookie is the browser's own.
    await page.goto(`${localBase()}/beheer/aanmelden`);
    const signIn = (path: string, body: object) =>
      page.evaluate<number>(`(async () => {
        const { csrfToken } = await (await fetch('/api/v1/csrf')).json();
        const response = await fetch(${JSON.stringify(path)}, { method: 'POST', body: ${JSON.stringify(JSON.stringify(body))},
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken } });
        return response.status;
      })()`);
    assert.equal(await signIn('/api/v1/session', { email: responder.email, password: responder.password }), 200);
    const totp = nextTotp(responder.totpSecret, world.clock);
    assert.equal(await signIn('/api/v1/session/totp', { code: totp }), 200);
    // The SPA has its own CSP; an injected element or handler in its DOM is a finding all the same.
    const showConversation = async (entry: (typeof made)[number]) => {
      const before = dialogs.length;
      await page.goto(`${localBase()}/beheer/gesprekken/${entry.id}`);
      await page.getByText(entry.payload, { exact: true }).first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(100);
      return { ...(await page.evaluate<Omit<Findings, 'dialogs'>>(INSPECT)), dialogs: dialogs.slice(before) };
    };
    const baseline = await showConversation(made.find((entry) => entry.payload === BENIGN)!);
    const sample = made.filter((entry, index) => entry.payload !== BENIGN && index % 15 === 0);
    for (const entry of sample) {
      const found = await showConversation(entry);
      assert.deepEqual(found.dialogs, [], `no alert for ${entry.payload}`);
      assert.deepEqual(found.handlers, [], `no handler attribute for ${entry.payload}`);
      assert.deepEqual(found.scriptUrls, baseline.scriptUrls, `no script URL for ${entry.payload}`);
      for (const tag of FORBIDDEN_TAGS)
        assert.equal(found.tags[tag] ?? 0, baseline.tags[tag] ?? 0, `no injected <${tag}> for ${entry.payload}`);
      const shown = found.text.split(entry.payload.slice(0, NAME_MAX_CHARS)).length - 1;
      assert.ok(shown >= 4, `name, message, reply and note shown as typed (${shown}×): ${entry.payload}`);
    }
  });
});
