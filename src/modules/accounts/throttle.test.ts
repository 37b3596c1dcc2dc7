/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { ApiClient } from '../../../test/helpers/api-client.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { nextTotp, setUpFirstCoordinator, signIn, type StaffMember } from '../../../test/helpers/staff.ts';
import { THROTTLE_LIMITS, THROTTLE_WINDOW_MS } from './throttle.ts';

for (const target of databaseTargets()) {
  describe(`sign-in throttling (${target.name})`, () => {
    let world: AccountsApp;
    let coordinator: StaffMember;
    const client = (language = 'nl') => new ApiClient(world.app.baseUrl, { acceptLanguage: language });
    const wrongPassword = (browser: ApiClient, email = coordinator.email) =>
      browser.post('/api/v1/session', { email, password: 'dit is het niet, helaas' });

    before(async () => {
      world = await startAccountsApp(target);
      coordinator = await setUpFirstCoordinator(world.app, world.clock);
    });
    after(async () => {
      await world?.stop();
    });
    // Every test starts in a fresh window: earlier counters have run out.
    beforeEach(() => {
      world.clock.advance(THROTTLE_WINDOW_MS + 60_000);
    });

    it('refuses the 11th to 100th wrong password for one account, with a clear message, and then the right one too', async () => {
      const browser = client('en');
      const statuses: number[] = [];
      let throttled: { error: { id: string; message: string } } | undefined;
      for (let attempt = 0; attempt < 100; attempt++) {
        const response = await wrongPassword(browser);
        statuses.push(response.status);
        if (response.status === 429) throttled = response.body;
        else assert.equal(response.body.error.id, 'sign_in.failed');
      }
      assert.deepEqual(statuses.slice(0, THROTTLE_LIMITS.account), Array(THROTTLE_LIMITS.account).fill(401));
      assert.deepEqual(statuses.slice(THROTTLE_LIMITS.account), Array(100 - THROTTLE_LIMITS.account).fill(429));
      assert.equal(throttled?.error.id, 'sign_in.throttled');
      assert.equal(throttled?.error.message, 'Too many failed attempts. Try again in 15 min.');

      const right = await client().post('/api/v1/session', {
        email: coordinator.email,
        password: coordinator.password,
      });
      assert.equal(right.status, 429, 'the right password waits for the window too');
      assert.match(right.body.error.message, /Te veel mislukte pogingen\. Probeer het over 15 min\. opnieuw\./);

      world.clock.minutes(10);
      const later = await client().post('/api/v1/session', {
        email: coordinator.email,
        password: coordinator.password,
      });
      assert.match(later.body.error.message, /over 5 min\./, 'the message counts down');

      world.clock.minutes(5);
      await signIn(world.app, world.clock, coordinator);
    });

    it('throttles an unknown address exactly like a known one (nothing tells whether it exists)', async () => {
      const answers: string[] = [];
      for (let attempt = 0; attempt <= THROTTLE_LIMITS.account; attempt++) {
        answers.push((await wrongPassword(client(), 'niemand@example.org')).body.error.id);
      }
      assert.deepEqual(answers, [...Array(THROTTLE_LIMITS.account).fill('sign_in.failed'), 'sign_in.throttled']);
    });

    it('throttles one source that tries many accounts', async () => {
      for (let attempt = 0; attempt < THROTTLE_LIMITS.source; attempt++) {
        const response = await wrongPassword(client(), `iemand.${attempt}@example.org`);
        assert.equal(response.body.error.id, 'sign_in.failed', `attempt ${attempt + 1}`);
      }
      const next = await wrongPassword(client(), 'nog.iemand@example.org');
      assert.equal(next.status, 429);
      const right = await client().post('/api/v1/session', {
        email: coordinator.email,
        password: coordinator.password,
      });
      assert.equal(right.status, 429, 'every account is refused from this source until the window ends');

      world.clock.advance(THROTTLE_WINDOW_MS);
      await signIn(world.app, world.clock, coordinator);
    });

    it('holds against a burst of parallel attempts', async () => {
      const responses = await Promise.all(Array.from({ length: 30 }, () => wrongPassword(client())));
      const failed = responses.filter((response) => response.status === 401).length;
      const throttled = responses.filter((response) => response.status === 429).length;
      assert.equal(failed, THROTTLE_LIMITS.account, 'exactly the limit is checked, however many arrive at once');
      assert.equal(throttled, 30 - THROTTLE_LIMITS.account);
    });

    it('counts wrong second-factor codes, and the password step does not start the count again', async () => {
      const browser = client();
      assert.equal(
        (await browser.post('/api/v1/session', { email: coordinator.email, password: coordinator.password })).status,
        200,
      );
      for (let attempt = 0; attempt < THROTTLE_LIMITS.account - 1; attempt++) {
        const wrong = await browser.post('/api/v1/session/totp', { code: '000000' });
        assert.equal(wrong.body.error.id, 'second_factor.invalid_code');
      }
      // Signing in with the password again does not buy ten more guesses.
      const again = client();
      assert.equal(
        (await again.post('/api/v1/session', { email: coordinator.email, password: coordinator.password })).status,
        200,
      );
      assert.equal(
        (await again.post('/api/v1/session/totp', { code: '000000' })).body.error.id,
        'second_factor.invalid_code',
      );
      const blocked = await again.post('/api/v1/session/totp', { code: nextTotp(coordinator.totpSecret, world.clock) });
      assert.equal(blocked.status, 429, 'even the right code waits');
      const recovery = await again.post('/api/v1/session/recovery-code', { code: coordinator.recoveryCodes[0] });
      assert.equal(recovery.status, 429);
      assert.equal(
        (await client().post('/api/v1/session', { email: coordinator.email, password: coordinator.password })).status,
        429,
      );

      world.clock.advance(THROTTLE_WINDOW_MS);
      const after = client();
      await after.post('/api/v1/session', { email: coordinator.email, password: coordinator.password });
      const used = await after.post('/api/v1/session/recovery-code', { code: coordinator.recoveryCodes[0] });
      assert.equal(used.status, 200, 'a throttled attempt did not spend the recovery code');
    });

    it('starts the account’s count again after a complete sign-in', async () => {
      for (let attempt = 0; attempt < THROTTLE_LIMITS.account - 1; attempt++) await wrongPassword(client());
      await signIn(world.app, world.clock, coordinator);
      for (let attempt = 0; attempt < THROTTLE_LIMITS.account; attempt++) {
        assert.equal((await wrongPassword(client())).status, 401, `attempt ${attempt + 1} after signing in`);
      }
    });
  });
}
