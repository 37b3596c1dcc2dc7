import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** 96-bit nonces, as GCM is designed for; random per encryption. */
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** AES-256-GCM: returns nonce ‖ ciphertext ‖ tag. */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Opens what {@link seal} made; throws when the key, the AAD or any byte is wrong. */
export function open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new DecryptionError();
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new DecryptionError();
  }
}

/**
 * Additional authenticated data: a label and the parts, each length-prefixed so that no two different
 * lists of parts encode the same bytes (`a|bc` vs `ab|c`).
 */
export function encodeAad(label: string, parts: Array<string | number>): Buffer {
  const chunks: Buffer[] = [];
  for (const part of [label, ...parts.map(String)]) {
    const bytes = Buffer.from(part, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    chunks.push(length, bytes);
  }
  return Buffer.concat(chunks);
}

/** A ciphertext did not authenticate: wrong key, wrong place (AAD) or tampered. Says nothing more on purpose. */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
  constructor(message = 'ciphertext does not authenticate (wrong key, wrong record or field, or altered)') {
    super(message);
  }
}
