import type { Transaction } from '../../db/tenant.ts';
import { DecryptionError, encodeAad, open, seal } from './aead.ts';
import { currentDataKey, dataKeyVersion, type DataKey } from './data-keys.ts';
import type { Keyring } from './keyring.ts';

/** Where an encrypted value lives. All of it is bound into the ciphertext as additional authenticated data. */
export interface FieldContext {
  municipalityCode: string;
  table: string;
  recordId: string;
  column: string;
}

/** The first byte of every ciphertext: the format (AES-256-GCM, this header, this AAD). */
const FORMAT_V1 = 0x01;
const HEADER_BYTES = 5;

/**
 * Encrypts one field for a `bytea` column: AES-256-GCM under the municipality's current data key, with
 * a random 96-bit nonce. Layout: format (1) ‖ data key version (4, big-endian) ‖ nonce (12) ‖
 * ciphertext ‖ tag (16). The AAD binds municipality, table, record id and column, so the value fails
 * to decrypt anywhere else.
 */
export async function encryptField(
  keyring: Keyring,
  tx: Transaction,
  context: FieldContext,
  plaintext: string,
): Promise<Buffer> {
  return encryptFieldWith(await currentDataKey(keyring, tx, context.municipalityCode), context, plaintext);
}

/**
 * {@link encryptField} with a data key the caller already holds: the municipality's current one, as
 * {@link committedCurrentDataKey} answers it (for a write that is one statement, without a transaction
 * to read the key in).
 */
export function encryptFieldWith(dataKey: DataKey, context: FieldContext, plaintext: string): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt8(FORMAT_V1, 0);
  header.writeUInt32BE(dataKey.version, 1);
  return Buffer.concat([header, seal(dataKey.key, Buffer.from(plaintext, 'utf8'), fieldAad(context, dataKey.version))]);
}

/** Decrypts what {@link encryptField} made for the same context; throws {@link DecryptionError} otherwise. */
export async function decryptField(
  keyring: Keyring,
  tx: Transaction,
  context: FieldContext,
  ciphertext: Buffer,
): Promise<string> {
  if (ciphertext.length < HEADER_BYTES || ciphertext.readUInt8(0) !== FORMAT_V1)
    throw new DecryptionError('not an opendeur ciphertext of a known format');
  const version = ciphertext.readUInt32BE(1);
  const dataKey = await dataKeyVersion(keyring, tx, context.municipalityCode, version);
  return open(dataKey.key, ciphertext.subarray(HEADER_BYTES), fieldAad(context, version)).toString('utf8');
}

function fieldAad(context: FieldContext, dataKeyVersion: number): Buffer {
  return encodeAad('opendeur field v1', [
    context.municipalityCode,
    context.table,
    context.recordId,
    context.column,
    dataKeyVersion,
  ]);
}
