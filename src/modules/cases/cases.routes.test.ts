/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { writeToMayor } from '../../../test/helpers/child-client.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';

/** The case routes over HTTP: status codes, bodies and validation as the back office meets them. */
for (const target of databaseTargets()) {
  describe(`case routes (${target.name})`, () => {
    let world: AccountsApp;
    let responder: StaffMember;
    let colleague: StaffMember;
    let desk: StaffMember;

    before(async () => {
      world = await startAccountsApp(target, { OPENDEUR_DEMO: '1' });
      const national = await setUpFirstCoordinator(world.app, world.clock);
      const add = (email: string, roles: StaffMember['roles']) =>
        addStaff(world.app, world.clock, world.mailbox, national, { email, municipalityCode: 'GM0363', roles });
      responder = await add('anna.cases@example.org', ['responder']);
      colleague = await add('bram.cases@example.org', ['responder']);
      desk = await add('balie.cases@example.org', ['front_desk']);
    });
    after(async () => {
      await world?.stop();
    });

    it('creates a case by hand (201), edits its summary and lists it as mine', async () => {
      const made = await responder.client.post('/api/v1/cases', { origin: 'manual', summary: 'Eerste indruk' });
      assert.equal(made.status, 201, made.text);
      const id = made.body.id as string;
      const patched = await responder.client.request('PATCH', `/api/v1/cases/${id}`, { summary: 'Bijgewerkt' });
      assert.equal(patched.status, 200, patched.text);
      assert.equal(patched.body.summary, 'Bijgewerkt');
      const mine = await responder.client.get('/api/v1/cases');
      const item = mine.body.cases.find((entry: { id: string }) => entry.id === id);
      assert.equal(item.access, 'assignee');
      assert.deepEqual(
        item.assignees.map((person: { id: string }) => person.id),
        [responder.userId],
      );
      assert.equal('summary' in item, false, 'the list carries no content');
      const invalid = await responder.client.post('/api/v1/cases', { origin: 'conversation' });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.body.error.field, 'origin');
    });

    it("makes the conversation's case once (201), then answers it (200)", async () => {
      const sent = await writeToMayor(world.app.baseUrl, 'amsterdam', { message: 'Ik durf niet naar huis' });
      assert.equal(sent.status, 200);
      const inbox = await responder.client.get('/api/v1/conversations?status=all');
      const conversationId = inbox.body.conversations[0].id as string;
      const first = await responder.client.post(`/api/v1/conversations/${conversationId}/case`);
      assert.equal(first.status, 201, first.text);
      const second = await colleague.client.post(`/api/v1/conversations/${conversationId}/case`);
      assert.equal(second.status, 200, second.text);
      assert.equal(second.body.id, first.body.id);
      const detail = await responder.client.get(`/api/v1/cases/${first.body.id}`);
      assert.equal(detail.body.origin, 'conversation');
      const message = detail.body.timeline.find((entry: { kind: string }) => entry.kind === 'message');
      assert.equal(message.text, 'Ik durf niet naar huis');
      assert.equal(message.details.author, 'child');
      assert.equal((await colleague.client.get(`/api/v1/cases/${first.body.id}`)).status, 403);
    });

    it('answers the classification lists, the possible assignees, and the case of a front-desk contact', async () => {
      const lists = await responder.client.get('/api/v1/cases/classification');
      assert.equal(lists.status, 200);
      const abuse = lists.body.categories.find((category: { code: string }) => category.code === 'abuse_violence');
      assert.equal(abuse.label, 'Mishandeling en geweld');
      assert.ok(abuse.subcategories.some((sub: { code: string }) => sub.code === 'domestic_violence_witnessed'));
      assert.ok(lists.body.outcomes.some((outcome: { code: string }) => outcome.code === 'referred_veilig_thuis'));

      const assignees = await responder.client.get('/api/v1/cases/assignees');
      assert.deepEqual(
        assignees.body.assignees.map((person: { id: string }) => person.id).sort(),
        [responder.userId, colleague.userId].sort(),
      );

      const contact = await desk.client.post('/api/v1/front-desk/contacts', { kind: 'walk_in' });
      assert.equal(contact.status, 200, contact.text);
      const all = await responder.client.get('/api/v1/cases?view=all');
      const item = all.body.cases.find((entry: { id: string }) => entry.id === contact.body.caseId);
      assert.equal(item.origin, 'walk_in');
      assert.equal(item.status, 'new');
      assert.deepEqual(item.assignees, []);
      assert.equal(item.access, 'none');
      const acknowledged = await responder.client.post(`/api/v1/alerts/${contact.body.alertId}/acknowledge`);
      assert.equal(acknowledged.status, 204);
      const opened = await responder.client.get(`/api/v1/cases/${contact.body.caseId}`);
      assert.equal(opened.status, 200, opened.text);
      assert.equal(opened.body.access, 'assignee');
    });
  });
}
