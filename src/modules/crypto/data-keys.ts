import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant, type Transaction } from '../../db/tenant.ts';
import { DecryptionError } from './aead.ts';
import { municipalityDataKeys } from './crypto.tables.ts';
import { Keyring } from './keyring.ts';

/** A usable data key and its version. */
export interface DataKey {
  version: number;
  key: Buffer;
}

/**
 * The data keys a transaction has already read, so that several fields in one transaction cost one
 * query. Kept per transaction, not per process: each transaction still proves through row-level
 * security that its scope may see the key, and a key made in a transaction that rolls back dies with it.
 */
const keysSeenBy = new WeakMap<Transaction, Map<string, DataKey>>();

function seenBy(tx: Transaction): Map<string, DataKey> {
  let keys = keysSeenBy.get(tx);
  if (!keys) keysSeenBy.set(tx, (keys = new Map<string, DataKey>()));
  return keys;
}

/**
 * For encrypting only: each municipality's current data key once this process has read it as
 * committed (a data key never changes once stored; rotation re-wraps it). Saves a query on every
 * message a child sends. Encrypting needs no proof of scope from the key's row — the INSERT of the
 * ciphertext is checked by row-level security itself — but decrypting does, so
 * {@link dataKeyVersion} never uses this.
 */
const committedCurrentKeys = new WeakMap<Keyring, Map<string, DataKey>>();

/**
 * The municipality's current data key, made (and stored wrapped) on first use. Runs in `tx`, which
 * row-level security limits to that municipality (or a national scope).
 */
export async function currentDataKey(keyring: Keyring, tx: Transaction, municipalityCode: string): Promise<DataKey> {
  const seen = seenBy(tx);
  const cached = seen.get(municipalityCode);
  if (cached) return cached;
  let committed = committedCurrentKeys.get(keyring);
  if (!committed) committedCurrentKeys.set(keyring, (committed = new Map<string, DataKey>()));
  const known = committed.get(municipalityCode);
  if (known) {
    seen.set(municipalityCode, known);
    return known;
  }
  const { key, existed } = await currentOrNewDataKey(keyring, tx, municipalityCode);
  seen.set(municipalityCode, key).set(`${municipalityCode}:${key.version}`, key);
  // Only a key another transaction committed: one this transaction made may still roll back.
  if (existed) committed.set(municipalityCode, key);
  return key;
}

/**
 * The municipality's current data key for encrypting, as committed (made and stored first when there is
 * none yet). Reads it once per process in a transaction of its own in the municipality's scope; after
 * that it costs nothing. For writes that encrypt outside a transaction of their own (one statement).
 */
export async function committedCurrentDataKey(
  keyring: Keyring,
  db: Database,
  municipalityCode: string,
): Promise<DataKey> {
  const known = committedCurrentKeys.get(keyring)?.get(municipalityCode);
  if (known) return known;
  const key = await inTenant(db, { kind: 'municipality', code: municipalityCode }, (tx) =>
    currentDataKey(keyring, tx, municipalityCode),
  );
  // Committed now, also when this transaction made it.
  let committed = committedCurrentKeys.get(keyring);
  if (!committed) committedCurrentKeys.set(keyring, (committed = new Map<string, DataKey>()));
  committed.set(municipalityCode, key);
  return key;
}

async function currentOrNewDataKey(
  keyring: Keyring,
  tx: Transaction,
  municipalityCode: string,
): Promise<{ key: DataKey; existed: boolean }> {
  const found = await latest(tx, municipalityCode);
  if (found) return { key: await unwrapRow(keyring, found), existed: true };
  const version = 1;
  const { wrapped, masterVersion } = keyring.wrap(municipalityCode, version, Keyring.newDataKey());
  await tx
    .insert(municipalityDataKeys)
    .values({ municipalityCode, version, wrappedKey: wrapped, masterKeyVersion: masterVersion })
    .onConflictDoNothing();
  // Read back rather than trust our own key: a concurrent transaction may have stored version 1 first.
  const stored = await latest(tx, municipalityCode);
  if (!stored) throw new Error(`Could not create a data key for ${municipalityCode}`);
  return { key: await unwrapRow(keyring, stored), existed: false };
}

/** The municipality's data key of `version`; throws when it does not exist (or RLS hides it). */
export async function dataKeyVersion(
  keyring: Keyring,
  tx: Transaction,
  municipalityCode: string,
  version: number,
): Promise<DataKey> {
  const seen = seenBy(tx);
  const cached = seen.get(`${municipalityCode}:${version}`);
  if (cached) return cached;
  const [row] = await tx
    .select()
    .from(municipalityDataKeys)
    .where(and(eq(municipalityDataKeys.municipalityCode, municipalityCode), eq(municipalityDataKeys.version, version)));
  if (!row)
    throw new DecryptionError(`no data key version ${version} for ${municipalityCode} in this transaction's scope`);
  const key = await unwrapRow(keyring, row);
  seen.set(`${municipalityCode}:${version}`, key);
  return key;
}

type Row = typeof municipalityDataKeys.$inferSelect;

async function latest(tx: Transaction, municipalityCode: string): Promise<Row | undefined> {
  const [row] = await tx
    .select()
    .from(municipalityDataKeys)
    .where(eq(municipalityDataKeys.municipalityCode, municipalityCode))
    .orderBy(desc(municipalityDataKeys.version))
    .limit(1);
  return row;
}

async function unwrapRow(keyring: Keyring, row: Row): Promise<DataKey> {
  return {
    version: row.version,
    key: await keyring.unwrap(row.municipalityCode, row.version, row.wrappedKey, row.masterKeyVersion),
  };
}
