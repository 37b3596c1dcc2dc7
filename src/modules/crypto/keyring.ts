import { hkdfSync, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/pool.ts';
import { inTenant } from '../../db/tenant.ts';
import { encodeAad, open, seal } from './aead.ts';
import { loadOrCreateMasterKeys, MasterKeyError, readMasterKeys, type MasterKeys } from './master-key.ts';

/**
 * The process's keys for encryption at rest: the master key versions from the key file, and the data
 * keys it has unwrapped (cached in memory for the life of the process; they never change, only their
 * wrapping does). Key material is held in Buffers and never logged or serialised.
 */
export class Keyring {
  readonly #file: string;
  #master: MasterKeys;
  readonly #dataKeys = new Map<string, Buffer>();

  private constructor(file: string, master: MasterKeys) {
    this.#file = file;
    this.#master = master;
  }

  /**
   * Opens the key file, creating it only when `db` (the owner's connection, or any that may take a
   * national scope) holds no data keys yet. See {@link loadOrCreateMasterKeys}.
   */
  static async open(file: string, db: Database): Promise<Keyring> {
    return new Keyring(file, await loadOrCreateMasterKeys(file, () => hasEncryptedData(db)));
  }

  /**
   * A key for keyed hashes of secrets that must not be guessable from a database dump (children's
   * codes). Derived from the oldest master key version, which rotation keeps in the file, so the key
   * is the same on every instance and after every rotation, and never stored in the database.
   */
  hashKey(purpose: string): Buffer {
    const oldest = Math.min(...this.#master.keys.keys());
    return Buffer.from(hkdfSync('sha256', this.#master.keys.get(oldest)!, Buffer.alloc(0), `opendeur ${purpose}`, 32));
  }

  /** The master key version that wraps new data keys. */
  get currentMasterVersion(): number {
    return this.#master.current;
  }

  /** Wraps a data key under the current master key version. */
  wrap(municipalityCode: string, dataKeyVersion: number, dataKey: Buffer): { wrapped: Buffer; masterVersion: number } {
    const masterVersion = this.#master.current;
    const master = this.#master.keys.get(masterVersion)!;
    return { wrapped: seal(master, dataKey, wrapAad(municipalityCode, dataKeyVersion, masterVersion)), masterVersion };
  }

  /**
   * Unwraps a data key (from the cache when seen before). A master version this process does not know
   * yet (rotated while it ran) makes it re-read the key file once.
   */
  async unwrap(
    municipalityCode: string,
    dataKeyVersion: number,
    wrapped: Buffer,
    masterVersion: number,
  ): Promise<Buffer> {
    // Keyed by the stored row, not only (municipality, version): a key made in a transaction that then
    // rolled back must never stand in for the one another transaction stored under the same version.
    const cacheKey = `${municipalityCode}:${dataKeyVersion}:${masterVersion}:${wrapped.toString('base64')}`;
    const cached = this.#dataKeys.get(cacheKey);
    if (cached) return cached;
    let master = this.#master.keys.get(masterVersion);
    if (!master) {
      this.#master = (await readMasterKeys(this.#file)) ?? this.#master;
      master = this.#master.keys.get(masterVersion);
      if (!master)
        throw new MasterKeyError(
          `Master key version ${masterVersion} is not in ${this.#file}; it is needed to unwrap a data key.`,
        );
    }
    const dataKey = open(master, wrapped, wrapAad(municipalityCode, dataKeyVersion, masterVersion));
    this.#dataKeys.set(cacheKey, dataKey);
    return dataKey;
  }

  /** A fresh data key: 32 random bytes. */
  static newDataKey(): Buffer {
    return randomBytes(32);
  }
}

/** Binds a wrapped data key to its municipality and versions, so a wrapped key copied to another row fails. */
export function wrapAad(municipalityCode: string, dataKeyVersion: number, masterVersion: number): Buffer {
  return encodeAad('opendeur data key v1', [municipalityCode, dataKeyVersion, masterVersion]);
}

/** Whether the database holds any data key, i.e. any encrypted data may exist. */
export async function hasEncryptedData(db: Database): Promise<boolean> {
  const result = await inTenant(db, { kind: 'national' }, (tx) =>
    tx.execute<{ found: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM municipality_data_keys) AS found`),
  );
  return result.rows[0]?.found === true;
}
