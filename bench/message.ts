/**
 * "Write to the mayor" under load: the child's write form sent over HTTP (validated, throttled,
 * encrypted, committed, answered with a code) against a bare INSERT of the same rows — a conversation
 * and its first message with a body of the same size — through `pg`, at the same concurrency.
 *
 * Production's limit of messages per source stays as it is. The load generator stands where a
 * reverse proxy would (the app trusts it with TRUST_PROXY=127.0.0.1): it keeps its connections
 * open, as a proxy does, and names a different child's address in X-Forwarded-For on every send.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { MESSAGE_LOAD } from './settings.ts';

/** Throughput and latency of one closed loop (each connection sends again as soon as it has its answer). */
export interface LoopFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  seconds: number;
  /** Sends that failed or were not answered as they should be (no code, no row). */
  failures: number;
  failureSample: string | undefined;
}

const WORDS = ['thuis', 'school', 'bang', 'vader', 'moeder', 'slapen', 'praten', 'niemand', 'helpen', 'vandaag'];

/** A message of MESSAGE_LOAD.messageChars characters, different every time (a flood check would stop repeats). */
function message(): string {
  let text = randomBytes(8).toString('hex');
  while (text.length < MESSAGE_LOAD.messageChars) text += ` ${WORDS[Math.floor(Math.random() * WORDS.length)]}`;
  return text.slice(0, MESSAGE_LOAD.messageChars);
}

let nextChild = 0;

/** A different child's address for every send (10.0.0.0/8, as a proxy would report it). */
function childAddress(): string {
  const n = nextChild++ % 16_000_000;
  return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
}

/** One child sends the write form of `slug` with a fresh one-time token; true when a code came back. */
export async function sendWriteForm(baseUrl: string, slug: string): Promise<true | string> {
  const answer = await fetch(`${baseUrl}/gemeente/${slug}/schrijf`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'accept-encoding': 'br, gzip',
      'x-forwarded-for': childAddress(),
    },
    body: new URLSearchParams({
      message: message(),
      name: '',
      age: '',
      contact: 'code',
      phone: '',
      email: '',
      website: '',
      // The server only checks that a token is well-formed and not used before.
      token: randomBytes(32).toString('base64url'),
    }).toString(),
  });
  const html = await answer.text();
  return answer.status === 200 && html.includes('id="child-code"') ? true : `${answer.status}`;
}

/** A pool of `connections` for the bare INSERTs, as the tables' owner (no row-level security in the way). */
export function insertPool(ownerUrl: string): pg.Pool {
  return new pg.Pool({ connectionString: ownerUrl, max: MESSAGE_LOAD.connections });
}

/** The same rows the form stores, in one bare statement: a conversation and its message (bytea body). */
export async function bareInsert(pool: pg.Pool, municipalityCode: string): Promise<true | string> {
  // AES-256-GCM adds a header, nonce and tag to the text: give the body the size the app stores.
  const body = randomBytes(MESSAGE_LOAD.messageChars + 40);
  await pool.query(
    `WITH conversation AS (
       INSERT INTO conversations (id, municipality_code, code_hash) VALUES ($1, $2, $3) RETURNING id, municipality_code)
     INSERT INTO conversation_messages (id, conversation_id, municipality_code, author, body, submission_hash)
     SELECT $4, id, municipality_code, 'child', $5, $6 FROM conversation`,
    [randomUUID(), municipalityCode, randomBytes(32), randomUUID(), body, randomBytes(32)],
  );
  return true;
}

/** Runs `send` in `connections` loops for `seconds`; every send is timed. */
export async function closedLoop(seconds: number, send: () => Promise<true | string>): Promise<LoopFigures> {
  const latencies: number[] = [];
  let failures = 0;
  let failureSample: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const begin = performance.now();
      const outcome = await send().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      latencies.push(performance.now() - begin);
      if (outcome !== true) {
        failures++;
        failureSample ??= outcome;
      }
    }
  };
  await Promise.all(Array.from({ length: MESSAGE_LOAD.connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return { ...summarise(latencies, elapsed), failures, failureSample };
}

/** Merges rounds of one kind: total requests over total time, percentiles over all latencies. */
export function mergeLoops(rounds: LoopFigures[]): LoopFigures {
  const requests = rounds.reduce((total, round) => total + round.requests, 0);
  const seconds = rounds.reduce((total, round) => total + round.seconds, 0);
  return {
    requestsPerSecond: requests / seconds,
    // The worst round's percentiles: conservative.
    p50Ms: Math.max(...rounds.map((round) => round.p50Ms)),
    p99Ms: Math.max(...rounds.map((round) => round.p99Ms)),
    requests,
    seconds,
    failures: rounds.reduce((total, round) => total + round.failures, 0),
    failureSample: rounds.find((round) => round.failureSample)?.failureSample,
  };
}

function summarise(latencies: number[], seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0);
  return {
    requestsPerSecond: latencies.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    requests: latencies.length,
    seconds,
  };
}
