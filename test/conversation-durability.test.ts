/**
 * Issue 4, "done when": the real app (`src/main.ts` as a child process) is SIGKILLed many times at
 * random moments while children send messages; every message that was answered with a code is still
 * there afterwards, word for word. (A message whose request got no answer may or may not exist.)
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeOutput, spawnApp, waitUntilReady, type AppProcess } from './helpers/app-process.ts';
import { readConversation, writeToMayor } from './helpers/child-client.ts';
import { createTestDatabase, databaseTargets, type TestDatabase } from './helpers/databases.ts';

const ROUNDS = 5;
/** Children writing at the same time. */
const CONCURRENCY = 12;
const TIMEOUT = { timeout: 150_000 };

/** A message only this send has: letters and digits, so it appears in the HTML exactly as sent. */
function uniqueMessage(round: number, index: number): string {
  return `Bericht ${round}-${index} ${randomBytes(6).toString('hex')} over iets wat thuis gebeurt`;
}

describe('no message answered with a code is lost when the app is SIGKILLed', () => {
  const keyDirectory = mkdtempSync(path.join(os.tmpdir(), 'opendeur-durability-'));
  let database: TestDatabase | undefined;
  let app: AppProcess | undefined;
  after(async () => {
    if (app && !app.hasExited) process.kill(app.pid, 'SIGKILL');
    await app?.exited;
    await database?.drop();
    rmSync(keyDirectory, { recursive: true, force: true });
  });

  it(`keeps every acknowledged message over ${ROUNDS} kills at random moments`, TIMEOUT, async (t) => {
    database = await createTestDatabase(databaseTargets()[0]!);
    const environment = {
      DATABASE_URL: database.url,
      OPENDEUR_DEMO: '1',
      LOG_LEVEL: 'warn',
      // The same master key on every start: the codes' keyed hashes must stay the same.
      OPENDEUR_MASTER_KEY_FILE: path.join(keyDirectory, 'master.key'),
    };
    /** Code → the exact message the app acknowledged with it. */
    const acknowledged = new Map<string, string>();
    let unanswered = 0;
    /** Complete answers without a code: none is expected (each child writes from an address of its own). */
    const unexpected: string[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      const current = await spawnApp(environment);
      app = current;
      const startSeconds = await waitUntilReady(current);
      let killed = false;
      let sent = 0;
      let codeArrived = false;
      const nextCode = async () => {
        while (!codeArrived) await sleep(1);
      };

      const child = async () => {
        while (!killed) {
          const message = uniqueMessage(round, sent++);
          try {
            const answer = await writeToMayor(current.baseUrl, 'amsterdam', { message });
            if (answer.status === 200 && answer.code) {
              acknowledged.set(answer.code, message);
              codeArrived = true;
            } else {
              unexpected.push(`${answer.status}: ${answer.html.slice(0, 300)}`);
            }
          } catch {
            unanswered++; // the connection died with the app: allowed
          }
        }
      };
      const children = Array.from({ length: CONCURRENCY }, child);

      // Children send for 1–3 s; then odd rounds kill right after the next child got a code, even
      // rounds at that random moment, whatever is in flight.
      await sleep(1000 + Math.random() * 2000);
      if (round % 2 === 1) {
        codeArrived = false;
        await Promise.race([nextCode(), sleep(10_000)]);
      }
      process.kill(current.pid, 'SIGKILL');
      killed = true;
      const exit = await current.exited;
      assert.equal(exit.signal, 'SIGKILL', describeOutput(current));
      await Promise.all(children);
      t.diagnostic(
        `round ${round} (ready in ${startSeconds.toFixed(1)} s): ${acknowledged.size} codes so far, ${unanswered} unanswered`,
      );
    }

    assert.deepEqual(unexpected.slice(0, 3), [], `${unexpected.length} answers without a code`);
    assert.ok(acknowledged.size >= ROUNDS * 3, `enough acknowledged messages to mean something: ${acknowledged.size}`);
    const final = await spawnApp(environment);
    app = final;
    await waitUntilReady(final);
    const lost: string[] = [];
    const codes = [...acknowledged];
    for (let start = 0; start < codes.length; start += CONCURRENCY) {
      await Promise.all(
        codes.slice(start, start + CONCURRENCY).map(async ([code, message]) => {
          const page = await readConversation(final.baseUrl, 'amsterdam', code);
          if (page.status !== 200 || !page.html.includes(message)) lost.push(`${code} (${page.status}): ${message}`);
        }),
      );
    }
    assert.deepEqual(lost, [], `every acknowledged message opens with its code (${codes.length} checked)`);
    process.kill(final.pid, 'SIGTERM');
    assert.equal((await final.exited).code, 0, describeOutput(final));
  });
});
