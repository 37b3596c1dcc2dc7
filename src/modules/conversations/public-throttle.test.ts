import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  AMSTERDAM,
  createTenantDatabase,
  ROTTERDAM,
  type TenantDatabase,
} from '../../../test/helpers/tenant-database.ts';
import { Keyring } from '../crypto/keyring.ts';
import {
  claimCodeAttempt,
  claimMessage,
  PUBLIC_THROTTLE,
  purgeExpiredThrottleRows,
  startThrottleHousekeeping,
  releaseCodeAttempt,
  sourceBucket,
} from './public-throttle.ts';

const MINUTE = 60_000;
const { codeSource, codeGlobal, sendSource, flood } = PUBLIC_THROTTLE;

for (const target of databaseTargets()) {
  describe(`public throttle (${target.name})`, () => {
    let database: TenantDatabase;
    let directory: string;
    let keyring: Keyring;
    // Every test runs in its own day, so the global counter and the windows of other tests are out of the way.
    let day = 0;
    const freshStart = () => new Date(Date.UTC(2030, 0, 1) + ++day * 24 * 60 * MINUTE);
    const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    const db = () => database.app.db;
    const codeAttempt = (address: string, now: Date) => claimCodeAttempt(db(), keyring, address, now);

    before(async () => {
      database = await createTenantDatabase(target);
      directory = await mkdtemp(path.join(os.tmpdir(), 'opendeur-throttle-'));
      keyring = await Keyring.open(path.join(directory, 'master.key'), database.owner.db);
    });
    after(async () => {
      await database?.drop();
      if (directory) await rm(directory, { recursive: true, force: true });
    });

    it('allows 10 code guesses per source in 15 minutes, then refuses until the window ends', async () => {
      const start = freshStart();
      for (let attempt = 0; attempt < codeSource.limit; attempt++) {
        assert.deepEqual(await codeAttempt('198.51.100.7', at(start, attempt)), {}, `guess ${attempt + 1}`);
      }
      const refused = await codeAttempt('198.51.100.7', at(start, 12));
      assert.deepEqual(refused.refusedUntil, at(start, 15), 'the window started with the first guess');
      assert.deepEqual(await codeAttempt('198.51.100.8', at(start, 12)), {}, 'another source is not affected');
      assert.ok((await codeAttempt('198.51.100.7', at(start, 14.9))).refusedUntil, 'still refused just before the end');
      assert.deepEqual(await codeAttempt('198.51.100.7', at(start, 15)), {}, 'a new window starts');
    });

    it('lets exactly the limit through when 30 guesses arrive at once', async () => {
      const now = freshStart();
      const answers = await Promise.all(Array.from({ length: 30 }, () => codeAttempt('203.0.113.9', now)));
      assert.equal(answers.filter((answer) => !answer.refusedUntil).length, codeSource.limit);
    });

    it('counts a whole IPv6 /64 as one source, and an IPv4-mapped address as its IPv4 address', async () => {
      assert.equal(sourceBucket('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
      assert.equal(sourceBucket('2001:0DB8:0001:0002:bbbb:cccc:dddd:eeee%eth0'), '2001:db8:1:2::/64');
      assert.equal(sourceBucket('::ffff:192.0.2.1'), '192.0.2.1');
      const now = freshStart();
      for (let attempt = 0; attempt < codeSource.limit; attempt++) {
        assert.deepEqual(await codeAttempt(`2001:db8:5:6::${attempt + 1}`, now), {});
      }
      assert.ok((await codeAttempt('2001:db8:5:6:ffff::99', now)).refusedUntil, 'the /64 has used its guesses');
      assert.deepEqual(await codeAttempt('2001:db8:5:7::1', now), {}, 'the next /64 is another source');
    });

    it('gives a guess back for a right code', async () => {
      const now = freshStart();
      for (let attempt = 0; attempt < codeSource.limit; attempt++) await codeAttempt('192.0.2.44', now);
      await releaseCodeAttempt(db(), keyring, '192.0.2.44');
      assert.deepEqual(await codeAttempt('192.0.2.44', now), {}, 'the released guess may be used again');
      assert.ok((await codeAttempt('192.0.2.44', now)).refusedUntil, 'but only that one');
    });

    it('refuses everyone once 2000 guesses were made in 15 minutes, from however many sources', async () => {
      const start = freshStart();
      const sources = codeGlobal.limit / codeSource.limit;
      for (let batch = 0; batch < sources; batch += 20) {
        const answers = await Promise.all(
          Array.from({ length: 20 * codeSource.limit }, (_, index) =>
            codeAttempt(`10.${batch + Math.floor(index / codeSource.limit)}.0.1`, at(start, 1)),
          ),
        );
        assert.ok(
          answers.every((answer) => !answer.refusedUntil),
          `sources ${batch}–${batch + 19} within limits`,
        );
      }
      const fresh = await codeAttempt('172.16.0.1', at(start, 2));
      assert.deepEqual(fresh.refusedUntil, at(start, 16), 'a source that never guessed is refused too');
      assert.deepEqual(await codeAttempt('172.16.0.1', at(start, 16)), {}, 'until the global window ends');
    });

    it('does not let a source over its own limit use up the global count', async () => {
      const start = freshStart();
      for (let attempt = 0; attempt < codeGlobal.limit + 50; attempt += 50) {
        await Promise.all(Array.from({ length: 50 }, () => codeAttempt('192.0.2.99', at(start, 1))));
      }
      const rows = await database.asOwner<{ count: number }>(
        'SELECT count FROM public_throttle WHERE window_started_at = $1 ORDER BY count DESC',
        [at(start, 1)],
      );
      assert.deepEqual(
        rows.map((row) => row.count),
        [codeGlobal.limit + 50, codeSource.limit],
        'the source counted every guess; the global counter only the 10 allowed',
      );
    });

    /** A message from `address`, each with a text of its own unless given (so no flood). */
    const send = (address: string, when: Date, text = `bericht ${Math.random()}`) =>
      claimMessage(db(), keyring, address, AMSTERDAM, text, when);

    it('allows 10 messages per source per hour', async () => {
      const start = freshStart();
      for (let message = 0; message < sendSource.limit; message++) {
        assert.deepEqual(await send('198.51.100.20', at(start, message * 5)), { flood: false });
      }
      const refused = await send('198.51.100.20', at(start, 55));
      assert.deepEqual(refused.refusedUntil, at(start, 60));
      assert.deepEqual(
        await claimCodeAttempt(db(), keyring, '198.51.100.20', at(start, 55)),
        {},
        'reading still works',
      );
      assert.deepEqual(await send('198.51.100.20', at(start, 60)), { flood: false });
    });

    it('sees a flood when one text arrives more than 3 times in 10 minutes for one municipality', async () => {
      const start = freshStart();
      let source = 0;
      // Each from a source of its own: a flood is about the text, whoever sends it.
      const check = (text: string, minutes: number, municipality = AMSTERDAM) =>
        claimMessage(db(), keyring, `198.51.101.${++source}`, municipality, text, at(start, minutes));
      const variants = ['Hallo burgemeester', 'hallo   BURGEMEESTER', '  hallo\nburgemeester  ', 'HALLO burgemeester'];
      const answers = [];
      for (const [index, text] of variants.entries()) answers.push((await check(text, index)).flood);
      assert.deepEqual(answers, [false, false, false, true], 'case and whitespace do not make a text different');
      assert.equal((await check('Hallo burgemeester', 5, ROTTERDAM)).flood, false, 'counted per municipality');
      assert.equal((await check('Hallo burgemeester!', 5)).flood, false, 'another text is no flood');
      assert.equal((await check('Hallo burgemeester', flood.windowMs / MINUTE)).flood, false, 'a new window');
    });

    it('purges counters whose window has ended, and keeps the rest', async () => {
      const start = freshStart();
      await send('198.51.100.30', start, 'purge een');
      await send('198.51.100.31', at(start, 30), 'purge twee');
      const purged = await purgeExpiredThrottleRows(db(), at(start, 61));
      assert.ok(purged >= 1, `purged ${purged}`);
      const left = await database.asOwner<{ window_started_at: Date }>(
        'SELECT window_started_at FROM public_throttle WHERE window_started_at >= $1',
        [start],
      );
      assert.deepEqual(
        left.map((row) => row.window_started_at.getTime()),
        [at(start, 30).getTime(), at(start, 30).getTime()],
        "the later message's two counters (source and text) stay",
      );
      assert.equal(await purgeExpiredThrottleRows(db(), at(start, 61)), 0, 'nothing left to purge');
    });

    it('purges ended counters by itself, at start and then on every turn', async () => {
      const start = freshStart();
      const count = async () =>
        (
          await database.asOwner<{ n: string }>(
            'SELECT count(*) AS n FROM public_throttle WHERE window_started_at = $1',
            [start],
          )
        )[0]!.n;
      await send('198.51.100.40', start, 'huishouden');
      assert.equal(await count(), '2');
      const logged: string[] = [];
      let now = at(start, 30);
      const stop = startThrottleHousekeeping(
        db(),
        () => now,
        (message) => logged.push(message),
        50,
      );
      try {
        await new Promise((resolve) => setTimeout(resolve, 150));
        assert.equal(await count(), '2', 'still within its hour');
        now = at(start, 61);
        for (let waited = 0; (await count()) !== '0' && waited < 2000; waited += 50)
          await new Promise((resolve) => setTimeout(resolve, 50));
        assert.equal(await count(), '0', 'purged on a later turn, without anyone asking');
        assert.deepEqual(logged, []);
      } finally {
        stop();
      }
    });

    it('stores no address and no message text, only keyed hashes', async () => {
      const now = freshStart();
      const address = '203.0.113.77';
      const text = 'Ik wil met iemand praten over thuis';
      await claimCodeAttempt(db(), keyring, address, now);
      await send(address, now, text);
      const rows = await database.asOwner<{ key: string }>('SELECT key, count, window_started_at FROM public_throttle');
      const dump = JSON.stringify(rows).toLowerCase();
      for (const secret of [address, '203.0.113', 'praten', text.toLowerCase(), AMSTERDAM.toLowerCase()]) {
        assert.ok(!dump.includes(secret), `the table must not contain "${secret}"`);
      }
      for (const row of rows) assert.match(row.key, /^[0-9a-f]{64}$/);
    });
  });
}
