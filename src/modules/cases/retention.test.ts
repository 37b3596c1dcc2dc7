/**
 * Issue 6, "done when": with a controllable clock, the retention sweep destroys exactly the closed
 * cases whose term has ended, honours a legal hold (and destroys the case once it is lifted), leaves a
 * deletion record with metadata only — and a raw pg_dump afterwards holds none of the destroyed cases'
 * content: not their ciphertexts, not their wrapped keys, not their words, not the linked conversation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import { testClock } from '../../../test/helpers/clock.ts';
import {
  AMSTERDAM,
  childMessage,
  createConversationServiceWorld,
  ROTTERDAM,
  type ConversationServiceWorld,
} from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { plainDump } from '../../../test/helpers/pg-dump.ts';
import { insertFollowUpCase } from '../../../test/helpers/follow-up-case.ts';
import type { Actor } from '../accounts/actor.ts';
import { startConversation } from '../conversations/child-conversations.service.ts';
import { liftLegalHold } from './legal-hold.service.ts';
import { runRetentionSweep } from './retention.service.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Words no registry, catalogue or migration holds: finding one in the dump means content survived. */
const SECRET = {
  summary: 'walvisbrommer achter de knikkerfabriek',
  note: 'gesprek over de ijsbeertrompet bij oma',
  reason: 'besloten vanwege de kaneelzeppelin thuis',
  referral: 'verwijzing over de pindakaasvulkaan',
  held: 'vastgehouden om de sinaasappelorgel',
  child: 'mijn stiefvader slaat met de harmonicaboom',
};

for (const target of databaseTargets()) {
  describe(`the retention sweep (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let coordinator: Actor;
    let responder: Actor;
    let rotterdamResponder: Actor;
    const clock = testClock(new Date('2026-03-02T09:00:00Z'));
    const ids = {} as Record<'due' | 'notDue' | 'held' | 'open' | 'rotterdamDue', string>;
    let conversationId: string;
    /** Hex of every ciphertext and wrapped key of the cases to be destroyed, and of their conversation. */
    const destroyedHex: Record<string, string[]> = {};

    before(async () => {
      world = await createConversationServiceWorld(target);
      coordinator = await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Coördinator',
      });
      responder = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Hulpverlener' });
      rotterdamResponder = await world.addStaff({
        municipalityCode: ROTTERDAM,
        roles: ['responder'],
        name: 'Rotterdammer',
      });
      const opened = new Date(clock().getTime() - 400 * DAY);
      const started = await startConversation(world.deps, AMSTERDAM, childMessage({ message: SECRET.child }), opened);
      assert.ok(started.kind === 'started');
      conversationId = started.conversationId;
      const closed = {
        status: 'closed' as const,
        closedAt: new Date(opened.getTime() + 10 * DAY),
        category: 'family',
        outcome: 'referred',
      };
      const db = world.database.app.db;
      ids.due = await insertFollowUpCase(db, world.keyring, {
        municipalityCode: AMSTERDAM,
        assigneeUserId: responder.userId,
        at: opened,
        ...closed,
        destroyAfter: new Date(clock().getTime() - DAY),
        conversationId,
        summary: SECRET.summary,
        note: SECRET.note,
        meldcode: {
          answers: { suspicion: true, acute_unsafety: true },
          decision: 'organise_help',
          reason: SECRET.reason,
        },
        referral: { recipientName: 'Veilig Thuis', summary: SECRET.referral },
      });
      ids.notDue = await insertFollowUpCase(db, world.keyring, {
        municipalityCode: AMSTERDAM,
        assigneeUserId: responder.userId,
        at: opened,
        ...closed,
        destroyAfter: new Date(clock().getTime() + 30 * DAY),
        summary: 'blijft nog even bewaard',
      });
      ids.held = await insertFollowUpCase(db, world.keyring, {
        municipalityCode: AMSTERDAM,
        assigneeUserId: responder.userId,
        at: opened,
        ...closed,
        destroyAfter: new Date(clock().getTime() - 2 * DAY),
        legalHold: { since: new Date(clock().getTime() - 5 * DAY), reason: 'Verzoek van de rechtbank' },
        summary: SECRET.held,
      });
      ids.open = await insertFollowUpCase(db, world.keyring, {
        municipalityCode: AMSTERDAM,
        assigneeUserId: responder.userId,
        at: opened,
        summary: 'nog open',
      });
      ids.rotterdamDue = await insertFollowUpCase(db, world.keyring, {
        municipalityCode: ROTTERDAM,
        assigneeUserId: rotterdamResponder.userId,
        at: opened,
        ...closed,
        destroyAfter: new Date(clock().getTime() - DAY),
        summary: 'Rotterdams dossier',
      });
      for (const [name, caseId] of [
        ['due', ids.due],
        ['held', ids.held],
      ] as const) {
        const rows = await world.database.asOwner<{ hex: string }>(
          `SELECT encode(summary, 'hex') AS hex FROM cases WHERE id = $1 AND summary IS NOT NULL
           UNION ALL SELECT encode(wrapped_key, 'hex') FROM case_keys WHERE case_id = $1
           UNION ALL SELECT encode(body, 'hex') FROM case_events WHERE case_id = $1 AND body IS NOT NULL
           UNION ALL SELECT encode(answers, 'hex') FROM meldcode_decisions WHERE case_id = $1
           UNION ALL SELECT encode(reason, 'hex') FROM meldcode_decisions WHERE case_id = $1 AND reason IS NOT NULL
           UNION ALL SELECT encode(summary, 'hex') FROM referrals WHERE case_id = $1`,
          [caseId],
        );
        destroyedHex[name] = rows.map((row) => row.hex);
      }
      const messages = await world.database.asOwner<{ hex: string }>(
        `SELECT encode(body, 'hex') AS hex FROM conversation_messages WHERE conversation_id = $1`,
        [conversationId],
      );
      destroyedHex.conversation = messages.map((row) => row.hex);
    });
    after(async () => {
      await world?.close();
    });

    const exists = async (caseId: string) =>
      (await world.database.asOwner('SELECT 1 FROM cases WHERE id = $1', [caseId])).length === 1;

    it('destroys exactly the due cases of every municipality, with their key, content and conversation', async () => {
      assert.equal(destroyedHex.due!.length, 6, 'summary, key, note, answers, reason and referral were encrypted');
      const { destroyed } = await runRetentionSweep({ db: world.database.app.db }, clock());
      assert.deepEqual(destroyed.sort(), [ids.due, ids.rotterdamDue].sort());
      assert.equal(await exists(ids.due), false);
      assert.equal(await exists(ids.rotterdamDue), false);
      assert.equal(await exists(ids.notDue), true, 'a case whose term has not ended stays');
      assert.equal(await exists(ids.held), true, 'a legal hold suspends destruction');
      assert.equal(await exists(ids.open), true, 'an open case is never destroyed');
      for (const table of [
        'case_keys',
        'case_events',
        'meldcode_decisions',
        'referrals',
        'case_assignees',
        'case_tasks',
      ]) {
        const left = await world.database.asOwner(`SELECT 1 FROM ${table} WHERE case_id = $1`, [ids.due]);
        assert.equal(left.length, 0, `nothing of the case is left in ${table}`);
      }
      const conversation = await world.database.asOwner('SELECT 1 FROM conversations WHERE id = $1', [conversationId]);
      assert.equal(conversation.length, 0, 'the linked conversation is gone too');
      const messages = await world.database.asOwner('SELECT 1 FROM conversation_messages WHERE conversation_id = $1', [
        conversationId,
      ]);
      assert.equal(messages.length, 0);

      const again = await runRetentionSweep({ db: world.database.app.db }, clock());
      assert.deepEqual(again.destroyed, [], 'a second sweep finds nothing more');
    });

    it('leaves a deletion record with metadata only, and an audit entry without an actor', async () => {
      const records = await world.database.asOwner<Record<string, unknown>>(
        'SELECT * FROM case_deletions WHERE case_id = $1',
        [ids.due],
      );
      assert.equal(records.length, 1);
      const record = records[0]!;
      assert.deepEqual(Object.keys(record).sort(), [
        'case_id',
        'category',
        'closed_at',
        'destroyed_at',
        'id',
        'municipality_code',
        'opened_at',
        'origin',
        'outcome',
        'rule',
      ]);
      assert.equal(record.municipality_code, AMSTERDAM);
      assert.equal(record.origin, 'conversation');
      assert.equal(record.category, 'family');
      assert.equal(record.outcome, 'referred');
      assert.equal(record.rule, 'retention');
      assert.equal((record.destroyed_at as Date).toISOString(), clock().toISOString());
      const audit = await world.database.asOwner<{
        actor_user_id: string | null;
        details: unknown;
        municipality_code: string;
      }>(
        `SELECT actor_user_id, details, municipality_code FROM audit_log WHERE action = 'case.destroyed' AND object_id = $1`,
        [ids.due],
      );
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.actor_user_id, null);
      assert.equal(audit[0]!.municipality_code, AMSTERDAM);
      assert.deepEqual(audit[0]!.details, { rule: 'retention' });
    });

    it('destroys a due case at the next sweep once its legal hold is lifted', async () => {
      clock.advance(DAY);
      assert.deepEqual((await runRetentionSweep({ db: world.database.app.db }, clock())).destroyed, []);
      await liftLegalHold({ ...world.deps, clock }, coordinator, ids.held);
      clock.advance(60_000);
      const { destroyed } = await runRetentionSweep({ db: world.database.app.db }, clock());
      assert.deepEqual(destroyed, [ids.held]);
      assert.equal(await exists(ids.notDue), true);
      clock.advance(31 * DAY);
      assert.deepEqual((await runRetentionSweep({ db: world.database.app.db }, clock())).destroyed, [ids.notDue]);
      assert.equal(await exists(ids.open), true);
    });

    it('leaves none of the destroyed cases in a raw pg_dump', async (t: TestContext) => {
      const result = await plainDump(target.adminUrl, world.database.url);
      if ('skip' in result) return void t.skip(result.skip);
      const { dump } = result;
      const lower = dump.toLowerCase();
      assert.ok(dump.includes(ids.open), 'the dump holds the cases still kept');
      assert.ok(dump.includes('COPY public.case_deletions'), 'the dump holds the deletion records');
      assert.ok(dump.includes(ids.due), 'the deletion record names the destroyed case by id');
      for (const [name, hexes] of Object.entries(destroyedHex))
        for (const hex of hexes) assert.ok(!lower.includes(hex), `a ciphertext or key of ${name} is not in the dump`);
      const words = Object.values(SECRET)
        .flatMap((text) => text.split(/\s+/))
        .filter((word) => word.length >= 9);
      const leaked = words.filter((word) => lower.includes(word) || lower.includes(Buffer.from(word).toString('hex')));
      assert.deepEqual(leaked, [], 'no word of the destroyed cases is in the dump');
      const start = dump.indexOf('COPY public.conversations ');
      assert.ok(start >= 0, 'the dump holds the conversations table');
      const rows = dump.slice(start, dump.indexOf('\\.\n', start));
      assert.ok(!rows.includes(conversationId), 'the linked conversation is not in the dump');
    });
  });
}
