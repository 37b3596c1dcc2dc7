/* eslint-disable @typescript-eslint/no-unsafe-member-access -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startAccountsApp, type AccountsApp } from '../../../test/helpers/accounts-app.ts';
import { ApiClient } from '../../../test/helpers/api-client.ts';
import { startTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { databaseTargets } from '../../../test/helpers/databases.ts';
import { openEventStream, type EventStream, type StreamBlock } from '../../../test/helpers/event-stream.ts';
import { addStaff, setUpFirstCoordinator, signIn, type StaffMember } from '../../../test/helpers/staff.ts';
import { startConversation } from './child-conversations.service.ts';
import type { ConversationDeps } from './conversations.types.ts';

const EVENTS = '/api/v1/conversations/events';
const SECRET = 'Mijn geheim bericht over thuis';
const NAME = 'Sammie';

/** A conversation event about `conversationId`, if `block` is one. */
const about = (conversationId: string) => (block: StreamBlock) =>
  block.event === 'conversation' &&
  (JSON.parse(block.data ?? '{}') as { conversationId?: string }).conversationId === conversationId;

for (const target of databaseTargets()) {
  describe(`conversation events stream (${target.name})`, () => {
    // Both instances must read the same key file, as two instances of one deployment do.
    const keyFile = path.join(os.tmpdir(), `opendeur-test-${randomUUID()}`, 'master.key');
    let instanceA: AccountsApp;
    let instanceB: TestApp;
    let national: StaffMember;
    let amsterdam: StaffMember;
    let rotterdam: StaffMember;
    const streams: EventStream[] = [];
    const open = async (client: ApiClient) => {
      const stream = await openEventStream(client, EVENTS);
      streams.push(stream);
      return stream;
    };
    const depsOfB = (): ConversationDeps => ({
      db: instanceB.server.database.db,
      keyring: instanceB.server.keyring,
      mailer: { send: async () => {}, close: () => {} },
      publicBaseUrl: instanceB.baseUrl,
      codeExpiryDays: 90,
    });
    const write = async (municipalityCode: string) => {
      const started = await startConversation(
        depsOfB(),
        municipalityCode,
        { message: SECRET, name: NAME, contact: { preference: 'code' }, submissionToken: randomUUID() },
        new Date(),
      );
      assert.equal(started.kind, 'started');
      return started.conversationId;
    };

    before(async () => {
      instanceA = await startAccountsApp(target, { OPENDEUR_MASTER_KEY_FILE: keyFile });
      const { app, clock, mailbox } = instanceA;
      national = await setUpFirstCoordinator(app, clock);
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
      instanceB = await startTestApp(target, {
        databaseUrl: app.server.databaseUrl,
        environment: { OPENDEUR_MASTER_KEY_FILE: keyFile },
      });
    });
    after(async () => {
      for (const stream of streams) stream.close();
      await instanceB?.stop();
      await instanceA?.stop();
    });

    it('tells a responder on one instance about a message written through another, without content', async () => {
      const stream = await open(amsterdam.client);
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(stream.headers.get('cache-control'), 'no-store');
      assert.equal(stream.headers.get('x-accel-buffering'), 'no');
      assert.match(stream.headers.get('content-security-policy') ?? '', /default-src 'none'/, 'security headers too');
      assert.equal((await stream.waitFor((block) => block.retry !== undefined)).retry, 3000);

      const conversationId = await write('GM0363');
      const event = await stream.waitFor(about(conversationId));
      assert.deepEqual(JSON.parse(event.data!), { conversationId, kind: 'created' });
      const everything = JSON.stringify(stream.blocks);
      assert.ok(!everything.includes(SECRET) && !everything.includes(NAME), 'no content and no name in any event');
    });

    it('tells a responder only about their own municipality', async () => {
      const rotterdamStream = await open(rotterdam.client);
      const amsterdamStream = await open(amsterdam.client);
      await Promise.all([rotterdamStream, amsterdamStream].map((s) => s.waitFor((block) => block.retry !== undefined)));

      const inAmsterdam = await write('GM0363');
      await amsterdamStream.waitFor(about(inAmsterdam));
      const inRotterdam = await write('GM0599');
      // Notifications arrive in commit order: once Rotterdam's own event is here, Amsterdam's would have been too.
      await rotterdamStream.waitFor(about(inRotterdam));
      assert.equal(
        rotterdamStream.blocks.filter(about(inAmsterdam)).length,
        0,
        "nothing about Amsterdam's conversation",
      );
      assert.equal(
        amsterdamStream.blocks.filter(about(inRotterdam)).length,
        0,
        "nothing about Rotterdam's conversation",
      );
    });

    it('answers 401 JSON without a session and 403 to a national coordinator', async () => {
      const anonymous = await open(new ApiClient(instanceA.app.baseUrl));
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.body.error.id, 'auth.required');
      assert.match(anonymous.headers.get('content-type') ?? '', /application\/json/);

      const nationalStream = await open(await signIn(instanceA.app, instanceA.clock, national));
      assert.equal(nationalStream.status, 403);
      assert.equal(nationalStream.body.error.id, 'auth.forbidden');
    });

    it('ends open streams when the app shuts down instead of waiting for them', async () => {
      const instanceC = await startTestApp(target, {
        databaseUrl: instanceA.app.server.databaseUrl,
        clock: instanceA.clock,
        environment: { OPENDEUR_MASTER_KEY_FILE: keyFile },
      });
      let stopped = false;
      try {
        const client = await signIn(instanceC, instanceA.clock, amsterdam);
        const stream = await open(client);
        await stream.waitFor((block) => block.retry !== undefined);
        const stopping = instanceC.stop().then(() => (stopped = true));
        await Promise.race([
          Promise.all([stopping, stream.ended]),
          new Promise((_, reject) => setTimeout(() => reject(new Error('app.close() waited for the stream')), 5000)),
        ]);
      } finally {
        if (!stopped) await instanceC.stop();
      }
    });
  });
}
