/**
 * Issue 4, "done when": a plain `pg_dump` of the database after a whole conversation (message, name,
 * e-mail contact detail, a reply, a note, the child writing back) holds none of its words — while the
 * conversation is there (its id is in the dump). A stolen dump reveals no content.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { startAccountsApp, type AccountsApp } from './helpers/accounts-app.ts';
import { childReply, formToken, readConversation, writeToMayor } from './helpers/child-client.ts';
import { databaseTargets } from './helpers/databases.ts';
import { plainDump } from './helpers/pg-dump.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from './helpers/staff.ts';

/** Words no registry, catalogue or migration contains, so finding one means content leaked. */
const SECRET = {
  message: 'zebrapaddenstoel onder de trampolinekelder',
  name: 'Kwartelvlinder Pimpelmees',
  email: 'flamingoreus.tandpasta@pinguinpostbus.example',
  reply: 'wolkenkrabberkoekje beantwoord door de gemeente',
  note: 'vertrouwelijke notitie over de kabeljauwfluit',
  childAgain: 'nog een vraag over de sprinkhaanschommel',
};

for (const target of databaseTargets()) {
  describe(`a pg_dump after a whole conversation (${target.name})`, () => {
    let world: AccountsApp;
    let responder: StaffMember;
    let conversationId: string;
    let code: string;

    before(async () => {
      world = await startAccountsApp(target, { OPENDEUR_DEMO: '1' });
      const national = await setUpFirstCoordinator(world.app, world.clock);
      responder = await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'responder.dump@amsterdam.example.nl',
        municipalityCode: 'GM0363',
        roles: ['responder'],
      });
    });
    after(async () => {
      await world?.stop();
    });

    it('runs the conversation through HTTP: write, reply, note, write back', async () => {
      const baseUrl = world.app.baseUrl;
      const sent = await writeToMayor(baseUrl, 'amsterdam', {
        message: SECRET.message,
        name: SECRET.name,
        age: '12_15',
        contact: 'email',
        email: SECRET.email,
      });
      assert.equal(sent.status, 200, sent.html.slice(0, 2000));
      assert.ok(sent.code, 'the confirmation shows a code in #child-code');
      code = sent.code;

      const inbox = await responder.client.get('/api/v1/conversations?status=all');
      assert.equal(inbox.status, 200, inbox.text);
      assert.equal(inbox.body.conversations.length, 1);
      conversationId = inbox.body.conversations[0].id;
      const detail = await responder.client.get(`/api/v1/conversations/${conversationId}`);
      assert.equal(detail.status, 200, detail.text);
      assert.equal(detail.body.messages[0].body, SECRET.message, 'the responder reads the message');
      assert.equal(detail.body.name, SECRET.name);
      assert.deepEqual(detail.body.contact, { preference: 'email', detail: SECRET.email });

      const replied = await responder.client.post(`/api/v1/conversations/${conversationId}/replies`, {
        body: SECRET.reply,
      });
      assert.equal(replied.status, 200, replied.text);
      const noted = await responder.client.post(`/api/v1/conversations/${conversationId}/notes`, {
        body: SECRET.note,
      });
      assert.equal(noted.status, 200, noted.text);

      const read = await readConversation(baseUrl, 'amsterdam', code);
      assert.equal(read.status, 200, read.html.slice(0, 2000));
      assert.ok(read.html.includes(SECRET.reply), 'the child reads the reply');
      assert.ok(!read.html.includes('kabeljauwfluit'), 'the child never sees the note');
      const again = await childReply(baseUrl, 'amsterdam', code, SECRET.childAgain, formToken(read.html));
      assert.equal(again.status, 200, again.html.slice(0, 2000));
      assert.ok(again.html.includes(SECRET.childAgain), 'the child sees what they wrote back');
    });

    it('leaves none of its words in a plain pg_dump, while the conversation is in it', async (t: TestContext) => {
      assert.ok(conversationId, 'the conversation was made');
      const databaseUrl = new URL(target.adminUrl);
      databaseUrl.pathname = new URL(world.app.server.databaseUrl).pathname;
      const result = await plainDump(target.adminUrl, databaseUrl.toString());
      if ('skip' in result) return void t.skip(result.skip);
      const { dump, binary } = result;
      t.diagnostic(`${binary}: ${(dump.length / 1024 / 1024).toFixed(1)} MB dump`);

      assert.ok(dump.includes(conversationId), 'the conversation is in the dump (its id)');
      assert.ok(dump.includes('COPY public.conversation_notes'), 'the dump holds the conversation tables');
      const words = Object.values(SECRET)
        .flatMap((text) => text.split(/[\s@.]+/))
        .filter((word) => word.length >= 9);
      words.push(SECRET.email, code, code.replace(/-/g, ' '));
      const leaked = words.filter((word) => dump.toLowerCase().includes(word.toLowerCase()));
      assert.deepEqual(leaked, [], 'no word of the conversation (nor the code) is in the dump');
      // And not as hex either (a bytea column is dumped as \x…).
      const hex = dump.toLowerCase();
      for (const word of words.slice(0, 6))
        assert.ok(!hex.includes(Buffer.from(word).toString('hex')), `"${word}" is not in the dump as hex`);
    });
  });
}
