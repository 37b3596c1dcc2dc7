import { createHash, createHmac, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';

/** Failed attempts allowed per window; the next attempt is refused until the window ends. */
export const THROTTLE_LIMITS = { account: 10, source: 50 } as const;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/** The counters to check for one sign-in attempt: the account (by e-mail) and the source (by IP). */
export interface ThrottleKeys {
  account: string;
  source: string;
}

/** The secret per database handle, read once (several apps may share a process, as in tests). */
const secrets = new WeakMap<Database, Promise<string>>();

/** A random key shared by all instances, so the source's IP address is never stored, only a keyed hash. */
function throttleSecret(db: Database): Promise<string> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = (async () => {
      await db.execute(sql`INSERT INTO server_secrets (name, value) VALUES ('sign-in-throttle', ${randomBytes(32).toString('base64url')})
        ON CONFLICT (name) DO NOTHING`);
      const result = await db.execute<{ value: string }>(
        sql`SELECT value FROM server_secrets WHERE name = 'sign-in-throttle'`,
      );
      return result.rows[0]!.value;
    })();
    secrets.set(db, secret);
    // A failed lookup (database briefly away) must not stick: the next attempt tries again.
    secret.catch(() => secrets.delete(db));
  }
  return secret;
}

/** The throttle keys for an e-mail address and a source address; neither is stored in clear. */
export async function throttleKeys(db: Database, email: string, sourceAddress: string): Promise<ThrottleKeys> {
  const secret = await throttleSecret(db);
  return {
    account: createHash('sha256').update(`account:${email.trim().toLowerCase()}`).digest('hex'),
    source: createHmac('sha256', secret).update(`source:${sourceAddress}`).digest('hex'),
  };
}

/**
 * Counts an attempt on both keys *before* the password or code is checked, and answers until when
 * the attempt is refused (undefined: go ahead). Counting first, in one atomic upsert per key, is what
 * stops a burst of parallel requests from all slipping past a check-then-record throttle. A
 * successful attempt gives its count back with {@link releaseAttempt}.
 */
export async function claimAttempt(db: Database, keys: ThrottleKeys, now: Date): Promise<Date | undefined> {
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  let refusedUntil: Date | undefined;
  for (const [key, limit] of [
    [keys.account, THROTTLE_LIMITS.account],
    [keys.source, THROTTLE_LIMITS.source],
  ] as const) {
    const result = await db.execute<{ failures: number; blocked_until: string | null }>(sql`
      INSERT INTO sign_in_throttle AS t (key, failures, window_started_at) VALUES (${key}, 1, ${now.toISOString()}::timestamptz)
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN t.window_started_at <= ${windowStart}::timestamptz THEN 1 ELSE t.failures + 1 END,
        window_started_at = CASE WHEN t.window_started_at <= ${windowStart}::timestamptz THEN excluded.window_started_at
                                 ELSE t.window_started_at END
      RETURNING failures,
        CASE WHEN failures > ${limit} THEN window_started_at + make_interval(secs => ${THROTTLE_WINDOW_MS / 1000}) END
          AS blocked_until`);
    const row = result.rows[0];
    if (row?.blocked_until) {
      const until = new Date(row.blocked_until);
      if (!refusedUntil || until > refusedUntil) refusedUntil = until;
    }
  }
  return refusedUntil;
}

/**
 * A successful attempt gives its count back. Only a completed sign-in (both steps) starts the
 * account's counter again: if the password step did, whoever knows the password could try ten
 * second-factor codes, sign in with the password again, and try ten more, without end.
 */
export async function releaseAttempt(db: Database, keys: ThrottleKeys, signedIn: 'password' | 'full'): Promise<void> {
  if (signedIn === 'full') await db.execute(sql`DELETE FROM sign_in_throttle WHERE key = ${keys.account}`);
  await db.execute(sql`UPDATE sign_in_throttle SET failures = greatest(failures - 1, 0)
    WHERE key IN (${signedIn === 'full' ? keys.source : keys.account}, ${keys.source})`);
}

/** The API error's values for a refused attempt: whole minutes until it may be tried again. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
