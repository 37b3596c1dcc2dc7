import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { testClock } from './helpers/clock.ts';
import { CapturingMailer } from './helpers/conversation-service-world.ts';
import { databaseTargets } from './helpers/databases.ts';
import { AMSTERDAM, ROTTERDAM } from './helpers/tenant-database.ts';

/**
 * The coverage watch as the app runs it: on a timer, with the app clock. An active municipality
 * without any roster, fallback or override is paused and its coordinator told.
 */
for (const target of databaseTargets()) {
  describe(`the app's coverage watch (${target.name})`, () => {
    const clock = testClock(new Date('2026-06-01T10:00:00Z'));
    const mailer = new CapturingMailer();
    let app: TestApp;
    before(async () => {
      app = await startTestApp(target, { clock, mailer, coverageWatchIntervalMs: 100 });
    });
    after(async () => {
      await app?.stop();
    });

    it('pauses an active municipality whose roster does not cover the next 14 days', async () => {
      const { rows } = await app.owner.pool.query<{ id: string }>(
        `INSERT INTO staff_users (municipality_code, email, display_name, password_hash)
         VALUES ($1, 'coordinator@amsterdam.example', 'Kim', 'x') RETURNING id`,
        [AMSTERDAM],
      );
      await app.owner.pool.query(
        `INSERT INTO staff_roles (user_id, municipality_code, role) VALUES ($1, $2, 'municipal_coordinator')`,
        [rows[0]!.id, AMSTERDAM],
      );
      // The demo's example municipalities have no roster and promise nothing: they are left alone.
      await app.owner.pool.query(
        `UPDATE municipalities SET participation = 'active', is_example = (code = $2) WHERE code IN ($1, $2)`,
        [AMSTERDAM, ROTTERDAM],
      );
      const [mail] = await mailer.waitFor(1);
      assert.equal(mail!.to, 'coordinator@amsterdam.example');
      assert.equal(mail!.subject, 'Gemeente Amsterdam staat op pauze: het rooster heeft gaten');
      assert.match(mail!.text, /Onbezet: 2026-06-01 12:00–2026-06-15 12:00\./, 'from the app clock, not the real time');
      const { rows: state } = await app.owner.pool.query<{ code: string; participation: string }>(
        'SELECT code, participation FROM municipalities WHERE code IN ($1, $2) ORDER BY code',
        [AMSTERDAM, ROTTERDAM],
      );
      assert.deepEqual(
        state.map((row) => [row.code, row.participation]),
        [
          [AMSTERDAM, 'paused'],
          [ROTTERDAM, 'active'],
        ],
      );
      assert.equal(mailer.sent.length, 1);
    });
  });
}
