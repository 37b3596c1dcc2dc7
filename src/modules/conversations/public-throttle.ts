import { createHash, createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import type { Transaction } from '../../db/tenant.ts';
import type { Keyring } from '../crypto/keyring.ts';

/** The limits on the child's side. A window starts with its first attempt; refused until it ends. */
export const PUBLIC_THROTTLE = {
  /** Code guesses from one source. */
  codeSource: { limit: 10, windowMs: 15 * 60_000 },
  /** Code guesses from everyone together: caps a spread-out (botnet) attack. */
  codeGlobal: { limit: 2000, windowMs: 15 * 60_000 },
  /** Messages (new conversations and a child's replies) from one source. */
  sendSource: { limit: 10, windowMs: 60 * 60_000 },
  /** Applications to take part (the public enrolment form) from one source. */
  applicationSource: { limit: 10, windowMs: 60 * 60_000 },
  /** The same text for one municipality: more than `limit` in the window is a flood. */
  flood: { limit: 3, windowMs: 10 * 60_000 },
} as const;

const LONGEST_WINDOW_MS = Math.max(...Object.values(PUBLIC_THROTTLE).map((rule) => rule.windowMs));

type Rule = (typeof PUBLIC_THROTTLE)[keyof typeof PUBLIC_THROTTLE];

const hashKeys = new WeakMap<Keyring, Buffer>();

/** The counter's key: an HMAC under a key from the master key file, so no address or text is stored. */
function counterKey(keyring: Keyring, name: string): string {
  let key = hashKeys.get(keyring);
  if (!key) {
    key = keyring.hashKey('public throttle');
    hashKeys.set(keyring, key);
  }
  return createHmac('sha256', key).update(name, 'utf8').digest('hex');
}

/**
 * The part of an address that one party controls: an IPv4 address, or an IPv6 /64 (one home or
 * phone gets a whole /64, so counting single IPv6 addresses would let anyone step around the limit).
 */
export function sourceBucket(address: string): string {
  const bare = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(bare) || !isIPv6(bare)) return bare;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * Counts one event on each key and answers, per key, until when further events are refused
 * (undefined: allowed). `throttle_claim` (migration 0022) counts first and decides after in one atomic
 * upsert, so a burst of parallel requests cannot all slip past a limit; it takes keys in a fixed order
 * so two claims never deadlock.
 */
async function claimAll(
  db: Database | Transaction,
  claims: Array<{ key: string; rule: Rule }>,
  now: Date,
): Promise<Array<Date | undefined>> {
  const result = await db.execute<{ claimed_key: string; claimed_count: number; claimed_window_started_at: string }>(
    sql`SELECT claimed_key, claimed_count, claimed_window_started_at FROM throttle_claim(
      ${sql.param(claims.map((claim) => claim.key))}::text[],
      ${sql.param(claims.map((claim) => claim.rule.windowMs / 1000))}::float8[], ${now.toISOString()}::timestamptz)`,
  );
  const byKey = new Map(result.rows.map((row) => [row.claimed_key, row]));
  return claims.map(({ key, rule }) => {
    const row = byKey.get(key)!;
    const until = new Date(new Date(row.claimed_window_started_at).getTime() + rule.windowMs);
    return Number(row.claimed_count) > rule.limit ? until : undefined;
  });
}

async function claimWithin(db: Database, key: string, rule: Rule, now: Date): Promise<Date | undefined> {
  const [until] = await claimAll(db, [{ key, rule }], now);
  return until;
}

/**
 * Counts a code guess from `sourceAddress` and in the global counter; call it BEFORE checking the code.
 * A source over its limit is refused without touching the global counter, so one source cannot use
 * up everyone's guesses.
 */
export async function claimCodeAttempt(
  db: Database,
  keyring: Keyring,
  sourceAddress: string,
  now: Date,
): Promise<{ refusedUntil?: Date }> {
  const source = counterKey(keyring, `code-source:${sourceBucket(sourceAddress)}`);
  const sourceUntil = await claimWithin(db, source, PUBLIC_THROTTLE.codeSource, now);
  if (sourceUntil) return { refusedUntil: sourceUntil };
  const globalUntil = await claimWithin(db, counterKey(keyring, 'code-global'), PUBLIC_THROTTLE.codeGlobal, now);
  return globalUntil ? { refusedUntil: globalUntil } : {};
}

/**
 * A right code gives its guess back, to the source and to the global count: the limits are on wrong
 * guesses, and a child who comes back often must not be locked out by their own visits.
 */
export async function releaseCodeAttempt(db: Database, keyring: Keyring, sourceAddress: string): Promise<void> {
  const keys = [counterKey(keyring, `code-source:${sourceBucket(sourceAddress)}`), counterKey(keyring, 'code-global')];
  await db.execute(sql`UPDATE public_throttle SET count = greatest(count - 1, 0)
    WHERE key IN (${keys[0]}, ${keys[1]})`);
}

/** Counts an application to take part from `sourceAddress`: its own budget, apart from children's messages. */
export async function claimApplication(
  db: Database,
  keyring: Keyring,
  sourceAddress: string,
  now: Date,
): Promise<{ refusedUntil?: Date }> {
  const key = counterKey(keyring, `apply-source:${sourceBucket(sourceAddress)}`);
  const until = await claimWithin(db, key, PUBLIC_THROTTLE.applicationSource, now);
  return until ? { refusedUntil: until } : {};
}

/** The text as a flood compares it: case, accents' composition and spacing do not make it different. */
export function floodText(message: string): string {
  return message.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The counters a child's message is counted on, in key order, as `throttle_claim` takes them. */
export interface MessageClaims {
  keys: string[];
  windowSeconds: number[];
  limits: number[];
  sourceKey: string;
  floodKey: string;
}

/**
 * The two counters a child's message is counted on: its source's limit (10 an hour) and floods — the
 * same text (ignoring case and whitespace) more than 3 times in 10 minutes for one municipality. Only
 * keyed hashes of the address and the text are stored.
 */
export function messageClaims(
  keyring: Keyring,
  sourceAddress: string,
  municipalityCode: string,
  message: string,
): MessageClaims {
  const textHash = createHash('sha256').update(floodText(message), 'utf8').digest('hex');
  const sourceKey = counterKey(keyring, `send-source:${sourceBucket(sourceAddress)}`);
  const floodKey = counterKey(keyring, `flood:${municipalityCode}:${textHash}`);
  const claims = [
    { key: sourceKey, rule: PUBLIC_THROTTLE.sendSource },
    { key: floodKey, rule: PUBLIC_THROTTLE.flood },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    keys: claims.map((claim) => claim.key),
    windowSeconds: claims.map((claim) => claim.rule.windowMs / 1000),
    limits: claims.map((claim) => claim.rule.limit),
    sourceKey,
    floodKey,
  };
}

/** What the counters said: until when the source is refused, and whether the text is a flood. */
export function messageVerdict(
  claims: MessageClaims,
  over: Array<{ key: string; until: Date }>,
): { refusedUntil?: Date; flood: boolean } {
  const source = over.find((entry) => entry.key === claims.sourceKey);
  return {
    ...(source ? { refusedUntil: source.until } : {}),
    flood: over.some((entry) => entry.key === claims.floodKey),
  };
}

/** Counts a child's message on {@link messageClaims} in a statement of its own (a child's reply). */
export async function claimMessage(
  db: Database | Transaction,
  keyring: Keyring,
  sourceAddress: string,
  municipalityCode: string,
  message: string,
  now: Date,
): Promise<{ refusedUntil?: Date; flood: boolean }> {
  const claims = messageClaims(keyring, sourceAddress, municipalityCode, message);
  const [sourceUntil, floodUntil] = await claimAll(
    db,
    [
      { key: claims.sourceKey, rule: PUBLIC_THROTTLE.sendSource },
      { key: claims.floodKey, rule: PUBLIC_THROTTLE.flood },
    ],
    now,
  );
  return { ...(sourceUntil ? { refusedUntil: sourceUntil } : {}), flood: floodUntil !== undefined };
}

/** Deletes counters whose window (the longest, one hour) has ended; returns how many. */
export async function purgeExpiredThrottleRows(db: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - LONGEST_WINDOW_MS).toISOString();
  const result = await db.execute(sql`DELETE FROM public_throttle WHERE window_started_at <= ${before}::timestamptz`);
  return result.rowCount ?? 0;
}

/**
 * Purges ended counters now and then every `intervalMs` (default 15 minutes), so the table holds only
 * the last hour. Safe on every instance at once (one idempotent DELETE); failures are logged and
 * retried at the next turn. Returns the stop function.
 */
export function startThrottleHousekeeping(
  db: Database,
  clock: () => Date,
  log: (message: string) => void,
  intervalMs = 15 * 60_000,
): () => void {
  const purge = () => {
    purgeExpiredThrottleRows(db, clock()).catch((error: unknown) =>
      log(`purging ended throttle counters failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  purge();
  const timer = setInterval(purge, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
