/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- API answers are JSON, read field by field and checked by the assertions. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BACK_OFFICE_DIST } from '../../src/http/back-office.ts';
import { startAccountsApp, type AccountsApp } from '../helpers/accounts-app.ts';
import { ApiClient } from '../helpers/api-client.ts';
import { databaseTargets } from '../helpers/databases.ts';
import { openEventStream } from '../helpers/event-stream.ts';
import { signIn } from '../helpers/staff.ts';
import { buildStaffWorld, type StaffWorld } from '../helpers/staff-world.ts';
import { CALLERS, type Caller, type MatrixRow } from './matrix-outcomes.ts';
import { API_MATRIX, PUBLIC_ROUTES } from './route-matrix.ts';

const built = existsSync(path.join(BACK_OFFICE_DIST, 'index.html'));

for (const target of databaseTargets()) {
  describe(`route × role × municipality matrix (${target.name})`, () => {
    let world: AccountsApp;
    let staff: StaffWorld;

    before(async () => {
      world = await startAccountsApp(target);
      staff = await buildStaffWorld(world);
    });
    after(async () => {
      await world?.stop();
    });

    /** The client a caller uses for a row: their own session, or a new one for rows that end it. */
    async function clientFor(caller: Caller, row: MatrixRow): Promise<ApiClient> {
      if (caller === 'anonymous') return new ApiClient(world.app.baseUrl);
      if (caller === 'halfSignedIn') {
        if (!row.freshSession) return staff.halfSignedIn;
        const client = new ApiClient(world.app.baseUrl);
        await client.post('/api/v1/session', { email: staff.halfMember.email, password: staff.halfMember.password });
        return client;
      }
      const member = staff.people[caller];
      return row.freshSession ? signIn(world.app, world.clock, member) : member.client;
    }

    it('has an expected entry for every registered route, with the policy it declares', () => {
      const rows = new Map(API_MATRIX.map((row) => [`${row.method} ${row.url}`, row]));
      const publicUrls = new Set(
        PUBLIC_ROUTES.filter((route) => built || !route.onlyWhenBuilt).map((route) => route.url),
      );
      const missing: string[] = [];
      for (const route of world.app.server.routes) {
        const method = route.method === 'HEAD' ? 'GET' : route.method;
        const row = rows.get(`${method} ${route.url}`);
        if (row) assert.equal(route.policy, row.policy, `${route.method} ${route.url}`);
        else if (method === 'GET' && publicUrls.has(route.url)) assert.equal(route.policy, 'public', route.url);
        else missing.push(`${route.method} ${route.url} (${route.policy})`);
      }
      assert.deepEqual(missing, [], 'routes without an entry in test/security/route-matrix.ts');

      const registered = new Set(world.app.server.routes.map((route) => `${route.method} ${route.url}`));
      for (const key of rows.keys()) assert.ok(registered.has(key), `${key} is in the matrix but not registered`);
      for (const url of publicUrls)
        assert.ok(registered.has(`GET ${url}`), `GET ${url} is in the matrix but not registered`);
      for (const row of API_MATRIX)
        assert.deepEqual(
          Object.keys(row.expect).sort(),
          [...CALLERS].sort(),
          `${row.method} ${row.url} names every caller`,
        );
    });

    it('answers every API route for every caller as the matrix says', async () => {
      const wrong: string[] = [];
      for (const row of API_MATRIX) {
        for (const caller of CALLERS) {
          const client = await clientFor(caller, row);
          const { path: requestPath = row.url, body } =
            (await row.request?.({ world: staff, caller, owner: world.app.owner.pool, clock: world.clock })) ?? {};
          const response = row.stream
            ? await openEventStream(client, requestPath).then((stream) => (stream.close(), stream))
            : await client.request(row.method, requestPath, body);
          const expected = row.expect[caller];
          const actual = {
            status: response.status,
            id: expected.id === undefined ? undefined : response.body?.error?.id,
          };
          if (actual.status !== expected.status || actual.id !== expected.id) {
            wrong.push(
              `${row.method} ${requestPath} as ${caller}: expected ${JSON.stringify(expected)}, got ${response.status} ${response.text.slice(0, 160)}`,
            );
          }
          // Public forms answer with HTML pages (their errors are in the page), the API with JSON ids.
          if (response.status >= 400 && row.policy !== 'public') {
            assert.equal(typeof response.body?.error?.id, 'string', `${row.method} ${requestPath}: errors carry an id`);
            assert.equal(
              typeof response.body?.error?.message,
              'string',
              `${row.method} ${requestPath}: errors carry a message`,
            );
          }
          if (row.method === 'GET') {
            const head = await client.request('HEAD', requestPath);
            if (head.status !== expected.status)
              wrong.push(`HEAD ${requestPath} as ${caller}: expected ${expected.status}, got ${head.status}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });

    it('serves the public pages to anyone, never asking who they are', async () => {
      for (const route of PUBLIC_ROUTES.filter((candidate) => built || !candidate.onlyWhenBuilt)) {
        for (const method of ['GET', 'HEAD']) {
          const response = await new ApiClient(world.app.baseUrl).request(method, route.path);
          assert.ok(
            ![401, 403].includes(response.status) && response.status < 500,
            `${method} ${route.path}: ${response.status}`,
          );
          assert.deepEqual(response.setCookies, [], `${method} ${route.path} sets no cookie`);
        }
      }
    });
  });
}
