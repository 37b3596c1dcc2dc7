/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { ApiClient } from '../../../test/helpers/api-client.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  enrolTotp,
  nextTotp,
  signIn,
  strongPassword,
  tokenFromLink,
  type StaffMember,
} from '../../../test/helpers/staff.ts';
import { currentTotp } from './totp.ts';

for (const target of databaseTargets()) {
  describe(`second-factor enrolment and sign-in (${target.name})`, () => {
    let world: AccountsApp;
    let coordinator: StaffMember;
    const client = () => new ApiClient(world.app.baseUrl);

    before(async () => {
      world = await startAccountsApp(target);
    });
    after(async () => {
      await world?.stop();
    });

    it('enrols TOTP: the session becomes full (a new id) and ten recovery codes are shown once', async () => {
      const browser = client();
      const token = tokenFromLink(world.app.server.setupUrl!, '/beheer/setup');
      const password = strongPassword();
      const setup = await browser.post('/api/v1/setup', {
        token,
        email: 'landelijk@example.org',
        displayName: 'Landelijk',
        password,
      });
      assert.equal(setup.status, 200, setup.text);
      const halfSession = browser.sessionCookie;

      const started = await browser.post('/api/v1/account/totp');
      assert.equal(started.status, 200, started.text);
      assert.match(started.body.secret, /^[A-Z2-7]{32}$/);
      assert.match(started.body.uri, /^otpauth:\/\/totp\/opendeur:landelijk%40example\.org\?/);
      assert.match(started.body.qrSvg, /^<svg/);

      const wrong = await browser.post('/api/v1/account/totp/confirm', { code: '000000' });
      assert.equal(wrong.status, 401);
      assert.deepEqual([wrong.body.error.id, wrong.body.error.field], ['second_factor.invalid_code', 'code']);

      const confirmed = await browser.post('/api/v1/account/totp/confirm', {
        code: nextTotp(started.body.secret, world.clock),
      });
      assert.equal(confirmed.status, 200, confirmed.text);
      assert.equal(confirmed.body.recoveryCodes.length, 10);
      assert.equal(new Set(confirmed.body.recoveryCodes).size, 10);
      for (const code of confirmed.body.recoveryCodes) assert.match(code, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
      assert.notEqual(browser.sessionCookie, halfSession, 'the full session has a new id');

      const session = await browser.get('/api/v1/session');
      assert.equal(session.body.stage, 'full');
      assert.deepEqual(session.body.secondFactors, { totp: true, passkeys: 0, recoveryCodesLeft: 10 });
      assert.equal((await browser.get('/api/v1/municipalities')).status, 200);

      const oldHalf = new ApiClient(world.app.baseUrl);
      oldHalf.cookies.set('__Host-od-session', halfSession!);
      assert.equal((await oldHalf.get('/api/v1/session')).body.error.id, 'auth.session_expired');

      coordinator = {
        client: browser,
        userId: setup.body.user.id,
        email: 'landelijk@example.org',
        password,
        municipalityCode: null,
        roles: ['national_coordinator'],
        totpSecret: started.body.secret,
        recoveryCodes: confirmed.body.recoveryCodes,
      };
    });

    it('refuses enrolment before the second step once the account has a second factor', async () => {
      const browser = client();
      assert.equal(
        (await browser.post('/api/v1/session', { email: coordinator.email, password: coordinator.password })).status,
        200,
      );
      const start = await browser.post('/api/v1/account/totp');
      assert.equal(start.status, 403);
      assert.equal(start.body.error.id, 'auth.second_factor_required');
      const confirm = await browser.post('/api/v1/account/totp/confirm', { code: '123456' });
      assert.equal(confirm.body.error.id, 'auth.second_factor_required');
      const totp = await browser.post('/api/v1/session/totp', { code: nextTotp(coordinator.totpSecret, world.clock) });
      assert.equal(totp.status, 200, 'the authenticator is unchanged');
    });

    it('signs in with password then TOTP, with a new session id at each step', async () => {
      const browser = client();
      await browser.refreshCsrf();
      assert.equal(browser.sessionCookie, undefined);

      const password = await browser.post('/api/v1/session', {
        email: 'LANDELIJK@example.org',
        password: coordinator.password,
      });
      assert.equal(password.status, 200, password.text);
      assert.equal(password.body.stage, 'password');
      const first = browser.sessionCookie;
      assert.ok(first);
      const secondFactorOnly = await browser.get('/api/v1/team');
      assert.equal(secondFactorOnly.body.error.id, 'auth.second_factor_required');

      const wrong = await browser.post('/api/v1/session/totp', { code: '000000' });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.body.error.id, 'second_factor.invalid_code');

      const code = nextTotp(coordinator.totpSecret, world.clock);
      const full = await browser.post('/api/v1/session/totp', { code });
      assert.equal(full.status, 200, full.text);
      assert.equal(full.body.stage, 'full');
      assert.ok(
        browser.sessionCookie && browser.sessionCookie !== first,
        'the session id changes after the second step',
      );
      assert.equal((await browser.get('/api/v1/team')).status, 200);

      const stale = new ApiClient(world.app.baseUrl);
      stale.cookies.set('__Host-od-session', first);
      assert.equal((await stale.get('/api/v1/session')).status, 401, 'the half session ended');

      // The same code again, in the same 30 seconds, from another browser that knows the password.
      const replay = client();
      assert.equal(
        (await replay.post('/api/v1/session', { email: coordinator.email, password: coordinator.password })).status,
        200,
      );
      const replayed = await replay.post('/api/v1/session/totp', { code });
      assert.equal(replayed.status, 401);
      assert.equal(replayed.body.error.id, 'second_factor.invalid_code');
    });

    it('answers a wrong password and an unknown address alike, in the caller’s language', async () => {
      for (const language of ['nl', 'en']) {
        const browser = new ApiClient(world.app.baseUrl, { acceptLanguage: language });
        const wrong = await browser.post('/api/v1/session', {
          email: coordinator.email,
          password: 'niet het goede wachtwoord',
        });
        const unknown = await browser.post('/api/v1/session', {
          email: 'niemand@example.org',
          password: 'niet het goede wachtwoord',
        });
        assert.equal(wrong.status, 401);
        assert.deepEqual(unknown.body, wrong.body);
        assert.equal(wrong.body.error.id, 'sign_in.failed');
        assert.match(
          wrong.body.error.message,
          language === 'en' ? /e-mail address or the password/ : /e-mailadres of het wachtwoord/,
        );
        assert.equal(browser.sessionCookie, undefined);
      }
    });

    it('takes a recovery code exactly once, in any spelling', async () => {
      const [code] = coordinator.recoveryCodes;
      const first = client();
      await first.post('/api/v1/session', { email: coordinator.email, password: coordinator.password });
      const used = await first.post('/api/v1/session/recovery-code', {
        code: ` ${code!.toUpperCase().replace(/-/g, ' ')} `,
      });
      assert.equal(used.status, 200, used.text);
      assert.equal(used.body.stage, 'full');
      assert.equal(used.body.secondFactors.recoveryCodesLeft, 9);

      const second = client();
      await second.post('/api/v1/session', { email: coordinator.email, password: coordinator.password });
      const again = await second.post('/api/v1/session/recovery-code', { code });
      assert.equal(again.status, 401);
      assert.equal(again.body.error.id, 'second_factor.invalid_recovery_code');
      const another = await second.post('/api/v1/session/recovery-code', { code: coordinator.recoveryCodes[1] });
      assert.equal(another.status, 200, 'the other codes still work');
    });

    it('keeps the old authenticator working until a new one is confirmed', async () => {
      const browser = await signIn(world.app, world.clock, coordinator);
      const started = await browser.post('/api/v1/account/totp');
      assert.equal(started.status, 200);
      const abandoned = started.body.secret as string;

      // The set-up is abandoned: the account still has its second factor, and the old app still works.
      const session = await browser.get('/api/v1/session');
      assert.equal(session.body.secondFactors.totp, true);
      await signIn(world.app, world.clock, coordinator);
      const withAbandoned = client();
      await withAbandoned.post('/api/v1/session', { email: coordinator.email, password: coordinator.password });
      const refused = await withAbandoned.post('/api/v1/session/totp', { code: nextTotp(abandoned, world.clock) });
      assert.equal(refused.body.error?.id, 'second_factor.invalid_code', 'an unconfirmed secret signs nobody in');

      // Confirming a new one replaces the old, and keeps the remaining recovery codes.
      const { secret, recoveryCodes } = await enrolTotp(browser, world.clock);
      assert.deepEqual(recoveryCodes, [], 'no new recovery codes while some are left');
      const withOld = client();
      await withOld.post('/api/v1/session', { email: coordinator.email, password: coordinator.password });
      world.clock.advance(30_000);
      const old = await withOld.post('/api/v1/session/totp', {
        code: currentTotp(coordinator.totpSecret, world.clock().getTime()),
      });
      assert.equal(old.body.error?.id, 'second_factor.invalid_code');
      coordinator.totpSecret = secret;
      await signIn(world.app, world.clock, coordinator);
    });

    it('ends the session the browser came with when it signs in again', async () => {
      const browser = await signIn(world.app, world.clock, coordinator);
      const before = browser.sessionCookie!;
      await signIn(world.app, world.clock, coordinator, browser);
      const stale = new ApiClient(world.app.baseUrl);
      stale.cookies.set('__Host-od-session', before);
      const answer = await stale.get('/api/v1/session');
      assert.equal(answer.status, 401);
      assert.equal(answer.body.error.id, 'auth.session_expired');
    });
  });
}
