/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { ApiClient } from '../../../test/helpers/api-client.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  nextTotp,
  setUpFirstCoordinator,
  signIn,
  strongPassword,
  type StaffMember,
} from '../../../test/helpers/staff.ts';
import { SESSION_COOKIE } from '../../http/access-control.ts';

for (const target of databaseTargets()) {
  describe(`sessions (${target.name})`, () => {
    let world: AccountsApp;
    let coordinator: StaffMember;
    const browser = (userAgent: string) => new ApiClient(world.app.baseUrl, { userAgent });
    const expectExpired = async (client: ApiClient, message: string) => {
      const answer = await client.get('/api/v1/session');
      assert.equal(answer.status, 401, message);
      assert.equal(answer.body.error.id, 'auth.session_expired', message);
    };

    before(async () => {
      world = await startAccountsApp(target);
      coordinator = await setUpFirstCoordinator(world.app, world.clock);
    });
    after(async () => {
      await world?.stop();
    });

    it('ends a session after 30 minutes without activity', async () => {
      const client = await signIn(world.app, world.clock, coordinator);
      world.clock.minutes(29);
      assert.equal((await client.get('/api/v1/session')).status, 200, 'activity within 30 minutes keeps it going');
      world.clock.minutes(29);
      assert.equal((await client.get('/api/v1/session')).status, 200);
      world.clock.minutes(31);
      await expectExpired(client, 'idle for 31 minutes');
      await expectExpired(client, 'and it stays ended');
    });

    it('ends a session 12 hours after sign-in, however active', async () => {
      const client = await signIn(world.app, world.clock, coordinator);
      const session = await client.get('/api/v1/session');
      const expiresAt = new Date(session.body.expiresAt).getTime();
      assert.equal(expiresAt - world.clock().getTime(), 12 * 60 * 60_000);
      while (world.clock().getTime() + 25 * 60_000 < expiresAt) {
        world.clock.minutes(25);
        assert.equal((await client.get('/api/v1/session')).status, 200, `active at ${world.clock().toISOString()}`);
      }
      world.clock.set(new Date(expiresAt));
      await expectExpired(client, 'at 12 hours');
    });

    it('gives the second step 10 minutes', async () => {
      const client = browser('half');
      await client.post('/api/v1/session', { email: coordinator.email, password: coordinator.password });
      world.clock.minutes(11);
      const late = await client.post('/api/v1/session/totp', { code: nextTotp(coordinator.totpSecret, world.clock) });
      assert.equal(late.status, 401);
      assert.equal(late.body.error.id, 'auth.session_expired');
    });

    it('signs out: the cookie is cleared and the session ends on the server', async () => {
      const client = await signIn(world.app, world.clock, coordinator);
      const token = client.sessionCookie!;
      const out = await client.delete('/api/v1/session');
      assert.equal(out.status, 204);
      assert.ok(
        out.setCookies.some((header) => header.startsWith(`${SESSION_COOKIE}=;`)),
        'the cookie is cleared',
      );
      assert.equal(client.sessionCookie, undefined);

      const replay = new ApiClient(world.app.baseUrl);
      replay.cookies.set(SESSION_COOKIE, token);
      await expectExpired(replay, 'a signed-out session cannot be used again');
    });

    it('lists my sessions, signs out one, and signs out everywhere else', async () => {
      const laptop = await signIn(world.app, world.clock, coordinator, browser('Laptop'));
      const tablet = await signIn(world.app, world.clock, coordinator, browser('Tablet'));
      const phone = await signIn(world.app, world.clock, coordinator, browser('Phone'));

      const listed = await laptop.get('/api/v1/account/sessions');
      assert.equal(listed.status, 200);
      const mine = listed.body.sessions.filter((session: { userAgent: string }) =>
        ['Laptop', 'Tablet', 'Phone'].includes(session.userAgent),
      );
      assert.equal(mine.length, 3);
      assert.deepEqual(
        mine
          .filter((session: { current: boolean }) => session.current)
          .map((session: { userAgent: string }) => session.userAgent),
        ['Laptop'],
      );
      for (const session of listed.body.sessions) {
        assert.match(session.id, /^[0-9a-f]{16}$/, 'an id that cannot be used as a cookie');
        assert.notEqual(session.id, laptop.sessionCookie);
      }

      const tabletId = mine.find((session: { userAgent: string }) => session.userAgent === 'Tablet').id;
      assert.equal((await laptop.delete(`/api/v1/account/sessions/${tabletId}`)).status, 204);
      await expectExpired(tablet, 'the tablet was signed out from the laptop');
      const unknown = await laptop.delete('/api/v1/account/sessions/0000000000000000');
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.id, 'not_found');

      assert.equal((await laptop.delete('/api/v1/account/sessions')).status, 204);
      await expectExpired(phone, 'signed out everywhere else');
      assert.equal((await laptop.get('/api/v1/session')).status, 200, 'this session stays');
      const after = await laptop.get('/api/v1/account/sessions');
      assert.deepEqual(
        after.body.sessions.map((session: { current: boolean }) => session.current),
        [true],
      );
    });

    it('leaves sessions that idled out off the list', async () => {
      const idle = await signIn(world.app, world.clock, coordinator, browser('Idle'));
      world.clock.minutes(20);
      const active = await signIn(world.app, world.clock, coordinator, browser('Active'));
      world.clock.minutes(15);
      const listed = await active.get('/api/v1/account/sessions');
      const agents = listed.body.sessions.map((session: { userAgent: string }) => session.userAgent);
      assert.ok(agents.includes('Active'));
      assert.ok(!agents.includes('Idle'), 'a session idle for 35 minutes is no longer active');
      await expectExpired(idle, 'and indeed it no longer works');
    });

    it('ends every other session when the password changes', async () => {
      const here = await signIn(world.app, world.clock, coordinator, browser('Here'));
      const there = await signIn(world.app, world.clock, coordinator, browser('There'));
      const wrong = await here.post('/api/v1/account/password', {
        currentPassword: 'niet mijn wachtwoord',
        newPassword: strongPassword(),
      });
      assert.equal(wrong.status, 400);
      assert.deepEqual([wrong.body.error.id, wrong.body.error.field], ['password.wrong_current', 'currentPassword']);
      const weak = await here.post('/api/v1/account/password', {
        currentPassword: coordinator.password,
        newPassword: 'wachtwoord12',
      });
      assert.deepEqual([weak.body.error.id, weak.body.error.field], ['password.too_common', 'newPassword']);

      const newPassword = strongPassword();
      const changed = await here.post('/api/v1/account/password', {
        currentPassword: coordinator.password,
        newPassword,
      });
      assert.equal(changed.status, 204, changed.text);
      await expectExpired(there, 'the other session ended');
      assert.equal((await here.get('/api/v1/session')).status, 200);
      const old = await new ApiClient(world.app.baseUrl).post('/api/v1/session', {
        email: coordinator.email,
        password: coordinator.password,
      });
      assert.equal(old.body.error.id, 'sign_in.failed');
      coordinator.password = newPassword;
      await signIn(world.app, world.clock, coordinator);
    });
  });
}
