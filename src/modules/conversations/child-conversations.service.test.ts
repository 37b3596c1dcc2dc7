import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AMSTERDAM,
  childMessage,
  createConversationServiceWorld,
  ROTTERDAM,
  type ConversationServiceWorld,
} from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { inTenant } from '../../db/tenant.ts';
import { decryptField, DecryptionError } from '../crypto/index.ts';
import {
  childReply,
  deleteConversationByChild,
  openConversation,
  startConversation,
} from './child-conversations.service.ts';
import { messageClaims } from './public-throttle.ts';

const DAY = 24 * 60 * 60 * 1000;

for (const target of databaseTargets()) {
  describe(`the child's conversations (${target.name})`, () => {
    let world: ConversationServiceWorld;
    before(async () => {
      world = await createConversationServiceWorld(target);
    });
    after(async () => {
      await world?.close();
    });

    const start = async (overrides = {}, now = new Date(), municipality = AMSTERDAM) => {
      const started = await startConversation(world.deps, municipality, childMessage(overrides), now);
      assert.ok(started.kind === 'started', 'the conversation starts');
      return started;
    };
    const status = async (id: string) =>
      (await world.database.asOwner<{ status: string }>('SELECT status FROM conversations WHERE id = $1', [id]))[0]
        ?.status;

    it('starts, opens with the code in any spelling, takes a reply and deletes, auditing only the deletion', async () => {
      const started = await start({ message: 'Mijn eerste bericht' });
      assert.match(started.code, /^[a-z]+(-[a-z]+){3}-\d{2}$/);
      assert.equal(await status(started.conversationId), 'new');

      const typed = `  ${started.code.toUpperCase().replace(/-/g, ' ')} `;
      const opened = await openConversation(world.deps, AMSTERDAM, typed, new Date());
      assert.equal(opened.kind, 'found');
      assert.ok(opened.kind === 'found');
      assert.equal(opened.conversation.id, started.conversationId);
      assert.equal(opened.conversation.status, 'new');
      assert.deepEqual(
        opened.conversation.messages.map((message) => [message.author, message.body]),
        [['child', 'Mijn eerste bericht']],
      );

      const replied = await childReply(
        world.deps,
        AMSTERDAM,
        started.code,
        'Nog een vraag',
        'reply-token-1',
        new Date(),
      );
      assert.equal(replied.kind, 'sent');
      assert.ok(replied.kind === 'sent');
      assert.equal(replied.conversation.status, 'open');
      assert.deepEqual(
        replied.conversation.messages.map((message) => message.body),
        ['Mijn eerste bericht', 'Nog een vraag'],
      );
      assert.equal(await status(started.conversationId), 'open');
      const audited = await world.database.asOwner(`SELECT 1 FROM audit_log WHERE object_id = $1`, [
        started.conversationId,
      ]);
      assert.equal(audited.length, 0, 'sending is not audited (the chain would serialise every child)');

      assert.deepEqual(await deleteConversationByChild(world.deps, AMSTERDAM, started.code, new Date()), {
        kind: 'deleted',
      });
      for (const table of ['conversations', 'conversation_messages']) {
        const column = table === 'conversations' ? 'id' : 'conversation_id';
        const rows = await world.database.asOwner(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [
          started.conversationId,
        ]);
        assert.equal(rows.length, 0, `${table} rows are gone`);
      }
      const [entry] = await world.database.asOwner<Record<string, unknown>>(
        `SELECT actor_user_id, actor_role, municipality_code, action, object_type, details::text AS details
         FROM audit_log WHERE object_id = $1`,
        [started.conversationId],
      );
      assert.deepEqual(entry, {
        actor_user_id: null,
        actor_role: null,
        municipality_code: AMSTERDAM,
        action: 'conversation.deleted_by_child',
        object_type: 'conversation',
        details: '{}',
      });
      assert.deepEqual(await openConversation(world.deps, AMSTERDAM, started.code, new Date()), { kind: 'not_found' });
    });

    it('stores message, name and contact detail encrypted, bound to their municipality', async () => {
      const secret = { message: 'Geheim-bericht-Zeldzaam-4711', name: 'Geheimnaam-Qwerty', detail: '0612-zeldzaam' };
      const started = await start({
        message: secret.message,
        name: secret.name,
        contact: { preference: 'phone', detail: secret.detail },
      });
      const [row] = await world.database.asOwner<Record<string, unknown>>(
        `SELECT c::text AS conversation, m::text AS message, m.id AS message_id, m.body
         FROM conversations c JOIN conversation_messages m ON m.conversation_id = c.id WHERE c.id = $1`,
        [started.conversationId],
      );
      assert.ok(row);
      const raw = `${String(row.conversation)} ${String(row.message)}`;
      const rawHex = raw.toLowerCase();
      for (const plaintext of Object.values(secret)) {
        assert.ok(!raw.includes(plaintext), `the row holds "${plaintext}" in plain text`);
        assert.ok(!rawHex.includes(Buffer.from(plaintext).toString('hex')), `the row holds "${plaintext}" as hex`);
      }
      assert.ok(!raw.includes(started.code), 'the code itself is not stored');
      const context = {
        municipalityCode: AMSTERDAM,
        table: 'conversation_messages',
        recordId: String(row.message_id),
        column: 'body',
      };
      const body = row.body as Buffer;
      const inAmsterdam = await inTenant(world.deps.db, { kind: 'municipality', code: AMSTERDAM }, (tx) =>
        decryptField(world.keyring, tx, context, body),
      );
      assert.equal(inAmsterdam, secret.message);
      await assert.rejects(
        inTenant(world.deps.db, { kind: 'municipality', code: ROTTERDAM }, (tx) =>
          decryptField(world.keyring, tx, context, body),
        ),
        DecryptionError,
      );
      await assert.rejects(
        inTenant(world.deps.db, { kind: 'municipality', code: ROTTERDAM }, (tx) =>
          decryptField(world.keyring, tx, { ...context, municipalityCode: ROTTERDAM }, body),
        ),
        DecryptionError,
      );
    });

    it('stores a form sent twice once, for a first message and for a reply', async () => {
      const count = async () =>
        (
          await world.database.asOwner<{ conversations: number; messages: number }>(
            `SELECT (SELECT count(*)::int FROM conversations) AS conversations,
                    (SELECT count(*)::int FROM conversation_messages) AS messages`,
          )
        )[0]!;
      const before = await count();
      const input = childMessage({ submissionToken: 'same-token-twice' });
      const first = await startConversation(world.deps, AMSTERDAM, input, new Date());
      assert.ok(first.kind === 'started');
      assert.deepEqual(await startConversation(world.deps, AMSTERDAM, input, new Date()), { kind: 'duplicate' });
      assert.deepEqual(await count(), { conversations: before.conversations + 1, messages: before.messages + 1 });

      const sent = await childReply(world.deps, AMSTERDAM, first.code, 'Dubbel getikt', 'reply-twice', new Date());
      assert.equal(sent.kind, 'sent');
      const again = await childReply(world.deps, AMSTERDAM, first.code, 'Dubbel getikt', 'reply-twice', new Date());
      assert.ok(again.kind === 'duplicate');
      assert.deepEqual(
        again.conversation.messages.map((message) => message.body),
        [input.message, 'Dubbel getikt'],
      );
      assert.deepEqual(await count(), { conversations: before.conversations + 1, messages: before.messages + 2 });
    });

    it('counts the message on its limits in the statement that stores it: a refusal stores nothing but the count', async () => {
      const count = async () =>
        (
          await world.database.asOwner<{ conversations: number }>(
            'SELECT count(*)::int AS conversations FROM conversations',
          )
        )[0]!.conversations;
      const now = new Date();
      const send = (source: string, text: string) =>
        startConversation(
          world.deps,
          AMSTERDAM,
          childMessage({ message: text }),
          now,
          messageClaims(world.keyring, source, AMSTERDAM, text),
        );
      const before = await count();
      // Flood: the same text (spacing and case aside) a fourth time in ten minutes, from anywhere.
      for (const [index, text] of ['Help mij', 'help  mij', 'HELP MIJ'].entries())
        assert.equal((await send(`192.0.2.${index + 1}`, text)).kind, 'started');
      assert.deepEqual(await send('192.0.2.9', 'Help mij '), { kind: 'refused', refusal: { refusal: 'flood' } });
      assert.equal(await count(), before + 3, 'the flood stored nothing');
      // The source's limit: ten an hour; the eleventh is refused until the window's end.
      for (let sent = 0; sent < 10; sent++)
        assert.equal((await send('198.51.100.77', `Bericht ${sent}`)).kind, 'started');
      const refused = await send('198.51.100.77', 'Bericht elf');
      assert.ok(refused.kind === 'refused' && refused.refusal.refusal === 'throttled', JSON.stringify(refused));
      assert.equal(refused.refusal.until.getTime(), now.getTime() + 60 * 60_000, 'until the hour is over');
      assert.equal(await count(), before + 13);
      const [counter] = await world.database.asOwner<{ total: number }>(
        'SELECT max(count)::int AS total FROM public_throttle',
      );
      assert.ok(counter!.total >= 11, 'the refused message was counted (its counters committed)');
    });

    it('answers expired for a right code after the expiry days without activity, not_found for a wrong one', async () => {
      const written = new Date('2025-01-01T10:00:00Z');
      const started = await start({}, written);
      const stillValid = new Date(written.getTime() + 90 * DAY);
      const tooLate = new Date(written.getTime() + 90 * DAY + 1000);
      assert.equal((await openConversation(world.deps, AMSTERDAM, started.code, stillValid)).kind, 'found');
      assert.deepEqual(await openConversation(world.deps, AMSTERDAM, started.code, tooLate), { kind: 'expired' });
      assert.deepEqual(await childReply(world.deps, AMSTERDAM, started.code, 'Hallo?', 't-expired', tooLate), {
        kind: 'expired',
      });
      assert.deepEqual(await deleteConversationByChild(world.deps, AMSTERDAM, started.code, tooLate), {
        kind: 'expired',
      });
      // A reply within the window restarts the clock.
      assert.equal(
        (await childReply(world.deps, AMSTERDAM, started.code, 'Hoi', 't-in-time', stillValid)).kind,
        'sent',
      );
      assert.equal((await openConversation(world.deps, AMSTERDAM, started.code, tooLate)).kind, 'found');

      const parts = started.code.split('-');
      const otherDigits = `${parts.slice(0, 4).join('-')}-${parts[4] === '00' ? '01' : '00'}`;
      for (const wrong of [otherDigits, 'dit is geen code', '', started.code.slice(0, -1)]) {
        assert.deepEqual(await openConversation(world.deps, AMSTERDAM, wrong, stillValid), { kind: 'not_found' });
        assert.deepEqual(await childReply(world.deps, AMSTERDAM, wrong, 'x', `t-${wrong}`, stillValid), {
          kind: 'not_found',
        });
        assert.deepEqual(await deleteConversationByChild(world.deps, AMSTERDAM, wrong, stillValid), {
          kind: 'not_found',
        });
      }
      assert.deepEqual(
        await openConversation(world.deps, ROTTERDAM, started.code, stillValid),
        { kind: 'not_found' },
        "another municipality's page does not find the conversation",
      );
    });

    it('reopens a waiting or closed conversation when the child writes back', async () => {
      const started = await start();
      for (const from of ['waiting', 'closed']) {
        await world.database.asOwner(`UPDATE conversations SET status = $2, closed_at = now() WHERE id = $1`, [
          started.conversationId,
          from,
        ]);
        const replied = await childReply(
          world.deps,
          AMSTERDAM,
          started.code,
          'Ik ben er weer',
          `t-${from}`,
          new Date(),
        );
        assert.ok(replied.kind === 'sent');
        assert.equal(replied.conversation.status, 'open');
        const [row] = await world.database.asOwner<{ status: string; closed_at: Date | null }>(
          'SELECT status, closed_at FROM conversations WHERE id = $1',
          [started.conversationId],
        );
        assert.deepEqual(row, { status: 'open', closed_at: null });
      }
    });

    it("e-mails only that municipality's active responders and coordinators, without any content", async () => {
      // Earlier tests' alerts are dispatched without being awaited: settle them, so none mails the staff added here.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await world.database.asOwner('UPDATE alerts SET acknowledged_at = now() WHERE acknowledged_at IS NULL');
      await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Anna Antwoord' });
      await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Cor',
        locale: 'en',
      });
      await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['front_desk'], name: 'Balie' });
      await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Weg', active: false });
      await world.addStaff({ municipalityCode: ROTTERDAM, roles: ['responder'], name: 'Rotterdammer' });
      await world.addStaff({ municipalityCode: null, roles: ['national_coordinator'], name: 'Landelijk' });
      world.mailer.sent.length = 0;
      world.deps.logged.length = 0; // earlier alerts found nobody to tell (no staff yet) and said so
      const secret = { message: 'Inhoud-die-niet-gemaild-mag-worden', name: 'Naam-niet-mailen' };
      const later = (minutes: number) => new Date(Date.now() + 24 * 60 * 60_000 + minutes * 60_000);
      const started = await start(secret, later(0));
      const mails = await world.mailer.waitFor(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(mails.length, 2, JSON.stringify(mails.map((mail) => mail.to)));
      assert.deepEqual(mails.map((mail) => mail.to.split('@')[0]).sort(), ['staff1.gm0363', 'staff2.gm0363']);
      for (const mail of mails) {
        // Issue 5: the on-call alert (no roster here, so the whole team), one-click acknowledgement link,
        // in each account's language (Cor reads English).
        const english = mail.to.startsWith('staff2.');
        assert.equal(
          mail.subject,
          english
            ? 'A child is seeking contact with the municipality of Amsterdam'
            : 'Een kind zoekt contact met gemeente Amsterdam',
        );
        assert.match(mail.text, /https:\/\/opendeur\.example\/alerts\/bevestig\?token=[\w-]{43}(&lang=en)?$/);
        assert.equal(mail.text.endsWith('&lang=en'), english);
        const all = `${mail.subject}\n${mail.text}`;
        for (const forbidden of [secret.message, secret.name, 'noor.geheim', started.code, started.conversationId])
          assert.ok(!all.includes(forbidden), `the e-mail holds ${forbidden}`);
      }

      world.mailer.sent.length = 0;
      await childReply(world.deps, AMSTERDAM, started.code, 'Nog niet opgepakt', 'quiet-reply', later(0.5));
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(world.mailer.sent.length, 0, 'while the alert is not yet picked up, the team is not told again');
      await world.database.asOwner('UPDATE alerts SET acknowledged_at = now() WHERE conversation_id = $1', [
        started.conversationId,
      ]);
      await childReply(world.deps, AMSTERDAM, started.code, 'Nog iets', 'notify-reply', later(2));
      assert.equal((await world.mailer.waitFor(2)).length, 2, 'a reply after the alert was picked up alerts again');
      assert.deepEqual(world.deps.logged, []);
    });
  });
}
