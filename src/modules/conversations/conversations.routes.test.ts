/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import type { ApiResponse } from '../../../test/helpers/api-client.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';
import type { StaffRole } from '../accounts/accounts.schema.ts';
import { startConversation } from './child-conversations.service.ts';

const SECRET = 'Ik durf het niet aan mijn ouders te vertellen';
const NAME = 'Noor';

/** Asserts an API error answer: status, id and (for field errors) the field. */
function assertError(response: ApiResponse, status: number, id: string, field?: string) {
  assert.equal(response.status, status, response.text);
  assert.equal(response.body.error.id, id, response.text);
  assert.equal(typeof response.body.error.message, 'string');
  if (field) assert.equal(response.body.error.field, field, response.text);
}

for (const target of databaseTargets()) {
  describe(`conversations API (${target.name})`, () => {
    let world: AccountsApp;
    let national: StaffMember;
    let responder: StaffMember;
    let coordinator: StaffMember;
    let frontDesk: StaffMember;
    let rotterdam: StaffMember;
    const base = '/api/v1/conversations';

    const member = (email: string, municipalityCode: string, roles: StaffRole[]) =>
      addStaff(world.app, world.clock, world.mailbox, national, { email, municipalityCode, roles });
    /** A child writes to `municipalityCode` (as the public form would, through the service). */
    const childWrites = async (municipalityCode = 'GM0363') => {
      const { server } = world.app;
      const started = await startConversation(
        {
          db: server.database.db,
          keyring: server.keyring,
          mailer: { send: async () => {}, close: () => {} },
          publicBaseUrl: world.app.baseUrl,
          codeExpiryDays: 90,
        },
        municipalityCode,
        { message: SECRET, name: NAME, contact: { preference: 'code' }, submissionToken: randomUUID() },
        world.clock(),
      );
      assert.equal(started.kind, 'started');
      return started.conversationId;
    };

    before(async () => {
      world = await startAccountsApp(target);
      national = await setUpFirstCoordinator(world.app, world.clock);
      responder = await member('responder@example.org', 'GM0363', ['responder']);
      coordinator = await member('coordinator@example.org', 'GM0363', ['municipal_coordinator']);
      frontDesk = await member('balie@example.org', 'GM0363', ['front_desk']);
      rotterdam = await member('responder.rotterdam@example.org', 'GM0599', ['responder']);
    });
    after(async () => {
      await world?.stop();
    });

    it("lists the municipality's conversations without content or name", async () => {
      const id = await childWrites();
      const listed = await responder.client.get(base);
      assert.equal(listed.status, 200, listed.text);
      const item = listed.body.conversations.find((conversation: { id: string }) => conversation.id === id);
      assert.ok(item, 'the new conversation is listed');
      assert.equal(item.status, 'new');
      assert.equal(item.contactPreference, 'code');
      assert.ok(!listed.text.includes(SECRET) && !listed.text.includes(NAME), 'no content and no name in the list');
      assert.equal(listed.headers.get('cache-control'), 'no-store');

      const closedOnly = await responder.client.get(`${base}?status=closed`);
      assert.equal(closedOnly.status, 200);
      assert.ok(!closedOnly.body.conversations.some((conversation: { id: string }) => conversation.id === id));
      assertError(await responder.client.get(`${base}?status=gelezen`), 400, 'request.invalid', 'status');

      const other = await rotterdam.client.get(base);
      assert.equal(other.status, 200);
      assert.ok(!other.body.conversations.some((conversation: { id: string }) => conversation.id === id));
    });

    it('reads a conversation and records who read it in the audit log (without content)', async () => {
      const id = await childWrites();
      const read = await responder.client.get(`${base}/${id}`);
      assert.equal(read.status, 200, read.text);
      assert.equal(read.body.id, id);
      assert.equal(read.body.name, NAME);
      assert.deepEqual(
        read.body.messages.map((message: { author: string; body: string }) => [message.author, message.body]),
        [['child', SECRET]],
      );

      const { rows } = await world.app.owner.pool.query<{ actor: string; text: string }>(
        `SELECT actor_user_id AS actor, row_to_json(audit_log)::text AS text FROM audit_log
          WHERE action = 'conversation.read' AND object_id = $1`,
        [id],
      );
      assert.equal(rows.length, 1, 'one audited read');
      assert.equal(rows[0]!.actor, responder.userId);
      assert.ok(!rows[0]!.text.includes(SECRET) && !rows[0]!.text.includes(NAME), 'no content in the audit entry');

      assertError(await responder.client.get(`${base}/${randomUUID()}`), 404, 'conversation.not_found');
      assertError(await responder.client.get(`${base}/geen-id`), 404, 'conversation.not_found');
      assertError(await rotterdam.client.get(`${base}/${id}`), 404, 'conversation.not_found');
    });

    it('replies, adds a note, assigns, closes and reopens', async () => {
      const id = await childWrites();
      const replied = await responder.client.post(`${base}/${id}/replies`, { body: '  Fijn dat je schrijft.  ' });
      assert.equal(replied.status, 200, replied.text);
      assert.equal(replied.body.status, 'waiting');
      const reply = replied.body.messages.find((message: { author: string }) => message.author === 'staff');
      assert.ok(reply, replied.text);
      assert.equal(reply.authorName, 'responder', 'the staff member who answered');
      assert.equal(reply.body, 'Fijn dat je schrijft.', 'trimmed');

      const noted = await responder.client.post(`${base}/${id}/notes`, { body: 'Morgen bellen met de wijkcoach' });
      assert.equal(noted.status, 200, noted.text);
      assert.equal(noted.body.notes.at(-1).body, 'Morgen bellen met de wijkcoach');
      assert.equal(noted.body.messages.length, 2, 'a note is not a message');

      const assigned = await responder.client.post(`${base}/${id}/assign`, { userId: coordinator.userId });
      assert.equal(assigned.status, 200, assigned.text);
      assert.equal(assigned.body.assignedTo.id, coordinator.userId);
      const unassigned = await coordinator.client.post(`${base}/${id}/assign`, { userId: null });
      assert.equal(unassigned.status, 200, unassigned.text);
      assert.equal(unassigned.body.assignedTo, null);

      const closed = await coordinator.client.post(`${base}/${id}/close`);
      assert.equal(closed.status, 200, closed.text);
      assert.equal(closed.body.status, 'closed');
      assertError(
        await responder.client.post(`${base}/${id}/replies`, { body: 'Nog iets' }),
        409,
        'conversation.closed',
      );
      const reopened = await responder.client.post(`${base}/${id}/reopen`);
      assert.equal(reopened.status, 200, reopened.text);
      assert.notEqual(reopened.body.status, 'closed');

      const { rows } = await world.app.owner.pool.query<{ action: string }>(
        'SELECT action FROM audit_log WHERE object_id = $1 ORDER BY id',
        [id],
      );
      const actions = rows.map((row) => row.action);
      assert.ok(actions.length >= 6, `every change is audited: ${actions.join(', ')}`);
    });

    it('refuses an empty or too long text, naming the field', async () => {
      const id = await childWrites();
      for (const path of [`${base}/${id}/replies`, `${base}/${id}/notes`]) {
        assertError(await responder.client.post(path, { body: '   ' }), 400, 'request.invalid', 'body');
        assertError(await responder.client.post(path, {}), 400, 'request.invalid', 'body');
        assertError(await responder.client.post(path, { body: 'x'.repeat(5001) }), 400, 'request.invalid', 'body');
      }
      const empty = await responder.client.post(`${base}/${id}/replies`, { body: '' });
      assert.match(empty.body.error.message, /body/);
      assertError(
        await responder.client.post(`${base}/${randomUUID()}/replies`, { body: 'Hallo' }),
        404,
        'conversation.not_found',
      );
      for (const action of ['close', 'reopen'])
        assertError(await responder.client.post(`${base}/${randomUUID()}/${action}`), 404, 'conversation.not_found');
      const detail = await responder.client.get(`${base}/${id}`);
      assert.equal(detail.body.messages.length, 1, 'nothing was stored');
      assert.equal(detail.body.notes.length, 0);
    });

    it('assigns only to responders and coordinators of the same municipality', async () => {
      const id = await childWrites();
      const assignees = await responder.client.get(`${base}/assignees`);
      assert.equal(assignees.status, 200, assignees.text);
      const ids = assignees.body.assignees.map((assignee: { id: string }) => assignee.id).sort();
      assert.deepEqual(ids, [responder.userId, coordinator.userId].sort());

      const assign = (userId: unknown) => responder.client.post(`${base}/${id}/assign`, { userId });
      assertError(await assign(rotterdam.userId), 400, 'conversation.assignee_invalid');
      assertError(await assign(frontDesk.userId), 400, 'conversation.assignee_invalid');
      assertError(await assign(randomUUID()), 400, 'conversation.assignee_invalid');
      assertError(await assign('iemand'), 400, 'request.invalid', 'userId');
    });

    it('refuses national coordinators and the front desk', async () => {
      const id = await childWrites();
      for (const caller of [national, frontDesk]) {
        assertError(await caller.client.get(base), 403, 'auth.forbidden');
        assertError(await caller.client.get(`${base}/${id}`), 403, 'auth.forbidden');
        assertError(await caller.client.post(`${base}/${id}/replies`, { body: 'Hallo' }), 403, 'auth.forbidden');
      }
      const { rows } = await world.app.owner.pool.query(
        "SELECT 1 FROM audit_log WHERE action = 'conversation.read' AND object_id = $1",
        [id],
      );
      assert.equal(rows.length, 0, 'nobody read it');
    });

    it('needs the CSRF token on every change', async () => {
      const id = await childWrites();
      const changes: Array<[string, unknown]> = [
        [`${base}/${id}/replies`, { body: 'Hallo' }],
        [`${base}/${id}/notes`, { body: 'Notitie' }],
        [`${base}/${id}/assign`, { userId: responder.userId }],
        [`${base}/${id}/close`, undefined],
        [`${base}/${id}/reopen`, undefined],
      ];
      for (const [path, body] of changes) {
        assertError(await responder.client.post(path, body, { csrf: 'none' }), 403, 'csrf.invalid');
        assertError(await responder.client.post(path, body, { csrf: { token: 'x'.repeat(43) } }), 403, 'csrf.invalid');
      }
      const detail = await responder.client.get(`${base}/${id}`);
      assert.equal(detail.body.status, 'new', 'nothing changed');
      assert.equal(detail.body.messages.length, 1);
      assert.equal(detail.body.assignedTo, null);
    });
  });
}
