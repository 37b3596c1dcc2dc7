import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { createReferralWorld, type ReferralWorld } from '../../../test/helpers/referral-world.ts';
import { ApiError } from '../../http/api-errors.ts';
import { createParty } from './referral-parties.service.ts';
import { createReferral, listReferrals, sendReferral } from './referrals.service.ts';

const refusedWith = (id: string) => (error: unknown) => error instanceof ApiError && error.id === id;
const SUMMARY = 'Kind vertelt over klappen van stiefvader, vooral in het weekend';

for (const target of databaseTargets()) {
  describe(`referrals of a case (${target.name})`, () => {
    let r: ReferralWorld;
    before(async () => {
      r = await createReferralWorld(target);
    });
    after(async () => {
      await r?.close();
    });

    it('prepares a referral: default recipient, summary encrypted with the case key, timeline and audit', async () => {
      const caseId = await r.newCase();
      const referral = await createReferral(r.deps, r.staff.responder, caseId, {
        kind: 'veilig_thuis_report',
        summary: SUMMARY,
      });
      assert.equal(referral.status, 'prepared');
      assert.equal(referral.recipientName, 'Veilig Thuis');
      assert.equal(referral.summary, SUMMARY);
      const [stored] = await r.rows<{ summary: Buffer }>('SELECT summary FROM referrals WHERE id = $1', [referral.id]);
      assert.ok(!stored!.summary.toString('latin1').includes('stiefvader'), 'the summary is encrypted');

      const police = await createReferral(r.deps, r.staff.responder, caseId, {
        kind: 'police',
        recipientName: 'Politie Noord',
      });
      assert.equal(police.recipientName, 'Politie Noord');
      assert.equal(police.summary, null);

      const events = await r.rows<{ kind: string; actor_user_id: string; details: Record<string, string> }>(
        "SELECT kind, actor_user_id, details FROM case_events WHERE case_id = $1 AND kind = 'referral' ORDER BY created_at, id",
        [caseId],
      );
      assert.deepEqual(
        events.map((event) => event.details).sort((a, b) => a.kind!.localeCompare(b.kind!)),
        [
          { referralId: police.id, kind: 'police', status: 'prepared' },
          { referralId: referral.id, kind: 'veilig_thuis_report', status: 'prepared' },
        ],
      );
      assert.ok(events.every((event) => event.actor_user_id === r.staff.responder.userId));
      const audit = await r.rows<{ action: string; details: Record<string, string> }>(
        "SELECT action, details FROM audit_log WHERE object_id = $1 AND action = 'referral.created'",
        [caseId],
      );
      assert.equal(audit.length, 2);
      assert.doesNotMatch(JSON.stringify(audit), /stiefvader/);

      const listed = await listReferrals(r.deps, r.staff.responder, caseId);
      assert.deepEqual(listed.referrals.map((item) => item.id).sort(), [referral.id, police.id].sort());
      await assert.rejects(listReferrals(r.deps, r.staff.colleague, caseId), refusedWith('case.access_denied'));
      await assert.rejects(
        createReferral(r.deps, r.staff.colleague, caseId, { kind: 'police' }),
        refusedWith('case.access_denied'),
      );
    });

    it("refuses other parties than Veilig Thuis and the police without the child's consent", async () => {
      const caseId = await r.newCase();
      const wijkteam = await createParty(r.deps, r.staff.coordinator, {
        name: 'Wijkteam Oost',
        kind: 'wijkteam',
        phone: null,
        email: 'oost@wijkteam.example',
        hours: null,
      });
      for (const kind of ['kindertelefoon', 'wijkteam', 'zorg_veiligheidshuis', 'gp'] as const)
        await assert.rejects(
          createReferral(r.deps, r.staff.responder, caseId, { kind }),
          refusedWith('referral.consent_required'),
          kind,
        );
      await assert.rejects(
        createReferral(r.deps, r.staff.responder, caseId, { kind: 'directory', partyId: wijkteam.id }),
        refusedWith('referral.consent_required'),
      );
      for (const kind of ['veilig_thuis_advice', 'veilig_thuis_report', 'police'] as const)
        assert.equal((await createReferral(r.deps, r.staff.responder, caseId, { kind })).status, 'prepared');

      const consented = await r.newCase({ childConsent: 'given' });
      await assert.rejects(
        createReferral(r.deps, r.staff.responder, consented, { kind: 'directory' }),
        refusedWith('referral.party_required'),
      );
      const viaDirectory = await createReferral(r.deps, r.staff.responder, consented, {
        kind: 'directory',
        partyId: wijkteam.id,
        recipientName: 'wordt genegeerd',
      });
      assert.equal(viaDirectory.recipientName, 'Wijkteam Oost');
      assert.equal(viaDirectory.partyId, wijkteam.id);
      const gp = await createReferral(r.deps, r.staff.responder, consented, { kind: 'gp' });
      assert.equal(gp.recipientName, 'Huisarts');
    });

    it("sends: a link shown once (only its SHA-256 stored), a content-free e-mail to the party's address, case referred", async () => {
      const caseId = await r.newCase({ childConsent: 'given' });
      const party = await createParty(r.deps, r.staff.coordinator, {
        name: 'Zorg- en Veiligheidshuis Amsterdam',
        kind: 'zorg_veiligheidshuis',
        phone: '020 000 0000',
        email: 'intake@zvh.example',
        hours: null,
      });
      const prepared = await createReferral(r.deps, r.staff.responder, caseId, {
        kind: 'directory',
        partyId: party.id,
        summary: SUMMARY,
      });
      r.clock.minutes(10);
      const sent = await sendReferral(r.deps, r.staff.responder, caseId, prepared.id, {});
      assert.equal(sent.emailed, true);
      assert.equal(sent.referral.status, 'sent');
      assert.equal(sent.referral.sentAt, r.clock().toISOString());
      assert.equal(sent.referral.linkExpiresAt, new Date(r.clock().getTime() + 14 * 86_400_000).toISOString());
      const token = /^https:\/\/opendeur\.example\/verwijzing\?token=([\w-]{43})$/.exec(sent.link)?.[1];
      assert.ok(token, sent.link);

      const [row] = await r.rows<{ link_token_hash: Buffer }>('SELECT link_token_hash FROM referrals WHERE id = $1', [
        prepared.id,
      ]);
      assert.deepEqual(row!.link_token_hash, createHash('sha256').update(token).digest(), 'only the hash is stored');
      const dump = JSON.stringify(
        await r.rows('SELECT * FROM referrals, case_events, audit_log WHERE referrals.id = $1', [prepared.id]),
      );
      assert.ok(!dump.includes(token), 'the token is stored nowhere');

      const mail = await r.mailbox.waitForMail('intake@zvh.example');
      assert.match(
        mail.text,
        /^Gemeente Amsterdam heeft een kind naar u doorverwezen\. Bevestig de ontvangst via deze link: https:\/\/opendeur\.example\/verwijzing\?token=/,
      );
      assert.ok(mail.text.includes(sent.link));
      assert.doesNotMatch(
        mail.text + mail.subject,
        /stiefvader|klappen|Zorg- en Veiligheidshuis/,
        'no content in the e-mail',
      );

      const [theCase] = await r.rows<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]);
      assert.equal(theCase!.status, 'referred');
      const events = await r.rows<{ kind: string; details: Record<string, string> }>(
        'SELECT kind, details FROM case_events WHERE case_id = $1 ORDER BY created_at, id',
        [caseId],
      );
      assert.deepEqual(events.map((event) => `${event.kind} ${event.details.status ?? event.details.to}`).sort(), [
        'referral prepared',
        'referral sent',
        'status referred',
      ]);
      assert.equal(events[0]!.details.status, 'prepared', 'prepared first');
      const audit = await r.rows<{ action: string }>('SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id', [
        caseId,
      ]);
      assert.deepEqual(
        audit.map((entry) => entry.action),
        ['referral.created', 'referral.sent'],
      );
    });

    it('sends to a given address, checks it, and refuses to send a confirmed referral again', async () => {
      const caseId = await r.newCase();
      const prepared = await createReferral(r.deps, r.staff.responder, caseId, { kind: 'veilig_thuis_advice' });
      await assert.rejects(
        sendReferral(r.deps, r.staff.responder, caseId, prepared.id, { email: 'geen adres' }),
        refusedWith('referral.email_invalid'),
      );
      const noAddress = await sendReferral(r.deps, r.staff.responder, caseId, prepared.id, {});
      assert.equal(noAddress.emailed, false);
      const again = await sendReferral(r.deps, r.staff.responder, caseId, prepared.id, {
        email: 'advies@veiligthuis.example',
      });
      assert.equal(again.emailed, true);
      assert.notEqual(again.link, noAddress.link, 'sending again makes a new link');
      assert.ok((await r.mailbox.waitForMail('advies@veiligthuis.example')).text.includes(again.link));
      await r.rows("UPDATE referrals SET status = 'confirmed', confirmed_at = now() WHERE id = $1", [prepared.id]);
      await assert.rejects(
        sendReferral(r.deps, r.staff.responder, caseId, prepared.id, {}),
        refusedWith('referral.already_confirmed'),
      );
      await assert.rejects(
        sendReferral(r.deps, r.staff.responder, caseId, '00000000-0000-4000-8000-000000000000', {}),
        refusedWith('referral.not_found'),
      );
    });
  });
}
