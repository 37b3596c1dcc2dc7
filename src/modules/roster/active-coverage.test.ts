import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testClock } from '../../../test/helpers/clock.ts';
import {
  AMSTERDAM,
  createConversationServiceWorld,
  ROTTERDAM,
  type ConversationServiceWorld,
} from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { inTenant } from '../../db/tenant.ts';
import { ApiError } from '../../http/api-errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { tickItem } from '../programme/readiness.service.ts';
import { runCoverageWatch } from './coverage-watch.ts';
import {
  addException,
  removeException,
  saveChain,
  saveSettings,
  saveShifts,
  setCoverageOverride,
} from './roster-admin.service.ts';
import { listShifts } from './roster.repository.ts';

const everyDay = [1, 2, 3, 4, 5, 6, 7];
/** Someone on duty around the clock, every day (a shift from midnight to midnight lasts a day). */
const roundTheClock = (userId: string, days = everyDay) =>
  days.map((weekday) => ({ weekday, startMinute: 0, endMinute: 0, userId, role: 'on_duty' as const }));

for (const target of databaseTargets()) {
  describe(`an active municipality stays covered (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let cor: Actor;
    let anna: Actor;
    let national: Actor;
    let rob: Actor;
    let rita: Actor;
    // Monday 2 March 2026, 11:00 in Amsterdam.
    const clock = testClock(new Date('2026-03-02T10:00:00Z'));
    const db = () => world.deps.db;
    const participation = async (code: string) =>
      (
        await world.database.asOwner<{ p: string }>('SELECT participation AS p FROM municipalities WHERE code = $1', [
          code,
        ])
      )[0]?.p;
    const auditSince = (id: number) =>
      world.database.asOwner<{
        id: number;
        action: string;
        actor_user_id: string | null;
        actor_role: string | null;
        details: Record<string, unknown>;
      }>(
        `SELECT id::int, action, actor_user_id, actor_role, details FROM audit_log
          WHERE id > $1 AND action NOT LIKE 'readiness.item_done' ORDER BY id`,
        [id],
      );
    const lastAuditId = async () =>
      (await world.database.asOwner<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_log'))[0]!.id;

    /** Enrolled, every checklist item ticked by its coordinator: active. */
    async function activate(code: string, coordinator: Actor) {
      await world.database.asOwner("UPDATE municipalities SET participation = 'enrolled' WHERE code = $1", [code]);
      const items = await world.database.asOwner<{ id: string }>('SELECT id FROM readiness_items ORDER BY position');
      for (const item of items) await tickItem(db(), coordinator, code, item.id, {}, clock());
      assert.equal(await participation(code), 'active');
    }

    async function refusedWithGaps(work: Promise<unknown>, periods: string) {
      await assert.rejects(work, (error: unknown) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.id, 'roster.gaps_while_active');
        assert.equal(error.status, 409);
        assert.match(error.messageIn('nl'), /^De gemeente is actief, maar na deze wijziging is het rooster/);
        assert.ok(error.messageIn('nl').includes(`Onbezet: ${periods}.`), error.messageIn('nl'));
        return true;
      });
    }

    before(async () => {
      world = await createConversationServiceWorld(target);
      cor = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['municipal_coordinator'], name: 'Cor' });
      anna = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Anna' });
      national = await world.addStaff({ municipalityCode: null, roles: ['national_coordinator'], name: 'Landelijk' });
      rob = await world.addStaff({ municipalityCode: ROTTERDAM, roles: ['municipal_coordinator'], name: 'Rob' });
      rita = await world.addStaff({ municipalityCode: ROTTERDAM, roles: ['responder'], name: 'Rita' });
    });
    after(async () => {
      await world?.close();
    });

    it('refuses a roster change that leaves an active municipality uncovered, naming the periods', async () => {
      // Not active yet: a roster with gaps is anybody's own business until it wants to go live.
      await saveShifts(db(), rob, ROTTERDAM, roundTheClock(rita.userId, [1, 2, 3, 4, 5]), clock());

      await saveShifts(db(), cor, AMSTERDAM, roundTheClock(anna.userId), clock());
      await activate(AMSTERDAM, cor);
      const before = await lastAuditId();

      // No Sundays: 8 and 15 March fall within the 14 days from Monday 2 March.
      const sundays = '2026-03-08 00:00–2026-03-09 00:00, 2026-03-15 00:00–2026-03-16 00:00';
      await refusedWithGaps(
        saveShifts(db(), cor, AMSTERDAM, roundTheClock(anna.userId, [1, 2, 3, 4, 5, 6]), clock()),
        sundays,
      );
      const shifts = await inTenant(db(), { kind: 'municipality', code: AMSTERDAM }, (tx) => listShifts(tx, AMSTERDAM));
      assert.equal(shifts.length, 7, 'the old pattern stands (the change was rolled back)');

      const leave = {
        userId: anna.userId,
        replacementUserId: null,
        startsLocal: '2026-03-04 09:00',
        endsLocal: '2026-03-04 12:30',
      };
      await refusedWithGaps(addException(db(), cor, AMSTERDAM, leave, clock()), '2026-03-04 09:00–12:30');
      // Leave beyond the 14 days is no gap yet.
      const later = await addException(
        db(),
        cor,
        AMSTERDAM,
        { ...leave, startsLocal: '2026-03-20 09:00', endsLocal: '2026-03-20 12:00' },
        clock(),
      );
      assert.deepEqual(
        (await auditSince(before)).map((entry) => [entry.action, entry.actor_user_id, entry.actor_role, entry.details]),
        [['roster.exception_added', cor.userId, 'municipal_coordinator', { replaced: false }]],
        'the refused changes left no trace but their refusal',
      );
      await removeException(db(), cor, AMSTERDAM, later.id, clock());
      assert.equal(await participation(AMSTERDAM), 'active');
    });

    it('an agreed fallback allows the gaps; taking the fallback away again is refused', async () => {
      const settings = { escalationMinutes: 10, responseTargetMinutes: 30 };
      await saveSettings(
        db(),
        cor,
        AMSTERDAM,
        { ...settings, fallbackAgreed: 'Veilig Thuis regio Amsterdam' },
        clock(),
      );
      await saveShifts(db(), cor, AMSTERDAM, roundTheClock(anna.userId, [1, 2, 3, 4, 5, 6]), clock());
      await refusedWithGaps(
        saveSettings(db(), cor, AMSTERDAM, { ...settings, fallbackAgreed: null }, clock()),
        '2026-03-08 00:00–2026-03-09 00:00, 2026-03-15 00:00–2026-03-16 00:00',
      );
    });

    it('goes through with a written reason: kept as the override and audited in the same transaction', async () => {
      const before = await lastAuditId();
      const settings = { escalationMinutes: 10, responseTargetMinutes: 30, fallbackAgreed: null };
      await refusedWithGaps(
        saveSettings(db(), cor, AMSTERDAM, settings, clock()),
        '2026-03-08 00:00–2026-03-09 00:00, 2026-03-15 00:00–2026-03-16 00:00',
      );
      await refusedWithGaps(
        saveSettings(db(), cor, AMSTERDAM, { ...settings, coverageOverrideReason: '   ' }, clock()),
        '2026-03-08 00:00–2026-03-09 00:00, 2026-03-15 00:00–2026-03-16 00:00',
      );
      const reason = 'Zondags belt de balie de burgemeester zelf; afgesproken met het landelijk programma';
      await saveSettings(db(), cor, AMSTERDAM, { ...settings, coverageOverrideReason: reason }, clock());
      const entries = await auditSince(before);
      assert.deepEqual(
        entries.map((entry) => [entry.action, entry.actor_user_id, entry.details]),
        [
          ['roster.settings_saved', cor.userId, { escalationMinutes: 10, fallback: false }],
          ['roster.coverage_override_set', cor.userId, { reason, withChange: true, uncoveredPeriods: 2 }],
        ],
      );
      assert.equal(entries[1]!.id, entries[0]!.id + 1, 'one transaction: nothing in between');
      const [stored] = await world.database.asOwner<{ reason: string; by: string }>(
        'SELECT coverage_override_reason AS reason, coverage_override_by AS by FROM roster_settings WHERE municipality_code = $1',
        [AMSTERDAM],
      );
      assert.deepEqual(stored, { reason, by: cor.userId });
      // With the override standing, further changes need no new reason, and the watch leaves it active.
      await saveChain(db(), cor, AMSTERDAM, [], clock());
      assert.deepEqual(await runCoverageWatch(watchDeps(), clock()), []);
      assert.equal(await participation(AMSTERDAM), 'active');
    });

    const watchDeps = () => ({
      db: db(),
      mailer: world.mailer,
      publicBaseUrl: 'https://opendeur.example',
      log: (message: string) => assert.fail(message),
    });

    it('pauses an active municipality once time brings gaps into the 14 days, and tells its coordinators', async () => {
      // Amsterdam's override is withdrawn: now even the chain, which changes no hours, is refused…
      await setCoverageOverride(db(), national, AMSTERDAM, null, clock());
      await refusedWithGaps(
        saveChain(db(), cor, AMSTERDAM, [anna.userId], clock()),
        '2026-03-08 00:00–2026-03-09 00:00, 2026-03-15 00:00–2026-03-16 00:00',
      );
      // …and the watch pauses it (time need not move for that).
      await saveShifts(db(), rob, ROTTERDAM, roundTheClock(rita.userId), clock());
      await activate(ROTTERDAM, rob);
      // Rita's leave in three weeks: outside the 14 days, so allowed now.
      await addException(
        db(),
        rob,
        ROTTERDAM,
        {
          userId: rita.userId,
          replacementUserId: null,
          startsLocal: '2026-03-23 09:00',
          endsLocal: '2026-03-23 17:00',
        },
        clock(),
      );
      world.mailer.sent.length = 0;
      const first = await runCoverageWatch(watchDeps(), clock());
      assert.deepEqual(
        first.map((withdrawal) => withdrawal.code),
        [AMSTERDAM],
      );
      assert.equal(await participation(ROTTERDAM), 'active', 'the leave is still beyond the 14 days');
      world.mailer.sent.length = 0;

      clock.set(new Date('2026-03-10T08:00:00Z'));
      const before = await lastAuditId();
      // Two instances at once: only one pauses and tells.
      const runs = await Promise.all([runCoverageWatch(watchDeps(), clock()), runCoverageWatch(watchDeps(), clock())]);
      assert.deepEqual(
        runs.flat().map((withdrawal) => withdrawal.code),
        [ROTTERDAM],
      );
      assert.equal(await participation(ROTTERDAM), 'paused');
      const entries = await auditSince(before);
      const items = await world.database.asOwner<{ id: string }>(
        "SELECT id FROM readiness_items WHERE key = 'roster_covered'",
      );
      assert.deepEqual(
        entries.map((entry) => [entry.action, entry.actor_user_id, entry.actor_role, entry.details]),
        [
          ['programme.municipality_paused', null, 'system', { reason: 'roster_gaps', uncoveredPeriods: 1 }],
          ['readiness.item_undone', null, 'system', { reason: 'roster_gaps' }],
        ],
      );
      const [unticked] = await world.database.asOwner<{ n: number }>(
        'SELECT count(*)::int AS n FROM readiness_progress WHERE municipality_code = $1 AND item_id = $2',
        [ROTTERDAM, items[0]!.id],
      );
      assert.equal(unticked?.n, 0, 'the roster item is open again');

      assert.deepEqual(world.mailer.sent.map((mail) => mail.to).sort(), [national.email, rob.email].sort());
      const mail = world.mailer.sent[0]!;
      assert.equal(mail.subject, 'Gemeente Rotterdam staat op pauze: het rooster heeft gaten');
      assert.match(mail.text, /Onbezet: 2026-03-23 09:00–17:00\./);
      assert.match(mail.text, /https:\/\/opendeur\.example\/beheer\/rooster/);
      assert.doesNotMatch(mail.text, /Rita/, 'no names');

      clock.minutes(10);
      assert.deepEqual(await runCoverageWatch(watchDeps(), clock()), [], 'paused once, told once');
      assert.equal(world.mailer.sent.length, 2);
    });

    it('comes back when the roster is covered and the roster item is ticked again', async () => {
      // Paused, so changes are not held to the rule: Rita's leave gets a replacement.
      await addException(
        db(),
        rob,
        ROTTERDAM,
        {
          userId: rita.userId,
          replacementUserId: rob.userId,
          startsLocal: '2026-03-23 09:00',
          endsLocal: '2026-03-23 17:00',
        },
        clock(),
      );
      const [item] = await world.database.asOwner<{ id: string }>(
        "SELECT id FROM readiness_items WHERE key = 'roster_covered'",
      );
      const view = await tickItem(db(), rob, ROTTERDAM, item!.id, {}, clock());
      assert.equal(view.participation, 'active');
      const [activated] = await world.database.asOwner<{ details: Record<string, unknown> }>(
        "SELECT details FROM audit_log WHERE action = 'programme.municipality_activated' ORDER BY id DESC LIMIT 1",
      );
      assert.deepEqual(activated?.details, { from: 'paused' });

      // Someone who leaves the team covers nothing any more: Rob is deactivated.
      await world.database.asOwner('UPDATE staff_users SET active = false WHERE id = $1', [rob.userId]);
      const withdrawn = await runCoverageWatch(watchDeps(), clock());
      assert.deepEqual(
        withdrawn.map((withdrawal) => [withdrawal.code, withdrawal.periods.map((period) => period.startLocal)]),
        [[ROTTERDAM, ['2026-03-23 09:00']]],
      );
      assert.deepEqual(
        world.mailer.sent.slice(2).map((mail) => mail.to),
        [national.email],
        'Rob is no longer told',
      );
    });
  });
}
