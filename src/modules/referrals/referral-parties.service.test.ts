import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { createReferralWorld, type ReferralWorld } from '../../../test/helpers/referral-world.ts';
import { ApiError } from '../../http/api-errors.ts';
import { createParty, isPhoneNumber, listParties, updateParty } from './referral-parties.service.ts';

const refusedWith = (id: string, field?: string) => (error: unknown) =>
  error instanceof ApiError && error.id === id && (field === undefined || error.field === field);

for (const target of databaseTargets()) {
  describe(`the directory of parties (${target.name})`, () => {
    let r: ReferralWorld;
    before(async () => {
      r = await createReferralWorld(target);
    });
    after(async () => {
      await r?.close();
    });

    const wijkteam = {
      name: 'Wijkteam Noord',
      kind: 'wijkteam' as const,
      phone: '020 123 4567',
      email: 'noord@wijkteam.example',
      hours: 'ma–vr 9–17',
    };

    it('lets the coordinator add and change parties, which the responders read; audited by id', async () => {
      const party = await createParty(r.deps, r.staff.coordinator, wijkteam);
      assert.deepEqual({ ...party, id: undefined }, { ...wijkteam, id: undefined, active: true });
      const off = await updateParty(r.deps, r.staff.coordinator, party.id, { ...wijkteam, phone: null, active: false });
      assert.equal(off.active, false);
      assert.equal(off.phone, null);
      const seen = await listParties(r.deps, r.staff.responder);
      assert.deepEqual(
        seen.parties.map((p) => [p.id, p.active]),
        [[party.id, false]],
      );
      const audit = await r.rows<{ action: string; object_id: string; details: object }>(
        "SELECT action, object_id, details FROM audit_log WHERE object_type = 'referral_party' ORDER BY id",
      );
      assert.deepEqual(
        audit.map((row) => [row.action, row.object_id]),
        [
          ['referral_party.created', party.id],
          ['referral_party.updated', party.id],
        ],
      );
      assert.doesNotMatch(
        JSON.stringify(audit),
        /Wijkteam Noord|wijkteam\.example/,
        'no names or addresses in the audit log',
      );
    });

    it('refuses writes by responders and another municipality; lists only the own directory', async () => {
      await assert.rejects(createParty(r.deps, r.staff.responder, wijkteam), refusedWith('auth.forbidden'));
      const party = await createParty(r.deps, r.staff.coordinator, { ...wijkteam, name: 'Huisarts Zuid', kind: 'gp' });
      await assert.rejects(
        updateParty(r.deps, r.staff.rotterdam, party.id, { ...wijkteam, active: true }),
        refusedWith('referral_party.not_found'),
      );
      assert.deepEqual((await listParties(r.deps, r.staff.rotterdam)).parties, []);
    });

    it('checks phone numbers and e-mail addresses with a specific error on the field', async () => {
      await assert.rejects(
        createParty(r.deps, r.staff.coordinator, { ...wijkteam, phone: 'bel maar' }),
        refusedWith('referral_party.phone_invalid', 'phone'),
      );
      await assert.rejects(
        createParty(r.deps, r.staff.coordinator, { ...wijkteam, email: 'noord.wijkteam.example' }),
        refusedWith('referral_party.email_invalid', 'email'),
      );
      for (const good of ['0800-2000', '112', '+31 (0)20 123 4567', '14 020', '06-12345678'])
        assert.ok(isPhoneNumber(good), good);
      for (const bad of ['12', 'abc', '020 123 4567 8901 23', '++31 20']) assert.ok(!isPhoneNumber(bad), bad);
    });
  });
}
