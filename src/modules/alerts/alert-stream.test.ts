import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { openEventStream, type EventStream, type StreamBlock } from '../../../test/helpers/event-stream.ts';
import { addStaff, setUpFirstCoordinator, type StaffMember } from '../../../test/helpers/staff.ts';
import { raiseAlert } from './alerts.service.ts';

const EVENTS = '/api/v1/alerts/events';

/** An alert event about `alertId` of `kind`, if `block` is one. */
const about = (alertId: string, kind: string) => (block: StreamBlock) =>
  block.event === 'alert' && block.data === JSON.stringify({ alertId, kind });

/**
 * The back office's live alerts: an alert raised through one instance reaches a responder's stream on
 * another at once (LISTEN/NOTIFY), and so does its acknowledgement; never another municipality's.
 */
for (const target of databaseTargets()) {
  describe(`alert events stream (${target.name})`, () => {
    let instanceA: AccountsApp;
    let instanceB: TestApp;
    let amsterdam: StaffMember;
    let rotterdam: StaffMember;
    const streams: EventStream[] = [];
    const open = async (member: StaffMember) => {
      const stream = await openEventStream(member.client, EVENTS);
      streams.push(stream);
      await stream.waitFor((block) => block.retry !== undefined);
      return stream;
    };
    const raiseThroughB = async (code: string) => {
      const deps = {
        db: instanceB.server.database.db,
        mailer: { send: async () => {}, close: () => {} },
        publicBaseUrl: instanceB.baseUrl,
        log: () => {},
      };
      const id = await raiseAlert(deps, code, 'walk_in', null, new Date());
      assert.ok(id);
      return id;
    };

    before(async () => {
      instanceA = await startAccountsApp(target);
      const { app, clock, mailbox } = instanceA;
      const national = await setUpFirstCoordinator(app, clock);
      amsterdam = await addStaff(app, clock, mailbox, national, {
        email: 'responder.amsterdam@example.org',
        municipalityCode: 'GM0363',
        roles: ['responder'],
      });
      rotterdam = await addStaff(app, clock, mailbox, national, {
        email: 'coordinator.rotterdam@example.org',
        municipalityCode: 'GM0599',
        roles: ['municipal_coordinator'],
      });
      instanceB = await startTestApp(target, { databaseUrl: app.server.databaseUrl });
    });
    after(async () => {
      // Stopped with the streams open, as at a real shutdown: the app ends them itself.
      await instanceB?.stop();
      await instanceA?.stop();
      for (const stream of streams) stream.close();
    });

    it('tells the responders of the municipality about a new alert and its pick-up, through any instance', async () => {
      const amsterdamStream = await open(amsterdam);
      const rotterdamStream = await open(rotterdam);
      assert.equal(amsterdamStream.status, 200);
      assert.match(amsterdamStream.headers.get('content-type') ?? '', /^text\/event-stream/);

      const alertId = await raiseThroughB('GM0363');
      await amsterdamStream.waitFor(about(alertId, 'created'));
      const acknowledged = await amsterdam.client.post(`/api/v1/alerts/${alertId}/acknowledge`);
      assert.equal(acknowledged.status, 204);
      await amsterdamStream.waitFor(about(alertId, 'acknowledged'));

      // Notifications arrive in commit order: once Rotterdam's own is here, Amsterdam's would have been too.
      const inRotterdam = await raiseThroughB('GM0599');
      await rotterdamStream.waitFor(about(inRotterdam, 'created'));
      assert.equal(rotterdamStream.blocks.filter((block) => block.data?.includes(alertId)).length, 0);
      assert.equal(amsterdamStream.blocks.filter((block) => block.data?.includes(inRotterdam)).length, 0);
    });
  });
}
