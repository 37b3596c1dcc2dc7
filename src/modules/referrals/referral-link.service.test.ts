import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AMSTERDAM, childMessage } from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { createReferralWorld, type ReferralWorld } from '../../../test/helpers/referral-world.ts';
import { openConversation, startConversation } from '../conversations/child-conversations.service.ts';
import { confirmReferralLink, leaveReferralFeedback, openReferralLink } from './referral-link.service.ts';
import { createReferral, listReferrals, sendReferral } from './referrals.service.ts';

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

for (const target of databaseTargets()) {
  describe(`the receiving party's link (${target.name})`, () => {
    let r: ReferralWorld;
    before(async () => {
      r = await createReferralWorld(target);
    });
    after(async () => {
      await r?.close();
    });

    /** A case with a sent referral to Veilig Thuis; answers the case and the link's token. */
    async function sentReferral(conversationId?: string) {
      const caseId = await r.newCase(conversationId ? { conversationId } : {});
      const prepared = await createReferral(r.deps, r.staff.responder, caseId, { kind: 'veilig_thuis_report' });
      const sent = await sendReferral(r.deps, r.staff.responder, caseId, prepared.id, {});
      return { caseId, referralId: prepared.id, token: tokenOf(sent.link) };
    }

    it('shows the referral without content, confirms once, takes feedback once; timeline, audit and the team told', async () => {
      const { caseId, referralId, token } = await sentReferral();
      const opened = await openReferralLink(r.deps, token);
      assert.ok(opened.kind === 'found');
      assert.deepEqual(opened.view, {
        municipalityName: 'Amsterdam',
        kind: 'veilig_thuis_report',
        recipientName: 'Veilig Thuis',
        reference: referralId.slice(0, 8),
        sentAt: r.clock(),
        status: 'sent',
      });

      r.clock.hours(2);
      const confirmed = await confirmReferralLink(r.deps, token);
      assert.ok(confirmed.kind === 'found' && confirmed.changed && confirmed.view.status === 'confirmed');
      const again = await confirmReferralLink(r.deps, token);
      assert.ok(again.kind === 'found' && !again.changed, 'confirming again changes nothing');
      const told = await r.mailbox.waitForMail(r.staff.responder.email);
      assert.match(told.text, /^Er is een reactie op een verwijzing in een dossier van gemeente Amsterdam\. Log in/);

      const empty = await leaveReferralFeedback(r.deps, token, '   ');
      assert.ok(empty.kind === 'found' && empty.problem === 'empty');
      const long = await leaveReferralFeedback(r.deps, token, 'x'.repeat(1001));
      assert.ok(long.kind === 'found' && long.problem === 'too_long');
      r.clock.hours(1);
      const feedback = 'Intake gepland op donderdag; wij nemen contact op met moeder.';
      const given = await leaveReferralFeedback(r.deps, token, feedback);
      assert.ok(given.kind === 'found' && given.changed && !given.problem);
      const twice = await leaveReferralFeedback(r.deps, token, 'nog iets');
      assert.ok(twice.kind === 'found' && !twice.changed, 'feedback is taken once');
      assert.match((await r.mailbox.waitForMail(r.staff.responder.email)).text, /Log in om het te lezen/);

      const [row] = await r.rows<{ status: string; feedback: Buffer }>(
        'SELECT status, feedback FROM referrals WHERE id = $1',
        [referralId],
      );
      assert.equal(row!.status, 'feedback_received');
      assert.ok(!row!.feedback.toString('latin1').includes('donderdag'), 'the feedback is encrypted');
      const [view] = (await listReferrals(r.deps, r.staff.responder, caseId)).referrals;
      assert.equal(view!.feedback, feedback);
      assert.equal(view!.confirmedAt, new Date(r.clock().getTime() - 3_600_000).toISOString());
      assert.equal(view!.feedbackAt, r.clock().toISOString());

      const events = await r.rows<{ actor_user_id: string | null; details: Record<string, string> }>(
        "SELECT actor_user_id, details FROM case_events WHERE case_id = $1 AND kind = 'referral' AND actor_user_id IS NULL ORDER BY created_at",
        [caseId],
      );
      assert.deepEqual(
        events.map((event) => event.details.status),
        ['confirmed', 'feedback_received'],
      );
      const audit = await r.rows<{ action: string; actor_user_id: string | null; details: object }>(
        "SELECT action, actor_user_id, details FROM audit_log WHERE object_id = $1 AND action IN ('referral.confirmed', 'referral.feedback_received') ORDER BY id",
        [caseId],
      );
      assert.deepEqual(
        audit.map((entry) => [entry.action, entry.actor_user_id]),
        [
          ['referral.confirmed', null],
          ['referral.feedback_received', null],
        ],
      );
      assert.doesNotMatch(JSON.stringify(audit), /donderdag/);
    });

    it('stops working after 14 days, for an unknown token, and once the link was sent again', async () => {
      const { caseId, referralId, token } = await sentReferral();
      r.clock.advance(14 * 86_400_000 - 1000);
      assert.equal((await openReferralLink(r.deps, token)).kind, 'found', 'still valid just before 14 days');
      r.clock.advance(1000);
      assert.equal((await openReferralLink(r.deps, token)).kind, 'unknown', 'expired at 14 days');
      assert.equal((await confirmReferralLink(r.deps, token)).kind, 'unknown');
      assert.equal((await leaveReferralFeedback(r.deps, token, 'te laat')).kind, 'unknown');
      const [row] = await r.rows<{ status: string }>('SELECT status FROM referrals WHERE id = $1', [referralId]);
      assert.equal(row!.status, 'sent', 'an expired link changes nothing');

      const resent = await sendReferral(r.deps, r.staff.responder, caseId, referralId, {});
      assert.equal((await openReferralLink(r.deps, tokenOf(resent.link))).kind, 'found');
      assert.equal((await openReferralLink(r.deps, token)).kind, 'unknown', 'the old link stays dead');
      for (const bad of ['', 'x'.repeat(43), 'kort', `${tokenOf(resent.link)}x`])
        assert.equal((await openReferralLink(r.deps, bad)).kind, 'unknown', bad);
    });

    it("tells the child 'someone is helping you' only once the receiving party confirmed", async () => {
      const started = await startConversation(r.world.deps, AMSTERDAM, childMessage(), r.clock());
      assert.ok(started.kind === 'started');
      const helps = async () => {
        const opened = await openConversation(r.world.deps, AMSTERDAM, started.code, r.clock());
        assert.ok(opened.kind === 'found');
        return opened.conversation.someoneHelps;
      };
      assert.equal(await helps(), false, 'no case yet');
      const { token } = await sentReferral(started.conversationId);
      assert.equal(await helps(), false, 'sent, not confirmed');
      await confirmReferralLink(r.deps, token);
      assert.equal(await helps(), true, 'confirmed');
    });
  });
}
