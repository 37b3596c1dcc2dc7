import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { databaseTargets } from '../helpers/databases.ts';

/** Eleven children write through one proxy address, each with its own X-Forwarded-For. */
async function elevenThroughOneProxy(app: TestApp): Promise<number[]> {
  const statuses: number[] = [];
  for (let child = 1; child <= 11; child++) {
    const response = await fetch(`${app.baseUrl}/gemeente/amsterdam/schrijf`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `203.0.113.${child}` },
      body: new URLSearchParams({
        message: `Bericht nummer ${child} via de proxy`,
        contact: 'code',
        token: randomBytes(24).toString('base64url'),
      }).toString(),
    });
    await response.arrayBuffer();
    statuses.push(response.status);
  }
  return statuses;
}

// The message limit counts per source. Behind a reverse proxy that source must be the child's address
// from X-Forwarded-For — but only when the proxy is trusted, or anyone could pick their own source.
const [target] = databaseTargets();
describe('the source address behind a reverse proxy', () => {
  let trusting: TestApp;
  let direct: TestApp;
  before(async () => {
    trusting = await startTestApp(target!, { demo: true, environment: { TRUST_PROXY: '127.0.0.1' } });
    direct = await startTestApp(target!, { demo: true });
  });
  after(async () => {
    await trusting?.stop();
    await direct?.stop();
  });

  it('counts each child separately when X-Forwarded-For comes from a trusted proxy', async () => {
    assert.deepEqual(await elevenThroughOneProxy(trusting), Array(11).fill(200));
  });

  it('ignores X-Forwarded-For from anyone else: the eleventh message from one address is refused', async () => {
    const statuses = await elevenThroughOneProxy(direct);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200));
    assert.equal(statuses[10], 429);
  });
});
