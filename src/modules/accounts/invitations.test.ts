/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { ApiClient } from '../../../test/helpers/api-client.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  acceptAndEnrol,
  invite,
  setUpFirstCoordinator,
  signIn,
  strongPassword,
  tokenFromLink,
  type StaffMember,
} from '../../../test/helpers/staff.ts';

const BASE_URL = 'https://opendeur.example';

for (const target of databaseTargets()) {
  describe(`invitations by e-mail (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    let amsterdam: StaffMember;
    const anonymous = () => new ApiClient(world.app.baseUrl, { acceptLanguage: 'en' });
    const expectError = (response: { status: number; body: any }, status: number, id: string, field?: string) => {
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.error.id, id);
      assert.equal(typeof response.body.error.message, 'string');
      if (field) assert.equal(response.body.error.field, field);
    };

    before(async () => {
      world = await startAccountsApp(target, { PUBLIC_BASE_URL: BASE_URL });
      national = await setUpFirstCoordinator(world.app, world.clock);
    });
    after(async () => {
      await world?.stop();
    });

    it('invites a coordinator for GM0363: the e-mail arrives with a single-use link', async () => {
      const response = await national.client.post('/api/v1/invitations', {
        email: 'Coordinator@Amsterdam.example',
        displayName: 'Anna Amsterdam',
        municipalityCode: 'GM0363',
        roles: ['municipal_coordinator'],
      });
      assert.equal(response.status, 200, response.text);
      assert.match(response.body.id, /^[0-9a-f-]{36}$/);

      const mail = await world.mailbox.waitForMail('coordinator@amsterdam.example');
      assert.equal(mail.from, 'noreply@opendeur.invalid');
      assert.match(mail.subject, /Uitnodiging voor opendeur/);
      assert.match(mail.text, /Beste Anna Amsterdam/);
      assert.match(mail.text, new RegExp(`${BASE_URL}/beheer/uitnodiging#token=[\\w-]{43}\\b`));
      const token = tokenFromLink(mail.text, '/beheer/uitnodiging');

      const view = await anonymous().get(`/api/v1/invitations/${token}`);
      assert.equal(view.status, 200, view.text);
      assert.deepEqual(
        { ...view.body, expiresAt: undefined },
        {
          email: 'coordinator@amsterdam.example',
          displayName: 'Anna Amsterdam',
          municipalityName: 'Amsterdam',
          roles: ['municipal_coordinator'],
          expiresAt: undefined,
        },
      );
      assert.equal(new Date(view.body.expiresAt).getTime(), world.clock().getTime() + 72 * 60 * 60_000);

      const browser = anonymous();
      expectError(
        await browser.post(`/api/v1/invitations/${token}/accept`, { password: 'kort' }),
        400,
        'password.too_short',
        'password',
      );
      expectError(
        await browser.post(`/api/v1/invitations/${token}/accept`, { password: 'qwertyuiop12' }),
        400,
        'password.too_common',
        'password',
      );
      expectError(
        await browser.post(`/api/v1/invitations/${token}/accept`, { password: 'ik ben coordinator!' }),
        400,
        'password.contains_email',
        'password',
      );

      const password = strongPassword();
      const accepted = await browser.post(`/api/v1/invitations/${token}/accept`, { password });
      assert.equal(accepted.status, 200, accepted.text);
      assert.equal(accepted.body.stage, 'password', 'the new account must set up a second factor first');
      assert.deepEqual(accepted.body.secondFactors, { totp: false, passkeys: 0, recoveryCodesLeft: 0 });
      assert.deepEqual(accepted.body.user.roles, ['municipal_coordinator']);
      assert.equal(accepted.body.user.municipalityCode, 'GM0363');
      expectError(await browser.get('/api/v1/team'), 403, 'auth.second_factor_required');

      expectError(
        await anonymous().post(`/api/v1/invitations/${token}/accept`, { password: strongPassword() }),
        410,
        'invitation.used',
      );
      expectError(await anonymous().get(`/api/v1/invitations/${token}`), 410, 'invitation.used');

      // Finish as the helpers do: accept a fresh invitation and enrol (this one is used now).
      const second = await invite(national, world.mailbox, {
        email: 'coordinator2@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['municipal_coordinator'],
      });
      amsterdam = await acceptAndEnrol(world.app, world.clock, second, {
        email: 'coordinator2@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['municipal_coordinator'],
      });
      assert.equal((await amsterdam.client.get('/api/v1/team')).status, 200);
    });

    it('refuses an unknown link, and an expired one after 72 hours, with clear messages', async () => {
      expectError(await anonymous().get(`/api/v1/invitations/${'x'.repeat(43)}`), 404, 'invitation.invalid');
      const token = await invite(national, world.mailbox, {
        email: 'laat@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['responder'],
      });
      world.clock.hours(71);
      assert.equal((await anonymous().get(`/api/v1/invitations/${token}`)).status, 200, 'still valid after 71 hours');
      world.clock.hours(2);
      const expired = await anonymous().get(`/api/v1/invitations/${token}`);
      expectError(expired, 410, 'invitation.expired');
      assert.match(expired.body.error.message, /expired \(after 72 hours\)\. Ask your coordinator for a new one/);
      expectError(
        await anonymous().post(`/api/v1/invitations/${token}/accept`, { password: strongPassword() }),
        410,
        'invitation.expired',
      );
      // The coordinators' sessions idled out meanwhile.
      national.client = await signIn(world.app, world.clock, national);
      amsterdam.client = await signIn(world.app, world.clock, amsterdam);
    });

    it('lets a municipal coordinator invite only for their own municipality, and never a national coordinator', async () => {
      const invitation = (overrides: Record<string, unknown>) => ({
        email: 'nieuw@example.org',
        displayName: 'Nieuw',
        municipalityCode: 'GM0363',
        roles: ['responder'],
        ...overrides,
      });
      expectError(
        await amsterdam.client.post('/api/v1/invitations', invitation({ municipalityCode: 'GM0599' })),
        403,
        'invitation.wrong_municipality',
        'municipalityCode',
      );
      expectError(
        await amsterdam.client.post('/api/v1/invitations', invitation({ municipalityCode: null })),
        400,
        'request.invalid',
        'municipalityCode',
      );
      expectError(
        await amsterdam.client.post(
          '/api/v1/invitations',
          invitation({ roles: ['national_coordinator'], municipalityCode: null }),
        ),
        403,
        'invitation.role_not_allowed',
        'roles',
      );
      expectError(
        await amsterdam.client.post('/api/v1/invitations', invitation({ roles: ['national_coordinator'] })),
        403,
        'invitation.role_not_allowed',
        'roles',
      );
      expectError(
        await amsterdam.client.post('/api/v1/invitations', invitation({ roles: ['ceo'] })),
        400,
        'request.invalid',
        'roles.0',
      );
      assert.equal(
        world.mailbox.messages.filter((mail) => mail.to.includes('nieuw@example.org')).length,
        0,
        'no refused invitation sends mail',
      );

      const responder = await invite(amsterdam, world.mailbox, {
        email: 'balie@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['front_desk', 'front_desk'],
      });
      const view = await anonymous().get(`/api/v1/invitations/${responder}`);
      assert.deepEqual(view.body.roles, ['front_desk'], 'a role named twice is one role');
      const member = await acceptAndEnrol(world.app, world.clock, responder, {
        email: 'balie@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['front_desk'],
      });
      expectError(await member.client.post('/api/v1/invitations', invitation({})), 403, 'auth.forbidden');
    });

    it('lets a national coordinator invite for any current municipality, or another national coordinator', async () => {
      const rotterdam = await invite(national, world.mailbox, {
        email: 'coordinator@rotterdam.example',
        municipalityCode: 'GM0599',
        roles: ['municipal_coordinator', 'privacy_officer'],
      });
      assert.equal((await anonymous().get(`/api/v1/invitations/${rotterdam}`)).body.municipalityName, 'Rotterdam');
      const colleague = await invite(national, world.mailbox, {
        email: 'collega@example.org',
        municipalityCode: 'GM0363',
        roles: ['national_coordinator'],
      });
      const view = await anonymous().get(`/api/v1/invitations/${colleague}`);
      assert.deepEqual(
        [view.body.municipalityName, view.body.roles],
        [null, ['national_coordinator']],
        'national coordinators belong to no municipality',
      );
      expectError(
        await national.client.post('/api/v1/invitations', {
          email: 'x@example.org',
          displayName: 'X',
          municipalityCode: 'GM0363',
          roles: ['national_coordinator', 'responder'],
        }),
        403,
        'invitation.role_not_allowed',
      );
      expectError(
        await national.client.post('/api/v1/invitations', {
          email: 'x@example.org',
          displayName: 'X',
          municipalityCode: 'GM9999',
          roles: ['responder'],
        }),
        400,
        'invitation.unknown_municipality',
        'municipalityCode',
      );
    });

    it('refuses an address that already has an account, also when a second invitation is accepted', async () => {
      expectError(
        await national.client.post('/api/v1/invitations', {
          email: 'COORDINATOR@amsterdam.example',
          displayName: 'Dubbel',
          municipalityCode: 'GM0363',
          roles: ['responder'],
        }),
        409,
        'invitation.email_taken',
        'email',
      );
      const first = await invite(national, world.mailbox, {
        email: 'twee@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['responder'],
      });
      const second = await invite(amsterdam, world.mailbox, {
        email: 'twee@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['front_desk'],
      });
      assert.equal(
        (await anonymous().post(`/api/v1/invitations/${first}/accept`, { password: strongPassword() })).status,
        200,
      );
      expectError(
        await anonymous().post(`/api/v1/invitations/${second}/accept`, { password: strongPassword() }),
        409,
        'invitation.email_taken',
      );
    });
  });
}
