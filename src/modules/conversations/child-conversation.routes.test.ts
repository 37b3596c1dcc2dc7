import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { formToken, shownCode } from '../../../test/helpers/child-client.ts';
import { testClock, type TestClock } from '../../../test/helpers/clock.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { assertHelpNumbers, assertPublicResponse, htmlLanguage, message } from '../../../test/helpers/html.ts';

const DAY = 24 * 60 * 60 * 1000;
const WRITE = '/gemeente/amsterdam/schrijf';
const READ = '/gemeente/amsterdam/lees';
let sourceCounter = 1;
/** A source address of its own, so one test's throttle counts never reach another's. */
const freshSource = () => `10.${sourceCounter >> 8}.${sourceCounter++ & 255}.7`;
let textCounter = 0;
/** A message text not sent before (the same text four times in ten minutes counts as a flood). */
const uniqueText = (text = 'Thuis gaat het niet goed') => `${text} (${++textCounter})`;
/** The start tag of the form control with this id. */
const tagOf = (html: string, id: string) =>
  new RegExp(`<(?:input|textarea|select)\\b[^>]*\\bid="${id}"[^>]*>`).exec(html)?.[0] ?? `(no #${id})`;

for (const target of databaseTargets()) {
  describe(`the child's pages: write, read, reply, delete (${target.name})`, () => {
    let app: TestApp;
    let clock: TestClock;
    /** Every response of the child's pages, checked once more at the end. */
    const seen: Array<{ url: string; response: LightMyRequestResponse; code?: string }> = [];

    const check = (url: string, response: LightMyRequestResponse) => {
      seen.push({ url, response });
      assertPublicResponse(response, url);
      assert.equal(response.headers['cache-control'], 'no-store', `no-store on ${url}`);
      return response;
    };
    const get = async (url: string) => check(url, await app.server.app.inject({ method: 'GET', url }));
    const post = async (url: string, fields: Record<string, string>, source = freshSource()) =>
      check(
        url,
        await app.server.app.inject({
          method: 'POST',
          url,
          remoteAddress: source,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(fields).toString(),
        }),
      );
    const writeForm = (fields: Partial<Record<string, string>> = {}, token?: string) => ({
      message: uniqueText(),
      name: '',
      age: '',
      contact: 'code',
      phone: '',
      email: '',
      website: '',
      token: token ?? `token-${Math.random().toString(36).slice(2)}-${Date.now()}`,
      ...fields,
    });
    /** Writes a message and answers the code shown. */
    const write = async (fields: Partial<Record<string, string>> = {}, source?: string) => {
      const response = await post(WRITE, writeForm(fields), source);
      assert.equal(response.statusCode, 200, response.body.slice(0, 500));
      const code = shownCode(response.body);
      assert.ok(code, 'a code is shown');
      seen.push({ url: WRITE, response, code });
      return { response, code };
    };
    const count = async (table: 'conversations' | 'conversation_messages') =>
      Number((await app.owner.pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

    before(async () => {
      clock = testClock();
      app = await startTestApp(target, { demo: true, clock });
    });
    after(async () => {
      await app?.stop();
    });

    it('shows the write form with 112 and De Kindertelefoon above it, in Dutch, English and Arabic', async () => {
      for (const [prefix, locale, dir] of [
        ['', 'nl', 'ltr'],
        ['/en', 'en', 'ltr'],
        ['/ar', 'ar', 'rtl'],
      ] as const) {
        const response = await get(`${prefix}${WRITE}`);
        assert.equal(response.statusCode, 200);
        assert.deepEqual(htmlLanguage(response.body), { lang: locale, dir });
        const form = response.body.indexOf('<form');
        assert.ok(response.body.indexOf('href="tel:112"') < form, '112 above the form');
        assert.ok(response.body.indexOf(message(locale, 'write.danger')) < form);
        assert.ok(response.body.indexOf('href="tel:08000432"') < form, 'De Kindertelefoon above the form');
        assert.ok(response.body.includes(`action="${prefix}${WRITE}"`) && response.body.includes('method="post"'));
        for (const field of ['message', 'name', 'age', 'contact', 'phone', 'email', 'website', 'token'])
          assert.ok(response.body.includes(`name="${field}"`), `${locale}: field ${field}`);
        const honeypot = tagOf(response.body, 'website');
        for (const attribute of ['name="website"', 'tabindex="-1"', 'autocomplete="off"', 'value=""'])
          assert.ok(honeypot.toLowerCase().includes(attribute.toLowerCase()), `honeypot ${attribute}`);
        assert.ok(response.body.includes(message(locale, 'write.contactWarning')));
        assert.ok(formToken(response.body).length >= 40, 'a one-time token');
        assertHelpNumbers(response.body, `${locale} write page`);
      }
      assert.notEqual(formToken((await get(WRITE)).body), formToken((await get(WRITE)).body), 'a new token each time');
    });

    it('answers a message with a code, who reads it and within how many hours (default 24, else the setting)', async () => {
      const before = await count('conversations');
      const { response, code } = await write({ message: uniqueText('Ik wil iets vertellen'), name: 'Sam' });
      assert.match(code, /^[a-z]+(-[a-z]+){3}-\d{2}$/);
      assert.equal(await count('conversations'), before + 1);
      assert.ok(response.body.includes(message('nl', 'sent.writeItDown')));
      assert.ok(response.body.includes(message('nl', 'sent.whoReads', { name: 'Amsterdam' })));
      assert.ok(response.body.includes(message('nl', 'sent.when', { count: 24 })), 'the default: 24 hours');
      assert.ok(response.body.includes(`href="${READ}"`), 'a way to read the answer');

      await app.owner.pool.query(
        `INSERT INTO municipality_conversation_settings (municipality_code, reply_within_hours) VALUES ('GM0363', 8)`,
      );
      const english = await post(`/en${WRITE}`, writeForm());
      assert.equal(english.statusCode, 200);
      assert.ok(english.body.includes(message('en', 'sent.when', { count: 8 })), "the municipality's own setting");
      const arabic = await post(`/ar${WRITE}`, writeForm());
      assert.equal(htmlLanguage(arabic.body).dir, 'rtl');
      assert.ok(arabic.body.includes(message('ar', 'sent.writeItDown')));
    });

    it('keeps everything typed after an error (never the honeypot), with a summary linking to each field', async () => {
      const before = await count('conversations');
      const response = await post(
        WRITE,
        writeForm({ message: '  ', name: 'Bijnaam Sam', age: '12_15', contact: 'phone', website: 'honey-xyz' }),
      );
      assert.equal(response.statusCode, 400);
      const html = response.body;
      assert.ok(html.includes('<title>' + message('nl', 'form.errorPrefix')), 'the title says there is an error');
      assert.ok(html.includes('role="alert"'), 'an error summary');
      assert.ok(html.includes(`href="#bericht">${message('nl', 'form.error.messageMissing')}</a>`));
      assert.ok(html.includes(`href="#telefoon">${message('nl', 'form.error.phoneMissing')}</a>`));
      assert.ok(tagOf(html, 'bericht').includes('aria-invalid="true" aria-describedby="bericht-hint bericht-fout"'));
      assert.ok(tagOf(html, 'telefoon').includes('aria-invalid="true" aria-describedby="telefoon-fout"'));
      assert.ok(html.includes('value="Bijnaam Sam"'), 'the name is kept');
      assert.match(html, /<option value="12_15" selected="">/, 'the age is kept');
      assert.ok(tagOf(html, 'contact-phone').includes('checked=""'), 'the contact choice is kept');
      assert.ok(!html.includes('honey-xyz'), 'the honeypot is never shown again');
      assert.equal(await count('conversations'), before, 'nothing stored');

      const typed = 'Regel een\nRegel <twee> & drie';
      const email = await post(WRITE, writeForm({ message: typed, contact: 'email', email: 'geen-adres' }));
      assert.equal(email.statusCode, 400);
      assert.ok(email.body.includes(message('nl', 'form.error.emailInvalid')));
      assert.ok(email.body.includes('Regel een\nRegel &lt;twee&gt; &amp; drie</textarea>'), 'the message is kept');

      const tooLong = await post(WRITE, writeForm({ message: 'x'.repeat(5001), age: 'ninety' }));
      assert.equal(tooLong.statusCode, 400);
      assert.ok(tooLong.body.includes(message('nl', 'form.error.messageTooLong', { count: 5000 })));
      assert.ok(tooLong.body.includes(message('nl', 'form.error.ageInvalid')));
      assert.equal(await count('conversations'), before);
    });

    it('stores nothing when the honeypot is filled in, yet answers like a normal confirmation', async () => {
      const before = await count('conversations');
      const response = await post(WRITE, writeForm({ website: 'http://spam.example' }));
      assert.equal(response.statusCode, 200);
      assert.match(shownCode(response.body) ?? '', /^[a-z]+(-[a-z]+){3}-\d{2}$/);
      assert.ok(response.body.includes(message('nl', 'sent.writeItDown')));
      assert.equal(await count('conversations'), before);
    });

    it('stores one conversation when the same form is sent twice', async () => {
      const before = await count('conversations');
      const fields = writeForm();
      const first = await post(WRITE, fields);
      assert.ok(shownCode(first.body));
      const second = await post(WRITE, fields);
      assert.equal(second.statusCode, 200);
      assert.equal(shownCode(second.body), undefined, 'no second code');
      assert.ok(second.body.includes(message('nl', 'sent.duplicateTitle')));
      assert.equal(await count('conversations'), before + 1);
    });

    it('refuses the eleventh message in an hour from one source with 429 and a clear message, keeping the text', async () => {
      const source = freshSource();
      for (let sent = 0; sent < 10; sent++) await write({}, source);
      const text = uniqueText('Nog een bericht');
      const refused = await post(WRITE, writeForm({ message: text }), source);
      assert.equal(refused.statusCode, 429);
      const seconds = Number(refused.headers['retry-after']);
      assert.ok(seconds > 0 && seconds <= 3600, `Retry-After ${refused.headers['retry-after']}`);
      const minutes = Math.ceil(seconds / 60);
      assert.ok(refused.body.includes(message('nl', 'form.notice.tooManyMessages', { count: minutes })));
      assert.ok(refused.body.includes(text), 'the message is kept');
      assert.equal((await post(WRITE, writeForm())).statusCode, 200, 'another source may still write');
    });

    it('opens the conversation with the code in any spelling; the message is plain text', async () => {
      const { code } = await write({ message: uniqueText('Eerste regel\n<script>alert(1)</script>') });
      const typed = `  ${code.toUpperCase().replace(/-/g, ' ')} `;
      const response = await post(READ, { code: typed });
      assert.equal(response.statusCode, 200);
      assert.ok(response.body.includes(message('nl', 'conversation.title', { name: 'Amsterdam' })));
      assert.ok(response.body.includes('Eerste regel\n&lt;script&gt;alert(1)&lt;/script&gt;'), 'escaped, lines kept');
      assert.ok(response.body.includes('class="od-message od-message--child"'));
      assert.ok(response.body.includes(message('nl', 'conversation.noReplyYet')));
      assert.ok(
        response.body.includes(`action="${READ}/antwoord"`) && response.body.includes(`action="${READ}/verwijder"`),
      );
      assert.match(response.body, /<time dateTime="\d{4}-\d{2}-\d{2}T/i);

      const form = await get(READ);
      assert.equal(form.statusCode, 200);
      const field = tagOf(form.body, 'code').toLowerCase();
      for (const attribute of ['name="code"', 'autocomplete="off"', 'autocapitalize="none"', 'spellcheck="false"'])
        assert.ok(field.includes(attribute), attribute);
      for (const prefix of ['/en', '/ar']) assert.equal((await post(`${prefix}${READ}`, { code })).statusCode, 200);
    });

    it('says a code is wrong, keeps what was typed, and says so when the code is missing', async () => {
      const wrong = await post(READ, { code: 'fiets appel maan boek 00' });
      assert.equal(wrong.statusCode, 400);
      assert.ok(wrong.body.includes(message('nl', 'form.error.codeWrong')));
      assert.ok(wrong.body.includes('value="fiets appel maan boek 00"'));
      assert.ok(tagOf(wrong.body, 'code').includes('aria-invalid="true"'));
      const missing = await post(READ, { code: '' });
      assert.equal(missing.statusCode, 400);
      assert.ok(missing.body.includes(message('nl', 'form.error.codeMissing')));
    });

    it('refuses code guesses after ten from one source with 429, even the right code; another source still reads', async () => {
      const { code } = await write();
      const source = freshSource();
      for (let guess = 0; guess < 10; guess++) {
        const response = await post(READ, { code: `fiets-appel-maan-boek-${String(guess).padStart(2, '0')}` }, source);
        assert.equal(response.statusCode, 400, `guess ${guess + 1}`);
      }
      const refused = await post(READ, { code }, source);
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      const minutes = Math.ceil(Number(refused.headers['retry-after']) / 60);
      assert.ok(refused.body.includes(message('nl', 'form.notice.tooManyCodes', { count: minutes })));
      assert.equal((await post(READ, { code })).statusCode, 200);
    });

    it('takes a reply once, even when the reply form is sent twice; an empty reply is refused', async () => {
      const { code } = await write();
      const page = await post(READ, { code });
      const token = formToken(page.body);
      const messagesBefore = await count('conversation_messages');
      const fields = { code, message: uniqueText('Ik schrijf terug'), token };
      const sent = await post(`${READ}/antwoord`, fields);
      assert.equal(sent.statusCode, 200);
      assert.ok(sent.body.includes(message('nl', 'conversation.sent')));
      assert.equal((sent.body.match(/od-message--child/g) ?? []).length, 2);
      assert.equal((await post(`${READ}/antwoord`, fields)).statusCode, 200);
      assert.equal(await count('conversation_messages'), messagesBefore + 1, 'one message for one form');

      const empty = await post(`${READ}/antwoord`, { code, message: ' ', token: formToken(sent.body) });
      assert.equal(empty.statusCode, 400);
      assert.ok(empty.body.includes(`href="#antwoord">${message('nl', 'form.error.messageMissing')}</a>`));
      assert.equal(await count('conversation_messages'), messagesBefore + 1);
      const wrongCode = await post(`${READ}/antwoord`, { code: 'x', message: 'Hallo', token: formToken(sent.body) });
      assert.equal(wrongCode.statusCode, 400);
      assert.ok(wrongCode.body.includes(message('nl', 'form.error.codeWrong')));
    });

    it('asks once more before deleting, then deletes everything; the code stops working', async () => {
      const { code } = await write();
      const before = await count('conversations');
      const ask = await post(`${READ}/verwijder`, { code });
      assert.equal(ask.statusCode, 200);
      assert.ok(ask.body.includes(message('nl', 'delete.title')));
      assert.ok(ask.body.includes('name="confirm" value="yes"'));
      assert.equal(await count('conversations'), before, 'nothing deleted yet');

      const deleted = await post(`${READ}/verwijder`, { code, confirm: 'yes' });
      assert.equal(deleted.statusCode, 200);
      assert.ok(deleted.body.includes(message('nl', 'deleted.title')));
      assert.equal(await count('conversations'), before - 1);
      assert.equal((await post(READ, { code })).statusCode, 400, 'the code no longer works');
      assert.equal((await post(`${READ}/verwijder`, { code: 'geen code' })).statusCode, 400);
    });

    it('leads away from a municipality that does not take part, and answers 404 for an unknown one', async () => {
      for (const [method, url, location] of [
        ['GET', '/gemeente/utrecht/schrijf', '/gemeente/utrecht'],
        ['POST', '/gemeente/utrecht/schrijf', '/gemeente/utrecht'],
        ['GET', '/en/gemeente/utrecht/lees', '/en/gemeente/utrecht'],
        ['POST', '/ar/gemeente/utrecht/lees', '/ar/gemeente/utrecht'],
      ] as const) {
        const response =
          method === 'GET' ? await get(url) : await post(url, url.endsWith('lees') ? { code: 'x' } : writeForm());
        assert.equal(response.statusCode, 303, url);
        assert.equal(response.headers.location, location, url);
      }
      assert.equal((await get('/gemeente/atlantis/schrijf')).statusCode, 404);
      assert.equal((await post('/gemeente/atlantis/lees', { code: 'x' })).statusCode, 404);
    });

    it('says an expired code no longer works and what to do instead (410)', async () => {
      const { code } = await write();
      clock.advance(91 * DAY);
      const response = await post(READ, { code });
      assert.equal(response.statusCode, 410);
      assert.ok(response.body.includes(message('nl', 'read.expiredTitle')));
      assert.ok(response.body.includes(message('nl', 'read.expiredText', { count: 90, number: '0800-0432' })));
      assert.ok(response.body.includes(`href="${WRITE}"`), 'write a new message');
    });

    it('never sets a cookie, never stores a page, and never puts a code in a URL', () => {
      const codes = seen.flatMap((entry) => (entry.code ? [entry.code] : []));
      assert.ok(codes.length >= 10 && seen.length >= 40, `${codes.length} codes, ${seen.length} responses`);
      for (const { url, response } of seen) {
        assert.equal(response.headers['set-cookie'], undefined, url);
        assert.equal(response.headers['cache-control'], 'no-store', url);
        const location = String(response.headers.location ?? '');
        const links = [...response.body.matchAll(/\b(?:href|action)="([^"]*)"/g)].map((match) => match[1]!);
        for (const code of codes) {
          assert.ok(!location.includes(code), `no code in Location (${url})`);
          assert.ok(!links.some((link) => link.includes(code)), `no code in a link or form action (${url})`);
        }
      }
    });
  });
}
