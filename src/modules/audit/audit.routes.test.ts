/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { ApiClient } from '../../../test/helpers/api-client.ts';
import { csvRecords } from '../../../test/helpers/csv.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import {
  acceptAndEnrol,
  addStaff,
  invite,
  nextTotp,
  setUpFirstCoordinator,
  tokenFromLink,
  type StaffMember,
} from '../../../test/helpers/staff.ts';

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  municipality_code: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  details: Record<string, unknown>;
}

for (const target of databaseTargets()) {
  describe(`the audit log through the API (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    let coordinator: StaffMember;
    let officer: StaffMember;
    let responder: StaffMember;
    let invitationId: string;
    /** Every secret the tests handled: none may appear in the audit log. */
    const secrets: string[] = [];
    const rows = async (action: string) =>
      (await world.app.owner.pool.query<AuditRow>('SELECT * FROM audit_log WHERE action = $1 ORDER BY id', [action]))
        .rows;
    const remember = (...values: Array<string | undefined>) =>
      secrets.push(...values.filter((value): value is string => Boolean(value)));

    before(async () => {
      world = await startAccountsApp(target);
      national = await setUpFirstCoordinator(world.app, world.clock);
      remember(tokenFromLink(world.app.server.setupUrl!, '/beheer/setup'));
      const invitee = {
        email: 'coordinator@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['municipal_coordinator' as const],
      };
      const response = await national.client.post('/api/v1/invitations', { ...invitee, displayName: 'Coördinator' });
      invitationId = response.body.id;
      const token = tokenFromLink((await world.mailbox.waitForMail(invitee.email)).text, '/beheer/uitnodiging');
      remember(token);
      coordinator = await acceptAndEnrol(world.app, world.clock, token, invitee);
      const officerToken = await invite(coordinator, world.mailbox, {
        email: 'privacy@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['privacy_officer'],
      });
      remember(officerToken);
      officer = await acceptAndEnrol(world.app, world.clock, officerToken, {
        email: 'privacy@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['privacy_officer'],
      });
      responder = await addStaff(world.app, world.clock, world.mailbox, coordinator, {
        email: 'responder@amsterdam.example',
        municipalityCode: 'GM0363',
        roles: ['responder'],
      });
      await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'coordinator@rotterdam.example',
        municipalityCode: 'GM0599',
        roles: ['municipal_coordinator'],
      });
      for (const member of [national, coordinator, officer, responder])
        remember(member.password, member.totpSecret, ...member.recoveryCodes);
    });
    after(async () => {
      await world?.stop();
    });

    it('records sign-ins, failed ones, invitations, role changes and reads with who, role, municipality, what and when', async () => {
      const browser = new ApiClient(world.app.baseUrl, { userAgent: 'AuditTestBrowser/1.0' });
      await browser.post('/api/v1/session', { email: coordinator.email, password: 'niet mijn wachtwoord' });
      await browser.post('/api/v1/session', { email: 'onbekend@example.org', password: 'niet mijn wachtwoord' });
      await browser.post('/api/v1/session', { email: coordinator.email, password: coordinator.password });
      remember(browser.sessionCookie, browser.csrfToken);
      await browser.post('/api/v1/session/totp', { code: '000000' });
      await browser.post('/api/v1/session/totp', { code: nextTotp(coordinator.totpSecret, world.clock) });
      remember(browser.sessionCookie, await browser.refreshCsrf());
      assert.equal((await browser.get('/api/v1/team')).status, 200);
      assert.equal(
        (await browser.put(`/api/v1/team/${responder.userId}/roles`, { roles: ['responder', 'front_desk'] })).status,
        204,
      );
      assert.equal((await officer.client.get('/api/v1/audit')).status, 200);
      assert.equal((await officer.client.get('/api/v1/audit.csv')).status, 200);

      const coordinatorEntry = {
        actor_user_id: coordinator.userId,
        actor_role: 'municipal_coordinator',
        municipality_code: 'GM0363',
      };
      const pick = (row: AuditRow | undefined) =>
        row && {
          actor_user_id: row.actor_user_id,
          actor_role: row.actor_role,
          municipality_code: row.municipality_code,
          object_type: row.object_type,
          object_id: row.object_id,
        };
      const failed = await rows('sign_in.failed');
      assert.deepEqual(failed.map(pick), [
        { ...coordinatorEntry, object_type: 'staff_user', object_id: coordinator.userId },
        { actor_user_id: null, actor_role: null, municipality_code: null, object_type: null, object_id: null },
      ]);
      assert.deepEqual(pick((await rows('sign_in.password_accepted')).at(-1)), {
        ...coordinatorEntry,
        object_type: 'staff_user',
        object_id: coordinator.userId,
      });
      const secondFailed = (await rows('sign_in.second_factor_failed')).at(-1);
      assert.deepEqual(
        [pick(secondFailed), secondFailed?.details],
        [{ ...coordinatorEntry, object_type: 'staff_user', object_id: coordinator.userId }, { method: 'totp' }],
      );
      const succeeded = (await rows('sign_in.succeeded')).at(-1);
      assert.deepEqual(
        [pick(succeeded), succeeded?.details],
        [{ ...coordinatorEntry, object_type: 'staff_user', object_id: coordinator.userId }, { method: 'totp' }],
      );

      const invited = (await rows('invitation.created'))[0];
      assert.deepEqual(
        [pick(invited), invited?.details],
        [
          {
            actor_user_id: national.userId,
            actor_role: 'national_coordinator',
            municipality_code: 'GM0363',
            object_type: 'staff_invitation',
            object_id: invitationId,
          },
          { roles: 'municipal_coordinator' },
        ],
      );
      assert.deepEqual(pick((await rows('invitation.accepted'))[0]), {
        ...coordinatorEntry,
        object_type: 'staff_invitation',
        object_id: invitationId,
      });
      const changed = (await rows('team.roles_changed')).at(-1);
      assert.deepEqual(
        [pick(changed), changed?.details],
        [
          { ...coordinatorEntry, object_type: 'staff_user', object_id: responder.userId },
          { from: 'responder', to: 'responder,front_desk' },
        ],
      );
      assert.deepEqual(pick((await rows('team.viewed')).at(-1)), {
        ...coordinatorEntry,
        object_type: 'municipality',
        object_id: 'GM0363',
      });
      const officerEntry = {
        actor_user_id: officer.userId,
        actor_role: 'privacy_officer',
        municipality_code: 'GM0363',
        object_type: 'audit_log',
        object_id: null,
      };
      assert.deepEqual(pick((await rows('audit.viewed')).at(-1)), officerEntry);
      assert.deepEqual(pick((await rows('audit.exported')).at(-1)), officerEntry);

      const times = (
        await world.app.owner.pool.query<{ occurred_at: Date }>('SELECT occurred_at FROM audit_log ORDER BY id')
      ).rows.map((row) => row.occurred_at.getTime());
      assert.deepEqual(
        times,
        [...times].sort((a, b) => a - b),
        'every entry has a time, in the order of the chain',
      );
    });

    it('holds no IP address, password, token, secret or recovery code anywhere', async () => {
      const { rows: all } = await world.app.owner.pool.query<{ text: string }>(
        'SELECT row_to_json(a)::text AS text FROM audit_log a',
      );
      assert.ok(all.length > 20);
      assert.ok(secrets.length > 40, `checked ${secrets.length} secrets`);
      for (const { text } of all) {
        assert.doesNotMatch(text, /127\.0\.0\.1|::1\b|::ffff:/, 'no IP address');
        assert.ok(!text.includes('AuditTestBrowser'), 'no user agent');
        for (const secret of secrets)
          assert.ok(!text.includes(secret), `a secret (${secret.slice(0, 4)}…) is in ${text}`);
      }
    });

    it('shows a privacy officer only their own municipality; a national coordinator everything', async () => {
      const own = await officer.client.get('/api/v1/audit?limit=1000');
      assert.ok(own.body.entries.length > 5);
      for (const entry of own.body.entries) assert.equal(entry.municipalityCode, 'GM0363');
      assert.ok(
        own.body.entries.some((entry: { action: string }) => entry.action === 'invitation.created'),
        'also what a national coordinator did for GM0363',
      );
      const filtered = await officer.client.get(`/api/v1/audit?action=sign_in.failed&actor=${coordinator.userId}`);
      assert.deepEqual(
        filtered.body.entries.map((entry: { action: string }) => entry.action),
        ['sign_in.failed'],
      );

      const everything = await national.client.get('/api/v1/audit?limit=1000');
      const municipalities = new Set(
        everything.body.entries.map((entry: { municipalityCode: string | null }) => entry.municipalityCode),
      );
      assert.deepEqual([...municipalities].sort(), ['GM0363', 'GM0599', null].sort());
      const page = await national.client.get(`/api/v1/audit?limit=2&before=${everything.body.entries[0].id}`);
      assert.deepEqual(
        page.body.entries.map((entry: { id: number }) => entry.id),
        [everything.body.entries[1].id, everything.body.entries[2].id],
      );
      const bad = await national.client.get('/api/v1/audit?limit=0');
      assert.deepEqual([bad.status, bad.body.error.id, bad.body.error.field], [400, 'request.invalid', 'limit']);
    });

    it('exports CSV with proper quoting, and defuses anything a spreadsheet would run', async () => {
      await world.app.owner.pool.query(
        `SELECT audit_append(NULL, $1, 'GM0363', 'test.formula', '+cmd|calc', '@SUM(A1)', $2::jsonb)`,
        ['=HYPERLINK("http://evil.example")', JSON.stringify({ note: '-1;=2', quote: 'a "b", c' })],
      );
      const response = await officer.client.get('/api/v1/audit.csv');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="opendeur-audit\.csv"/);
      assert.ok(response.text.endsWith('\r\n'));
      const [header] = response.text.split('\r\n');
      assert.equal(
        header,
        'id,occurred_at,actor_user_id,actor_name,actor_role,municipality_code,action,object_type,object_id,details',
      );

      const records = csvRecords(response.text);
      const formula = records.find((record) => record.action === 'test.formula');
      assert.ok(formula);
      assert.deepEqual(
        [formula.actor_role, formula.object_type, formula.object_id],
        [`'=HYPERLINK("http://evil.example")`, "'+cmd|calc", "'@SUM(A1)"],
      );
      assert.deepEqual(JSON.parse(formula.details!), { note: '-1;=2', quote: 'a "b", c' }, 'quotes and commas survive');
      assert.ok(response.text.includes(`"'=HYPERLINK(""http://evil.example"")"`), 'quoted, with doubled quotes');

      const api = await officer.client.get('/api/v1/audit?limit=1000');
      for (const entry of api.body.entries.slice(0, 20)) {
        const record = records.find((candidate) => candidate.id === String(entry.id));
        if (!record) continue; // newer than the export (the API read itself)
        assert.deepEqual(
          [record.occurred_at, record.action, record.actor_user_id || null],
          [entry.occurredAt, entry.action, entry.actorUserId],
        );
        assert.deepEqual(JSON.parse(record.details!), entry.details);
      }
    });

    it('names the actor in the API and the CSV, as far as the reader may see them', async () => {
      type Entry = { action: string; actorUserId: string | null; actorDisplayName: string | null };
      const names = (entries: Entry[]) => new Map(entries.map((entry) => [entry.actorUserId, entry.actorDisplayName]));
      const everything = names((await national.client.get('/api/v1/audit?limit=1000')).body.entries);
      assert.equal(everything.get(national.userId), 'Landelijk Coördinator');
      assert.equal(everything.get(coordinator.userId), 'Coördinator');
      assert.equal(everything.get(responder.userId), 'responder');
      assert.equal(everything.get(null), null, 'an entry without an actor has no name');

      // A privacy officer sees the names of their own municipality's staff; a national coordinator's
      // account is out of their sight (row-level security), so that entry keeps only the id.
      const own: Entry[] = (await officer.client.get('/api/v1/audit?limit=1000')).body.entries;
      assert.equal(names(own).get(coordinator.userId), 'Coördinator');
      const byNational = own.find((entry) => entry.actorUserId === national.userId);
      assert.ok(byNational, 'the officer sees what a national coordinator did for GM0363');
      assert.equal(byNational.actorDisplayName, null);

      const records = csvRecords((await officer.client.get('/api/v1/audit.csv')).text);
      const coordinatorRecord = records.find((record) => record.actor_user_id === coordinator.userId);
      assert.equal(coordinatorRecord?.actor_name, 'Coördinator');
      assert.equal(records.find((record) => record.actor_user_id === national.userId)?.actor_name, '');
    });
  });
}
