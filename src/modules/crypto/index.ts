/** Encryption at rest: envelope AES-256-GCM under per-municipality data keys wrapped by a versioned master key. */
export { DecryptionError } from './aead.ts';
export { decryptField, encryptField, type FieldContext } from './fields.ts';
export { hasEncryptedData, Keyring } from './keyring.ts';
export { MasterKeyError } from './master-key.ts';
export { rotateMasterKey, type RotationResult } from './rotation.ts';
