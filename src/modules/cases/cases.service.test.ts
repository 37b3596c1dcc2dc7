import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testClock } from '../../../test/helpers/clock.ts';
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
import { deleteConversationByChild, startConversation } from '../conversations/child-conversations.service.ts';
import { replyToChild } from '../conversations/inbox.service.ts';
import { breakGlass } from './break-glass.service.ts';
import { caseForConversation, createCase } from './case-create.service.ts';
import { readCase } from './case-detail.service.ts';
import {
  addCaseEvent,
  assignCase,
  changeStatus,
  listCases,
  setClassification,
  setConsent,
  unassignCase,
  updateSummary,
} from './cases.service.ts';
import type { CaseDeps } from './cases.types.ts';

/** Asserts that `work` fails with the API error `id`. */
async function rejectsWith(work: Promise<unknown>, id: string) {
  await assert.rejects(work, (error: unknown) => {
    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.id, id);
    return true;
  });
}

for (const target of databaseTargets()) {
  describe(`cases: create, read, change, assign, break the glass (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let deps: CaseDeps;
    let anna: Actor;
    let bram: Actor;
    let coordinator: Actor;
    let frontDesk: Actor;
    let rotterdam: Actor;
    let national: Actor;
    const clock = testClock(new Date('2026-03-02T10:00:00Z'));
    before(async () => {
      world = await createConversationServiceWorld(target);
      deps = {
        db: world.deps.db,
        keyring: world.keyring,
        mailer: world.mailer,
        publicBaseUrl: 'https://od.example',
        clock,
      };
      anna = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Anna' });
      bram = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Bram' });
      coordinator = await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Cor',
      });
      frontDesk = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['front_desk'], name: 'Balie' });
      rotterdam = await world.addStaff({ municipalityCode: ROTTERDAM, roles: ['responder'], name: 'Rob' });
      national = await world.addStaff({ municipalityCode: null, roles: ['national_coordinator'], name: 'Landelijk' });
    });
    after(async () => {
      await world?.close();
    });

    const auditOf = (caseId: string) =>
      world.database.asOwner<{ action: string; actor_user_id: string; details: Record<string, unknown> }>(
        `SELECT action, actor_user_id, details FROM audit_log WHERE object_type = 'case' AND object_id = $1 ORDER BY id`,
        [caseId],
      );

    it('makes a case by hand with its key, the creator as assignee and a created entry; the summary is encrypted', async () => {
      const { id } = await createCase(deps, anna, { origin: 'walk_in', summary: 'Samenvatting-geheim' });
      const detail = await readCase(deps, anna, id);
      assert.equal(detail.status, 'new');
      assert.equal(detail.origin, 'walk_in');
      assert.equal(detail.summary, 'Samenvatting-geheim');
      assert.equal(detail.access, 'assignee');
      assert.deepEqual(detail.assignees, [{ id: anna.userId, displayName: 'Anna' }]);
      assert.deepEqual(
        detail.timeline.map((entry) => [entry.kind, entry.actor?.id]),
        [['created', anna.userId]],
      );
      const keys = await world.database.asOwner('SELECT 1 FROM case_keys WHERE case_id = $1', [id]);
      assert.equal(keys.length, 1);
      const [raw] = await world.database.asOwner<{ summary: Buffer }>('SELECT summary FROM cases WHERE id = $1', [id]);
      assert.ok(!raw!.summary.toString('latin1').includes('geheim'));
      assert.deepEqual(
        (await auditOf(id)).map((entry) => [entry.action, entry.details.via ?? null]),
        [
          ['case.created', null],
          ['case.read', 'assignee'],
        ],
      );
    });

    it("makes or returns a conversation's case; the timeline carries the conversation's messages", async () => {
      const started = await startConversation(world.deps, AMSTERDAM, childMessage({ message: 'Hulp-nodig' }), clock());
      assert.ok(started.kind === 'started');
      clock.minutes(1);
      await replyToChild({ ...world.deps, clock }, anna, started.conversationId, 'Antwoord-van-anna');
      const made = await caseForConversation(deps, anna, started.conversationId);
      assert.equal(made.created, true);
      const again = await caseForConversation(deps, bram, started.conversationId);
      assert.deepEqual(again, { id: made.id, created: false });
      await rejectsWith(caseForConversation(deps, rotterdam, started.conversationId), 'conversation.not_found');

      const detail = await readCase(deps, anna, made.id);
      assert.equal(detail.origin, 'conversation');
      assert.equal(detail.conversationId, started.conversationId);
      const messages = detail.timeline.filter((entry) => entry.kind === 'message');
      assert.deepEqual(
        messages.map((entry) => [entry.details.author, entry.text, entry.actor?.displayName ?? null]),
        [
          ['child', 'Hulp-nodig', null],
          ['staff', 'Antwoord-van-anna', 'Anna'],
        ],
      );
      // Bram asked for the case but is not on it: asking grants no access.
      await rejectsWith(readCase(deps, bram, made.id), 'case.access_denied');

      // The child deletes the conversation: the case stays, without the conversation or its messages.
      const code = started.code;
      assert.equal((await deleteConversationByChild(world.deps, AMSTERDAM, code, clock())).kind, 'deleted');
      const after = await readCase(deps, anna, made.id);
      assert.equal(after.conversationId, null);
      assert.equal(after.timeline.filter((entry) => entry.kind === 'message').length, 0);
      assert.equal(after.timeline[0]?.kind, 'created');
    });

    it('lets only assignees, the coordinator and a running break-the-glass grant in', async () => {
      const { id } = await createCase(deps, anna, { origin: 'phone' });
      await rejectsWith(readCase(deps, bram, id), 'case.access_denied');
      await rejectsWith(readCase(deps, rotterdam, id), 'case.not_found');
      await rejectsWith(readCase(deps, frontDesk, id), 'auth.forbidden');
      await rejectsWith(readCase(deps, national, id), 'case.no_municipality');
      assert.equal((await readCase(deps, coordinator, id)).access, 'coordinator');

      const mine = await listCases(deps, bram, 'mine');
      assert.ok(!mine.cases.some((item) => item.id === id));
      const all = await listCases(deps, bram, 'all');
      assert.equal(all.cases.find((item) => item.id === id)?.access, 'none');
      assert.equal((await listCases(deps, coordinator)).cases.find((item) => item.id === id)?.access, 'coordinator');
      assert.equal((await listCases(deps, rotterdam, 'all')).cases.length, 0);

      const sentBefore = world.mailer.sent.length;
      const opened = await breakGlass(deps, bram, id, 'Het kind belt nu en Anna is ziek; ik moet de afspraken zien.');
      assert.equal(opened.access, 'break_glass');
      const entry = opened.timeline.find((item) => item.kind === 'break_glass');
      assert.equal(entry?.actor?.id, bram.userId);
      assert.match(entry?.text ?? '', /Anna is ziek/);
      const [grant] = await world.database.asOwner<{ reason: Buffer; expires_at: Date }>(
        'SELECT reason, expires_at FROM case_access_grants WHERE case_id = $1',
        [id],
      );
      assert.ok(!grant!.reason.toString('latin1').includes('ziek'), 'the reason is encrypted');
      assert.equal(grant!.expires_at.getTime(), clock().getTime() + 8 * 3_600_000);
      const mail = world.mailer.sent.slice(sentBefore);
      assert.deepEqual(
        mail.map((message) => message.to),
        [coordinator.email],
      );
      assert.match(mail[0]!.text, /Bram/);
      assert.match(mail[0]!.text, /de reden staat in het dossier/i);
      assert.ok(!mail[0]!.text.includes('ziek'), 'the reason never leaves in the e-mail');

      assert.equal((await readCase(deps, bram, id)).access, 'break_glass');
      assert.equal((await listCases(deps, bram)).cases.find((item) => item.id === id)?.access, 'break_glass');
      await rejectsWith(
        breakGlass(deps, bram, id, 'Nog een keer, maar dat hoeft niet meer.'),
        'case.break_glass_not_needed',
      );
      await rejectsWith(
        breakGlass(deps, coordinator, id, 'Coördinator kan het al lezen, zonder glas.'),
        'case.break_glass_not_needed',
      );
      await rejectsWith(
        breakGlass(deps, rotterdam, id, 'Iemand uit een andere gemeente probeert het.'),
        'case.not_found',
      );
      // A break-the-glass reader may read and write, but not change who is on the case.
      await rejectsWith(assignCase(deps, bram, id, bram.userId), 'auth.forbidden');
      const audit = await auditOf(id);
      assert.deepEqual(
        audit.filter((row) => row.actor_user_id === bram.userId).map((row) => [row.action, row.details.via ?? null]),
        [
          ['case.break_glass', null],
          ['case.read', 'break_glass'],
          ['case.read', 'break_glass'],
        ],
      );

      clock.hours(8);
      await rejectsWith(readCase(deps, bram, id), 'case.access_denied');
    });

    it('changes status, classification, consent, notes, calls, summary and assignees on the timeline', async () => {
      // Each step a second later, so the timeline's order is the order of the steps.
      const ticking: CaseDeps = { ...deps, clock: () => clock.advance(1000) };
      const { id } = await createCase(ticking, anna, { origin: 'manual' });
      await rejectsWith(changeStatus(ticking, anna, id, { status: 'new' }), 'case.invalid_transition');
      await changeStatus(ticking, anna, id, { status: 'in_progress' });
      await rejectsWith(
        changeStatus(ticking, anna, id, { status: 'closed', outcome: 'advice_given' }),
        'case.close_needs_category',
      );
      await rejectsWith(
        setClassification(ticking, anna, id, { category: 'abuse_violence', subcategory: 'bullying' }),
        'case.classification_invalid',
      );
      await setClassification(ticking, anna, id, { category: 'abuse_violence', subcategory: 'neglect' });
      await rejectsWith(changeStatus(ticking, anna, id, { status: 'closed' }), 'case.outcome_invalid');
      await rejectsWith(changeStatus(ticking, anna, id, { status: 'closed', outcome: 'gone' }), 'case.outcome_invalid');
      await setConsent(ticking, anna, id, { consent: 'given', note: 'Toestemming-geheim' });
      await addCaseEvent(ticking, anna, id, { kind: 'call', text: 'Gebeld-geheim' });
      await addCaseEvent(ticking, anna, id, { kind: 'note', text: 'Notitie-geheim' });
      await updateSummary(ticking, anna, id, 'Nieuwe samenvatting');

      await rejectsWith(assignCase(ticking, anna, id, frontDesk.userId), 'case.assignee_invalid');
      await rejectsWith(assignCase(ticking, anna, id, rotterdam.userId), 'case.assignee_invalid');
      await assignCase(ticking, anna, id, bram.userId);
      assert.equal((await readCase(ticking, bram, id)).access, 'assignee');
      await unassignCase(ticking, anna, id, bram.userId);
      await rejectsWith(readCase(ticking, bram, id), 'case.access_denied');
      await rejectsWith(unassignCase(ticking, anna, id, bram.userId), 'case.assignee_not_found');

      const closed = await changeStatus(ticking, anna, id, { status: 'closed', outcome: 'advice_given' });
      assert.equal(closed.status, 'closed');
      assert.equal(closed.outcome, 'advice_given');
      const fiveYears = new Date(closed.closedAt!);
      fiveYears.setUTCMonth(fiveYears.getUTCMonth() + 60);
      assert.equal(closed.destroyAfter, fiveYears.toISOString());
      assert.equal(closed.childConsent, 'given');
      assert.equal(closed.summary, 'Nieuwe samenvatting');
      await rejectsWith(changeStatus(ticking, anna, id, { status: 'referred' }), 'case.invalid_transition');
      const reopened = await changeStatus(ticking, anna, id, { status: 'in_progress' });
      assert.equal(reopened.closedAt, null);
      assert.equal(reopened.destroyAfter, null);

      assert.deepEqual(
        reopened.timeline.map((entry) => [entry.kind, entry.text, entry.details]),
        [
          ['created', null, { origin: 'manual', assigneeUserId: anna.userId }],
          ['status', null, { from: 'new', to: 'in_progress' }],
          ['classification', null, { category: 'abuse_violence', subcategory: 'neglect' }],
          ['consent', 'Toestemming-geheim', { from: 'not_asked', to: 'given' }],
          ['call', 'Gebeld-geheim', {}],
          ['note', 'Notitie-geheim', {}],
          ['note', null, { change: 'summary' }],
          ['assignment', null, { action: 'assigned', userId: bram.userId }],
          ['assignment', null, { action: 'unassigned', userId: bram.userId }],
          ['status', null, { from: 'in_progress', to: 'closed', outcome: 'advice_given' }],
          ['status', null, { from: 'closed', to: 'in_progress' }],
        ],
      );
      const raw = await world.database.asOwner<{ body: Buffer | null }>(
        'SELECT body FROM case_events WHERE case_id = $1',
        [id],
      );
      assert.ok(raw.every((row) => !row.body || !row.body.toString('latin1').includes('geheim')));
      const actions = (await auditOf(id)).map((row) => row.action);
      for (const action of [
        'case.status_changed',
        'case.classified',
        'case.consent_recorded',
        'case.call_added',
        'case.note_added',
        'case.summary_updated',
        'case.assigned',
        'case.unassigned',
      ])
        assert.ok(actions.includes(action), action);
      const content = JSON.stringify(await auditOf(id));
      assert.ok(!content.includes('geheim') && !content.includes('Nieuwe samenvatting'), 'no content in the audit log');
    });
  });
}
