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
 * (undefined: allowed). One atomic upsert counts first and decides after, so a burst of parallel
 * requests cannot all slip past a limit; keys go in a fixed order so two such upserts never deadlock.
 */
async function claimAll(
  db: Database | Transaction,
  claims: Array<{ key: string; rule: Rule }>,
  now: Date,
): Promise<Array<Date | undefined>> {
  const ordered = [...claims].sort((a, b) => (a.key < b.key ? -1 : 1));
  const at = now.toISOString();
  // A window has ended when it started at least its rule's length before now; the length differs per key.
  const windowEnded = sql.join(
    [
      sql`CASE t.key`,
      ...ordered.map(
        ({ key, rule }) =>
          sql`WHEN ${key} THEN t.window_started_at <= ${at}::timestamptz - make_interval(secs => ${rule.windowMs / 1000})`,
      ),
      sql`END`,
    ],
    sql` `,
  );
  const values = sql.join(
    ordered.map(({ key }) => sql`(${key}, 1, ${at}::timestamptz)`),
    sql`, `,
  );
  const result = await db.execute<{ key: string; count: number; window_started_at: string | Date }>(sql`
    INSERT INTO public_throttle AS t (key, count, window_started_at) VALUES ${values}
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${windowEnded} THEN 1 ELSE t.count + 1 END,
      window_started_at = CASE WHEN ${windowEnded} THEN excluded.window_started_at ELSE t.window_started_at END
    RETURNING key, count, window_started_at`);
  const byKey = new Map(result.rows.map((row) => [row.key, row]));
  return claims.map(({ key, rule }) => {
    const row = byKey.get(key)!;
    const until = new Date(new Date(row.window_started_at).getTime() + rule.windowMs);
    return Number(row.count) > rule.limit ? until : undefined;
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

/**
 * Counts a child's message twice in one statement: against its source's limit (10 an hour), and
 * against floods — the same text (ignoring case and whitespace) more than 3 times in 10 minutes for
 * one municipality. Only keyed hashes of the address and the text are stored.
 */
export async function claimMessage(
  db: Database | Transaction,
  keyring: Keyring,
  sourceAddress: string,
  municipalityCode: string,
  message: string,
  now: Date,
): Promise<{ refusedUntil?: Date; flood: boolean }> {
  const textHash = createHash('sha256').update(floodText(message), 'utf8').digest('hex');
  const [sourceUntil, floodUntil] = await claimAll(
    db,
    [
      { key: counterKey(keyring, `send-source:${sourceBucket(sourceAddress)}`), rule: PUBLIC_THROTTLE.sendSource },
      { key: counterKey(keyring, `flood:${municipalityCode}:${textHash}`), rule: PUBLIC_THROTTLE.flood },
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
