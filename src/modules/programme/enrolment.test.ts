/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { setUpFirstCoordinator, tokenFromLink, type StaffMember } from '../../../test/helpers/staff.ts';
import { isDutchPhoneNumber } from './enrolment.schema.ts';
import { emailDomainLooksOwn } from './enrolment.service.ts';

/** Posts a url-encoded form as a browser without cookies does; answers status, headers and HTML. */
export async function postForm(baseUrl: string, path: string, fields: Record<string, string>) {
  const response = await fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** The confirmation token in the e-mailed link `…/aanmelden/bevestig?token=…`. */
export function confirmTokenFrom(text: string): string {
  const match = /\/aanmelden\/bevestig\?token=([\w-]{43})/.exec(text);
  assert.ok(match, `no confirmation link in: ${text}`);
  return match[1]!;
}

const APPLICATION = {
  municipality: 'GM0363',
  name: 'Femke Burgemeester',
  role: 'mayor',
  email: 'f.burgemeester@amsterdam.nl',
  phone: '020 624 1111',
  pledge: 'yes',
};

describe('enrolment rules without a database', () => {
  it('recognises the municipality’s own e-mail domain and warns about others', () => {
    assert.equal(emailDomainLooksOwn('a@amsterdam.nl', 'amsterdam'), true);
    assert.equal(emailDomainLooksOwn('a@bestuur.gemeenteamsterdam.nl', 'amsterdam'), true);
    assert.equal(emailDomainLooksOwn('a@gemeente-amsterdam.nl', 'amsterdam'), true);
    assert.equal(emailDomainLooksOwn('a@s-hertogenbosch.nl', 's-hertogenbosch'), true);
    assert.equal(emailDomainLooksOwn('a@gmail.com', 'amsterdam'), false);
    assert.equal(emailDomainLooksOwn('a@amsterdam.nl.evil.com', 'amsterdam'), false);
  });

  it('accepts Dutch phone numbers as people write them and refuses others', () => {
    for (const good of ['020 624 1111', '06-12345678', '+31 20 624 1111', '0031206241111', '14 020', '0800-1234'])
      assert.equal(isDutchPhoneNumber(good), true, good);
    for (const bad of ['12345', '+44 20 7946 0958', '020 624 11111', 'bel me', '06 1234 567'])
      assert.equal(isDutchPhoneNumber(bad), false, bad);
  });
});

for (const target of databaseTargets()) {
  describe(`enrolment: application, confirmation, verification, approval (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;

    before(async () => {
      world = await startAccountsApp(target);
      national = await setUpFirstCoordinator(world.app, world.clock);
    });
    after(async () => {
      await world?.stop();
    });

    it('lists every problem of an empty form at once, keeps what was typed, sets no cookie', async () => {
      const answer = await postForm(world.app.baseUrl, '/aanmelden', { name: 'Femke', email: 'geen-adres' });
      assert.equal(answer.status, 400);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      assert.equal(answer.headers.get('set-cookie'), null);
      assert.match(answer.html, /<title>Fout: /);
      for (const message of [
        'Kies uw gemeente',
        'Kies uw functie',
        'Vul een e-mailadres in zoals',
        'Vul uw telefoonnummer in',
        'Vink de belofte aan',
      ])
        assert.ok(answer.html.includes(message), message);
      assert.match(answer.html, /href="#aanmelden-gemeente"/, 'the summary links to the field');
      assert.match(answer.html, /value="Femke"/, 'the name is kept');
      assert.match(answer.html, /value="geen-adres"/, 'the e-mail is kept');
    });

    it('stores the application, e-mails a link, warns about a foreign domain, and confirms only by POST', async () => {
      const form = await world.app.server.app.inject({ method: 'GET', url: '/en/aanmelden' });
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<optgroup label="Noord-Holland">/);
      assert.equal(form.headers['cache-control'], 'no-store');

      const sent = await postForm(world.app.baseUrl, '/aanmelden', { ...APPLICATION, email: 'femke@gmail.com' });
      assert.equal(sent.status, 200, sent.html);
      assert.ok(sent.html.includes('lijkt geen e-mailadres van gemeente Amsterdam'), 'the page warns about the domain');
      const mail = await world.mailbox.waitForMail('femke@gmail.com');
      const token = confirmTokenFrom(mail.text);
      const stored = await world.app.owner.pool.query(
        'SELECT status, email_token_hash, municipality_code FROM enrolment_applications WHERE email = $1',
        ['femke@gmail.com'],
      );
      assert.equal(stored.rows[0].status, 'submitted');
      assert.equal(stored.rows[0].email_token_hash, createHash('sha256').update(token).digest('hex'), 'only the hash');

      // A mail scanner following the link changes nothing.
      const page = await fetch(new URL(`/aanmelden/bevestig?token=${token}`, world.app.baseUrl));
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<button[^>]*type="submit"/);
      const still = await world.app.owner.pool.query('SELECT status FROM enrolment_applications WHERE email = $1', [
        'femke@gmail.com',
      ]);
      assert.equal(still.rows[0].status, 'submitted');

      const confirmed = await postForm(world.app.baseUrl, '/aanmelden/bevestig', { token });
      assert.equal(confirmed.status, 200);
      assert.ok(confirmed.html.includes('Uw e-mailadres is bevestigd'));
      const again = await postForm(world.app.baseUrl, '/aanmelden/bevestig', { token });
      assert.equal(again.status, 400, 'a link works once');

      const list = await national.client.get('/api/v1/programme/applications');
      assert.equal(list.status, 200);
      const application = list.body.applications.find((row: { email: string }) => row.email === 'femke@gmail.com');
      assert.equal(application.status, 'email_verified');
      assert.equal(application.domainWarning, true);
    });

    it('refuses an expired link', async () => {
      await postForm(world.app.baseUrl, '/aanmelden', { ...APPLICATION, email: 'laat@amsterdam.nl' });
      const token = confirmTokenFrom((await world.mailbox.waitForMail('laat@amsterdam.nl')).text);
      // 72 hours later (moved in the database: moving the clock would end the coordinator's session too).
      await world.app.owner.pool.query(
        "UPDATE enrolment_applications SET email_token_expires_at = now() - interval '1 second' WHERE email = $1",
        ['laat@amsterdam.nl'],
      );
      const late = await postForm(world.app.baseUrl, '/aanmelden/bevestig', { token });
      assert.equal(late.status, 400);
      assert.ok(late.html.includes('Deze link werkt niet meer'));
    });

    it('approves only after e-mail and phone checks: enrolled, coordinator invited, audited', async () => {
      await postForm(world.app.baseUrl, '/aanmelden', APPLICATION);
      const token = confirmTokenFrom((await world.mailbox.waitForMail(APPLICATION.email)).text);
      const { rows } = await world.app.owner.pool.query('SELECT id FROM enrolment_applications WHERE email = $1', [
        APPLICATION.email,
      ]);
      const id = rows[0].id as string;
      const early = await national.client.post(`/api/v1/programme/applications/${id}/approve`);
      assert.equal(early.status, 409);
      assert.equal(early.body.error.id, 'programme.application_not_ready');

      await postForm(world.app.baseUrl, '/aanmelden/bevestig', { token });
      const noPhone = await national.client.post(`/api/v1/programme/applications/${id}/approve`);
      assert.equal(noPhone.body.error.id, 'programme.application_not_ready', 'the phone check is needed too');
      const phoned = await national.client.post(`/api/v1/programme/applications/${id}/phone-check`, {
        note: 'Gebeld via 14 020, burgemeester bevestigt',
      });
      assert.equal(phoned.status, 204, phoned.text);
      const approved = await national.client.post(`/api/v1/programme/applications/${id}/approve`);
      assert.equal(approved.status, 200, approved.text);
      assert.deepEqual(approved.body, { invited: true, alreadyHasAccount: false });

      const invitation = await world.mailbox.waitForMail(APPLICATION.email);
      tokenFromLink(invitation.text, '/beheer/uitnodiging');
      const municipality = await world.app.owner.pool.query(
        "SELECT participation FROM municipalities WHERE code = 'GM0363'",
      );
      assert.equal(municipality.rows[0].participation, 'enrolled');
      const invited = await world.app.owner.pool.query(
        'SELECT roles, municipality_code FROM staff_invitations WHERE email = $1',
        [APPLICATION.email],
      );
      assert.equal(invited.rows[0].municipality_code, 'GM0363');
      assert.match(String(invited.rows[0].roles), /municipal_coordinator/);
      const audit = await world.app.owner.pool.query('SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id', [
        id,
      ]);
      assert.deepEqual(
        audit.rows.map((row) => row.action),
        ['enrolment.applied', 'enrolment.email_confirmed', 'enrolment.phone_checked', 'enrolment.approved'],
      );
      const twice = await national.client.post(`/api/v1/programme/applications/${id}/reject`, { reason: 'te laat' });
      assert.equal(twice.body.error.id, 'programme.application_decided');
    });

    it('rejects with a reason; the municipality stays as it was', async () => {
      await postForm(world.app.baseUrl, '/aanmelden', {
        ...APPLICATION,
        municipality: 'GM0599',
        email: 'x@rotterdam.nl',
      });
      await world.mailbox.waitForMail('x@rotterdam.nl');
      const { rows } = await world.app.owner.pool.query('SELECT id FROM enrolment_applications WHERE email = $1', [
        'x@rotterdam.nl',
      ]);
      const rejected = await national.client.post(`/api/v1/programme/applications/${rows[0].id}/reject`, {
        reason: 'Niet bekend bij de gemeente',
      });
      assert.equal(rejected.status, 204);
      const state = await world.app.owner.pool.query("SELECT participation FROM municipalities WHERE code = 'GM0599'");
      assert.equal(state.rows[0].participation, 'not_participating');
    });

    it('limits applications per source', async () => {
      let last = 0;
      for (let attempt = 0; attempt < 12; attempt++) {
        last = (
          await postForm(world.app.baseUrl, '/aanmelden', { ...APPLICATION, email: `veel${attempt}@amsterdam.nl` })
        ).status;
      }
      assert.equal(last, 429);
    });
  });
}
