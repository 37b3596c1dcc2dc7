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
import { ApiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { childReply, openConversation, startConversation } from './child-conversations.service.ts';
import {
  addNote,
  assignConversation,
  closeConversation,
  listAssignees,
  listInbox,
  readConversation,
  reopenConversation,
  replyToChild,
} from './inbox.service.ts';

/** Asserts that `work` fails with the API error `id`. */
async function rejectsWith(work: Promise<unknown>, id: string) {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.id, id);
    return true;
  });
}

for (const target of databaseTargets()) {
  describe(`the municipality's inbox (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let responder: Actor;
    let coordinator: Actor;
    let frontDesk: Actor;
    let rotterdamResponder: Actor;
    let national: Actor;
    before(async () => {
      world = await createConversationServiceWorld(target);
      responder = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Anna' });
      coordinator = await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Cor',
      });
      frontDesk = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['front_desk'], name: 'Balie' });
      rotterdamResponder = await world.addStaff({ municipalityCode: ROTTERDAM, roles: ['responder'], name: 'Rob' });
      national = await world.addStaff({ municipalityCode: null, roles: ['national_coordinator'], name: 'Landelijk' });
    });
    after(async () => {
      await world?.close();
    });

    const start = async (overrides = {}, municipality = AMSTERDAM) => {
      const started = await startConversation(world.deps, municipality, childMessage(overrides), new Date());
      assert.ok(started.kind === 'started');
      return started;
    };
    const auditOf = (conversationId: string) =>
      world.database.asOwner<{ action: string; actor_user_id: string; actor_role: string; details: string }>(
        `SELECT action, actor_user_id, actor_role, details::text AS details FROM audit_log
         WHERE object_type = 'conversation' AND object_id = $1 ORDER BY id`,
        [conversationId],
      );

    it('reads, replies, notes, assigns, closes and reopens, auditing each without content', async () => {
      const secret = {
        message: 'Kind-bericht-geheim',
        name: 'Kindnaam-geheim',
        reply: 'Antwoord-geheim',
        note: 'Notitie-geheim',
      };
      const started = await start({ message: secret.message, name: secret.name });

      const read = await readConversation(world.deps, responder, started.conversationId);
      assert.equal(read.status, 'new');
      assert.equal(read.name, secret.name);
      assert.deepEqual(read.contact, { preference: 'email', detail: 'noor.geheim@example.org' });
      assert.equal(read.ageRange, '12_15');
      assert.deepEqual(
        read.messages.map((message) => [message.author, message.authorName, message.body]),
        [['child', null, secret.message]],
      );

      const replied = await replyToChild(world.deps, responder, started.conversationId, secret.reply);
      assert.equal(replied.status, 'waiting');
      assert.deepEqual(
        replied.messages.map((message) => [message.author, message.authorName, message.body]),
        [
          ['child', null, secret.message],
          ['staff', 'Anna', secret.reply],
        ],
      );
      const child = await openConversation(world.deps, AMSTERDAM, started.code, new Date());
      assert.ok(child.kind === 'found');
      assert.deepEqual(
        child.conversation.messages.map((message) => [message.author, message.body]),
        [
          ['child', secret.message],
          ['staff', secret.reply],
        ],
      );
      assert.ok(!JSON.stringify(child).includes('Anna'), 'the child never sees staff names');

      const noted = await addNote(world.deps, coordinator, started.conversationId, secret.note);
      assert.deepEqual(
        noted.notes.map((note) => [note.authorName, note.body]),
        [['Cor', secret.note]],
      );
      assert.ok(!JSON.stringify(child).includes(secret.note), 'notes are not shown to the child');

      const assigned = await assignConversation(world.deps, coordinator, started.conversationId, responder.userId);
      assert.deepEqual(assigned.assignedTo, { id: responder.userId, displayName: 'Anna' });
      const closed = await closeConversation(world.deps, responder, started.conversationId);
      assert.equal(closed.status, 'closed');
      await rejectsWith(replyToChild(world.deps, responder, started.conversationId, 'te laat'), 'conversation.closed');
      const reopened = await reopenConversation(world.deps, responder, started.conversationId);
      assert.equal(reopened.status, 'open');
      const unassigned = await assignConversation(world.deps, responder, started.conversationId, null);
      assert.equal(unassigned.assignedTo, null);

      const entries = await auditOf(started.conversationId);
      assert.deepEqual(
        entries.map((entry) => [entry.action, entry.actor_user_id, entry.actor_role]),
        [
          ['conversation.read', responder.userId, 'responder'],
          ['conversation.replied', responder.userId, 'responder'],
          ['conversation.noted', coordinator.userId, 'municipal_coordinator'],
          ['conversation.assigned', coordinator.userId, 'municipal_coordinator'],
          ['conversation.closed', responder.userId, 'responder'],
          ['conversation.reopened', responder.userId, 'responder'],
          ['conversation.assigned', responder.userId, 'responder'],
        ],
      );
      assert.deepEqual(JSON.parse(entries[3]!.details), { assignee: responder.userId });
      const everything = JSON.stringify(
        await world.database.asOwner('SELECT * FROM audit_log WHERE object_id = $1', [started.conversationId]),
      );
      for (const plaintext of Object.values(secret))
        assert.ok(!everything.includes(plaintext), `audit holds ${plaintext}`);
    });

    it("keeps other municipalities' conversations out of reach, and national coordinators out", async () => {
      const started = await start();
      await rejectsWith(
        readConversation(world.deps, rotterdamResponder, started.conversationId),
        'conversation.not_found',
      );
      await rejectsWith(
        replyToChild(world.deps, rotterdamResponder, started.conversationId, 'hallo'),
        'conversation.not_found',
      );
      await rejectsWith(
        closeConversation(world.deps, rotterdamResponder, started.conversationId),
        'conversation.not_found',
      );
      const rotterdamInbox = await listInbox(world.deps, rotterdamResponder, {}, new Date());
      assert.ok(!rotterdamInbox.conversations.some((item) => item.id === started.conversationId));
      await rejectsWith(readConversation(world.deps, national, started.conversationId), 'conversation.no_municipality');
      await rejectsWith(listInbox(world.deps, national, {}, new Date()), 'conversation.no_municipality');
      await rejectsWith(readConversation(world.deps, responder, 'not-a-uuid'), 'conversation.not_found');
      assert.equal((await auditOf(started.conversationId)).length, 0, 'refused reads leave no read entry');
    });

    it('assigns only to active responders and coordinators of the same municipality', async () => {
      const started = await start();
      const inactive = await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['responder'],
        name: 'Oud',
        active: false,
      });
      for (const userId of [frontDesk.userId, rotterdamResponder.userId, inactive.userId, national.userId, 'nope']) {
        await rejectsWith(
          assignConversation(world.deps, coordinator, started.conversationId, userId),
          'conversation.assignee_invalid',
        );
      }
      const { assignees } = await listAssignees(world.deps, responder);
      assert.deepEqual(
        assignees.map((assignee) => assignee.displayName),
        ['Anna', 'Cor'],
      );
    });

    it('lists new first, then the latest child message, with counts and an unread marker and no content', async () => {
      await world.database.asOwner('DELETE FROM conversations');
      const old = await start({ message: 'inbox-oud' });
      const waiting = await start({ message: 'inbox-wacht' });
      await replyToChild(world.deps, responder, waiting.conversationId, 'Dag!');
      const fresh = await start({ message: 'inbox-nieuw', name: 'inbox-naam' });

      const inbox = await listInbox(world.deps, responder, {}, new Date());
      assert.deepEqual(
        inbox.conversations.map((item) => item.id),
        [fresh.conversationId, old.conversationId, waiting.conversationId],
      );
      const byId = new Map(inbox.conversations.map((item) => [item.id, item]));
      assert.equal(byId.get(waiting.conversationId)?.messageCount, 2);
      assert.equal(byId.get(waiting.conversationId)?.status, 'waiting');
      assert.equal(byId.get(waiting.conversationId)?.unread, false, 'replying reads the conversation');
      assert.equal(byId.get(fresh.conversationId)?.unread, true);
      assert.equal(typeof byId.get(fresh.conversationId)?.createdAt, 'string');
      assert.equal(byId.get(fresh.conversationId)?.lastStaffReplyAt, null);
      const json = JSON.stringify(inbox);
      for (const text of ['inbox-oud', 'inbox-wacht', 'inbox-nieuw', 'inbox-naam', 'noor.geheim'])
        assert.ok(!json.includes(text), `the inbox holds ${text}`);

      await readConversation(world.deps, responder, fresh.conversationId);
      const afterRead = await listInbox(world.deps, responder, { status: 'new' }, new Date());
      assert.deepEqual(
        afterRead.conversations.map((item) => [item.id, item.unread]),
        [
          [fresh.conversationId, false],
          [old.conversationId, true],
        ],
      );
      const forColleague = await listInbox(world.deps, coordinator, { status: 'new' }, new Date());
      assert.equal(forColleague.conversations[0]?.unread, true, 'read markers are per staff member');

      await new Promise((resolve) => setTimeout(resolve, 5));
      await childReply(world.deps, AMSTERDAM, waiting.code, 'Nog een vraag', 'inbox-reply', new Date());
      const open = await listInbox(world.deps, responder, { status: 'open' }, new Date());
      assert.deepEqual(
        open.conversations.map((item) => [item.id, item.unread, item.messageCount]),
        [[waiting.conversationId, true, 3]],
      );
      assert.equal((await listInbox(world.deps, responder, { status: 'waiting' }, new Date())).conversations.length, 0);
      assert.equal((await listInbox(world.deps, responder, { status: 'all' }, new Date())).conversations.length, 3);
    });

    it('answers the inbox quickly with 100,000 conversations in one municipality, most of them closed', async () => {
      await world.database.asOwner(
        `INSERT INTO conversations (id, municipality_code, code_hash, status, created_at, last_child_message_at, last_activity_at, closed_at)
         SELECT gen_random_uuid(), $1, sha256(('bulk' || i)::text::bytea),
           (CASE WHEN i % 100 = 0 THEN 'new' WHEN i % 100 < 5 THEN 'open' WHEN i % 100 < 10 THEN 'waiting'
             ELSE 'closed' END)::conversation_status,
           now() - i * interval '1 minute', now() - i * interval '1 minute', now() - i * interval '1 minute',
           CASE WHEN i % 100 >= 10 THEN now() END
         FROM generate_series(1, 100000) AS i`,
        [AMSTERDAM],
      );
      await world.database.asOwner(
        `INSERT INTO conversation_messages (id, conversation_id, municipality_code, author, body)
         SELECT gen_random_uuid(), id, municipality_code, 'child', '\\x01'::bytea FROM conversations`,
      );
      await world.database.asOwner('ANALYZE conversations; ANALYZE conversation_messages');
      await listInbox(world.deps, responder, {}, new Date());
      const started = performance.now();
      const inbox = await listInbox(world.deps, responder, {}, new Date());
      const closed = await listInbox(world.deps, responder, { status: 'closed' }, new Date());
      const elapsed = performance.now() - started;
      // 1,000 new ones come first; then the open, waiting and closed ones by the child's latest message.
      assert.equal(inbox.conversations.length, 200);
      assert.ok(inbox.conversations.every((item) => item.status === 'new'));
      assert.equal(closed.conversations.length, 200);
      assert.ok(closed.conversations.every((item) => item.status === 'closed'));
      const times = closed.conversations.map((item) => item.lastChildMessageAt);
      assert.deepEqual(times, [...times].sort().reverse());
      assert.ok(elapsed < 200, `two inbox reads took ${elapsed.toFixed(0)} ms`);
    });
  });
}
