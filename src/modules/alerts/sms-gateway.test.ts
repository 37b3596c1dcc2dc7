import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  AMSTERDAM,
  createConversationServiceWorld,
  type ConversationServiceWorld,
} from '../../../test/helpers/conversation-service-world.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { saveSettings, saveShifts } from '../roster/roster-admin.service.ts';
import { raiseAlert } from './alerts.service.ts';
import { createSmsGateway } from './sms-gateway.ts';

/** A local fake SMS gateway: keeps what it was sent; answers 503 while `down`. */
async function startFakeGateway() {
  const received: Array<{ authorization: string | undefined; body: { to: string; text: string } }> = [];
  const state = { down: false };
  const server = createServer((request: IncomingMessage, response) => {
    let data = '';
    request.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    request.on('end', () => {
      if (state.down) return void response.writeHead(503).end();
      received.push({
        authorization: request.headers.authorization,
        body: JSON.parse(data) as { to: string; text: string },
      });
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/send`, received, state, stop: () => new Promise((r) => server.close(r)) };
}

for (const target of databaseTargets()) {
  describe(`SMS alerts through the HTTP gateway adapter (${target.name})`, () => {
    let world: ConversationServiceWorld;
    let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
    before(async () => {
      world = await createConversationServiceWorld(target);
      gateway = await startFakeGateway();
    });
    after(async () => {
      await gateway?.stop();
      await world?.close();
    });

    it('sends the on-duty person an SMS with the bearer token, besides the e-mail', async () => {
      const onDuty = await world.addStaff({ municipalityCode: AMSTERDAM, roles: ['responder'], name: 'Sam Sms' });
      const coordinator = await world.addStaff({
        municipalityCode: AMSTERDAM,
        roles: ['municipal_coordinator'],
        name: 'Cor',
      });
      // The roster as the coordinator sets it: Sam around the clock, with the phone number for SMS.
      const now = new Date();
      const roundTheClock = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
        weekday,
        startMinute: 0,
        endMinute: 0,
        userId: onDuty.userId,
        role: 'on_duty' as const,
      }));
      await saveShifts(world.deps.db, coordinator, AMSTERDAM, roundTheClock, now);
      await saveSettings(
        world.deps.db,
        coordinator,
        AMSTERDAM,
        {
          escalationMinutes: 10,
          responseTargetMinutes: 30,
          fallbackAgreed: null,
          phones: [{ userId: onDuty.userId, phone: '+31612345678' }],
        },
        now,
      );
      const sms = createSmsGateway({ url: gateway.url, token: 'geheim-token-123' })!;
      const deps = {
        db: world.deps.db,
        mailer: world.mailer,
        publicBaseUrl: 'https://opendeur.example',
        sms,
        log: () => {},
      };
      await raiseAlert(deps, AMSTERDAM, 'phone', null, now);
      assert.equal(gateway.received.length, 1);
      assert.equal(gateway.received[0]!.authorization, 'Bearer geheim-token-123');
      assert.equal(gateway.received[0]!.body.to, '+31612345678');
      assert.match(gateway.received[0]!.body.text, /^Een kind zoekt contact met gemeente Amsterdam\. Bevestig/);
      assert.equal(world.mailer.sent.filter((mail) => mail.to === onDuty.email).length, 1);
    });

    it('a gateway error fails the delivery (so the job retries) and records why', async () => {
      gateway.state.down = true;
      const sms = createSmsGateway({ url: gateway.url })!;
      await assert.rejects(sms.send({ to: '+31600000000', text: 'x' }), /SMS gateway answered 503/);
      gateway.state.down = false;
    });

    it('no gateway URL: no adapter, SMS is skipped', () => {
      assert.equal(createSmsGateway({}), undefined);
    });
  });
}
