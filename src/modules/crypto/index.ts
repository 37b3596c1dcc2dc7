/** Encryption at rest: envelope AES-256-GCM under per-municipality data keys wrapped by a versioned master key. */
export { DecryptionError } from './aead.ts';
export { committedCurrentDataKey, type DataKey } from './data-keys.ts';
export { decryptField, encryptField, encryptFieldWith, type FieldContext } from './fields.ts';
export { hasEncryptedData, Keyring } from './keyring.ts';
export { MasterKeyError } from './master-key.ts';
export { rotateMasterKey, type RotationResult } from './rotation.ts';
