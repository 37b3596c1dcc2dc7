import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from './helpers/accounts-app.ts';
import { databaseTargets } from './helpers/databases.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from './helpers/staff.ts';

/**
 * The front desk through the HTTP API: a walk-in registered at the desk alerts the responder (real
 * SMTP server), who acknowledges with one click from the link; the back office then lists it no more.
 * (Without a roster the municipality's responders are the ones on duty.)
 */
for (const target of databaseTargets()) {
  describe(`front desk walk-in → alert e-mail → one-click acknowledgement (${target.name})`, () => {
    let world: AccountsApp;
    let desk: StaffMember;
    let responder: StaffMember;
    before(async () => {
      world = await startAccountsApp(target);
      const national = await setUpFirstCoordinator(world.app, world.clock, 'national@example.org');
      desk = await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'balie@example.org',
        municipalityCode: 'GM0363',
        roles: ['front_desk'],
      });
      responder = await addStaff(world.app, world.clock, world.mailbox, national, {
        email: 'dienst@example.org',
        municipalityCode: 'GM0363',
        roles: ['responder'],
      });
    });
    after(async () => {
      await world?.stop();
    });

    it('alerts the responder, who acknowledges from the e-mail link', async () => {
      const view = await desk.client.get('/api/v1/front-desk');
      assert.equal(view.status, 200);
      const registered = await desk.client.post('/api/v1/front-desk/contacts', {
        kind: 'walk_in',
        note: 'jongen ~12 jaar aan de balie',
      });
      assert.equal(registered.status, 200, JSON.stringify(registered.body));
      const mail = await world.mailbox.waitForMail(responder.email, 10_000);
      assert.equal(mail.subject, 'Een kind zoekt contact met gemeente Amsterdam');
      assert.ok(!mail.text.includes('jongen'), 'the note never leaves in the e-mail');
      const link = /(http\S+\/alerts\/bevestig\?token=[\w-]+)/.exec(mail.text)?.[1];
      assert.ok(link, mail.text);
      const open = await responder.client.get<{ alerts: unknown[] }>(`/api/v1/alerts`);
      assert.equal(open.body.alerts.length, 1);

      const path = new URL(link).pathname + new URL(link).search;
      const page = await fetch(`${world.app.baseUrl}${path}`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /Ik pak het op/);
      const token = new URL(link).searchParams.get('token')!;
      const ack = await fetch(`${world.app.baseUrl}/alerts/bevestig`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }),
      });
      assert.equal(ack.status, 200);
      assert.match(await ack.text(), /Bevestigd/);
      assert.equal((await responder.client.get<{ alerts: unknown[] }>('/api/v1/alerts')).body.alerts.length, 0);
      const { rows } = await world.app.owner.pool.query<{ acknowledged_by: string; note: Buffer }>(
        `SELECT a.acknowledged_by, f.note FROM alerts a, front_desk_contacts f`,
      );
      assert.equal(rows[0]?.acknowledged_by, responder.userId);
      assert.ok(!rows[0]?.note.toString('latin1').includes('jongen'), 'the note is encrypted at rest');
    });

    it('acknowledging from the back office needs the right municipality', async () => {
      const registered = await desk.client.post('/api/v1/front-desk/contacts', { kind: 'phone' });
      const { alertId } = registered.body as { alertId: string };
      await world.mailbox.waitForMail(responder.email, 10_000);
      const acked = await responder.client.post(`/api/v1/alerts/${alertId}/acknowledge`);
      assert.equal(acked.status, 204);
      const again = await responder.client.post(`/api/v1/alerts/${alertId}/acknowledge`);
      assert.equal(again.status, 404);
    });
  });
}
