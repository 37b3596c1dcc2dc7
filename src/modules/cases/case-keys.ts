import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/tenant.ts';
import { DecryptionError, encodeAad, open, seal } from '../crypto/aead.ts';
import { currentDataKey, dataKeyVersion } from '../crypto/data-keys.ts';
import { Keyring } from '../crypto/keyring.ts';
import { caseKeys } from './cases.tables.ts';

/**
 * Per-case keys, so that a case can be destroyed by destroying its key (crypto-shredding): whatever
 * copy of a ciphertext survives (a backup, a replica, a dump), it no longer opens once the key row is
 * gone everywhere. A case key is wrapped by the municipality's data key, which the master key wraps.
 */

const CASE_KEY_FORMAT = 0x01;
const CASE_FIELD_FORMAT = 0x02;
const HEADER_BYTES = 5;

/** Where a case's encrypted value lives; all of it is bound into the ciphertext. */
export interface CaseFieldContext {
  municipalityCode: string;
  caseId: string;
  table: string;
  recordId: string;
  column: string;
}

/** Keys a transaction has unwrapped already (one query per case per transaction). */
const keysSeenBy = new WeakMap<Transaction, Map<string, Buffer>>();

function seenBy(tx: Transaction): Map<string, Buffer> {
  let keys = keysSeenBy.get(tx);
  if (!keys) keysSeenBy.set(tx, (keys = new Map<string, Buffer>()));
  return keys;
}

/** Makes and stores the key of a new case (call in the transaction that inserts the case). */
export async function createCaseKey(
  keyring: Keyring,
  tx: Transaction,
  municipalityCode: string,
  caseId: string,
  now: Date,
): Promise<void> {
  const dataKey = await currentDataKey(keyring, tx, municipalityCode);
  const key = Keyring.newDataKey();
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(CASE_KEY_FORMAT, 0);
  header.writeUInt32BE(dataKey.version, 1);
  const wrapped = Buffer.concat([header, seal(dataKey.key, key, keyAad(municipalityCode, caseId, dataKey.version))]);
  await tx.insert(caseKeys).values({ caseId, municipalityCode, wrappedKey: wrapped, createdAt: now });
  seenBy(tx).set(caseId, key);
}

/** The case's key; throws {@link CaseKeyMissingError} when the case was destroyed or is out of scope. */
export async function caseKey(
  keyring: Keyring,
  tx: Transaction,
  municipalityCode: string,
  caseId: string,
): Promise<Buffer> {
  const seen = seenBy(tx);
  const cached = seen.get(caseId);
  if (cached) return cached;
  const [row] = await tx.select().from(caseKeys).where(eq(caseKeys.caseId, caseId));
  if (!row || row.municipalityCode !== municipalityCode) throw new CaseKeyMissingError(caseId);
  const wrapped = row.wrappedKey;
  if (wrapped.readUInt8(0) !== CASE_KEY_FORMAT) throw new DecryptionError('not a case key of a known format');
  const version = wrapped.readUInt32BE(1);
  const dataKey = await dataKeyVersion(keyring, tx, municipalityCode, version);
  const key = open(dataKey.key, wrapped.subarray(HEADER_BYTES), keyAad(municipalityCode, caseId, version));
  seen.set(caseId, key);
  return key;
}

/** Encrypts one field of a case under the case's key (AES-256-GCM, AAD: municipality, case, table, record, column). */
export async function encryptCaseField(
  keyring: Keyring,
  tx: Transaction,
  context: CaseFieldContext,
  plaintext: string,
): Promise<Buffer> {
  const key = await caseKey(keyring, tx, context.municipalityCode, context.caseId);
  return Buffer.concat([Buffer.of(CASE_FIELD_FORMAT), seal(key, Buffer.from(plaintext, 'utf8'), fieldAad(context))]);
}

/** Decrypts what {@link encryptCaseField} made for the same context. */
export async function decryptCaseField(
  keyring: Keyring,
  tx: Transaction,
  context: CaseFieldContext,
  ciphertext: Buffer,
): Promise<string> {
  if (ciphertext.length < 1 || ciphertext.readUInt8(0) !== CASE_FIELD_FORMAT)
    throw new DecryptionError('not a case ciphertext of a known format');
  const key = await caseKey(keyring, tx, context.municipalityCode, context.caseId);
  return open(key, ciphertext.subarray(1), fieldAad(context)).toString('utf8');
}

/** Decrypts an optional field: null stays null. */
export async function decryptOptionalCaseField(
  keyring: Keyring,
  tx: Transaction,
  context: CaseFieldContext,
  ciphertext: Buffer | null,
): Promise<string | null> {
  return ciphertext ? decryptCaseField(keyring, tx, context, ciphertext) : null;
}

/** The case's key is gone (destroyed) or not visible in this scope. */
export class CaseKeyMissingError extends Error {
  override name = 'CaseKeyMissingError';
  constructor(caseId: string) {
    super(`no key for case ${caseId} in this transaction's scope`);
  }
}

function keyAad(municipalityCode: string, caseId: string, dataKeyVersion: number): Buffer {
  return encodeAad('opendeur case key v1', [municipalityCode, caseId, dataKeyVersion]);
}

function fieldAad(context: CaseFieldContext): Buffer {
  return encodeAad('opendeur case field v1', [
    context.municipalityCode,
    context.caseId,
    context.table,
    context.recordId,
    context.column,
  ]);
}
