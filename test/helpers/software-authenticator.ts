import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A WebAuthn authenticator in software, for tests without a browser: an ES256 (P-256) key pair per
 * credential, 'none' attestation, and assertions signed over authenticatorData ‖ SHA-256(clientDataJSON),
 * so the server's verification runs for real. It plays the browser's part too (clientDataJSON with
 * the origin). Built from the WebAuthn Level 3 spec, independently of the library under test.
 */

/** What the server's creation options give the authenticator (a subset of the JSON). */
export interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
  excludeCredentials?: Array<{ id: string }>;
}

/** What the server's request options give the authenticator. */
export interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: Array<{ id: string }>;
}

/** A credential the authenticator holds. */
export interface SoftwareCredential {
  id: string;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  /** The signature counter: raised by one per assertion; tests may set it to anything. */
  counter: number;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export class SoftwareAuthenticator {
  readonly credentials: SoftwareCredential[] = [];

  constructor(readonly origin: string) {}

  /** navigator.credentials.create(): a new credential, answered as RegistrationResponseJSON. */
  register(options: CreationOptions, overrides: { origin?: string; challenge?: string } = {}) {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const excluded = new Set(options.excludeCredentials?.map((credential) => credential.id));
    if (this.credentials.some((credential) => credential.rpId === rpId && excluded.has(credential.id))) {
      throw new Error('InvalidStateError: this authenticator already holds an excluded credential');
    }
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credentialId = randomBytes(32);
    const credential: SoftwareCredential = {
      id: credentialId.toString('base64url'),
      rpId,
      userHandle: options.user.id,
      privateKey,
      counter: 0,
    };
    const jwk = publicKey.export({ format: 'jwk' });
    const cosePublicKey = cbor(
      new Map<CborValue, CborValue>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const length = Buffer.alloc(2);
    length.writeUInt16BE(credentialId.length);
    const authenticatorData = Buffer.concat([
      authenticatorDataHead(rpId, FLAG_UP | FLAG_UV | FLAG_AT, credential.counter),
      Buffer.alloc(16), // AAGUID: zeros, as with 'none' attestation
      length,
      credentialId,
      cosePublicKey,
    ]);
    const attestationObject = cbor(
      new Map<CborValue, CborValue>([
        ['fmt', 'none'],
        ['attStmt', new Map<CborValue, CborValue>()],
        ['authData', authenticatorData],
      ]),
    );
    const clientDataJSON = this.clientData(
      'webauthn.create',
      overrides.challenge ?? options.challenge,
      overrides.origin,
    );
    this.credentials.push(credential);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        attestationObject: attestationObject.toString('base64url'),
        transports: ['internal'],
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /**
   * navigator.credentials.get(): an assertion, answered as AuthenticationResponseJSON. Uses the
   * first allowed credential it holds, or `overrides.credential` (to test what a server must refuse).
   */
  assert(
    options: RequestOptions,
    overrides: { credential?: SoftwareCredential; challenge?: string; counter?: number } = {},
  ) {
    const rpId = options.rpId ?? new URL(this.origin).hostname;
    const allowed = new Set(options.allowCredentials?.map((credential) => credential.id));
    const credential =
      overrides.credential ??
      this.credentials.find(
        (candidate) => candidate.rpId === rpId && (allowed.size === 0 || allowed.has(candidate.id)),
      );
    if (!credential) throw new Error('NotAllowedError: no credential for this request');
    credential.counter = overrides.counter ?? credential.counter + 1;
    const authenticatorData = authenticatorDataHead(credential.rpId, FLAG_UP | FLAG_UV, credential.counter);
    const clientDataJSON = this.clientData('webauthn.get', overrides.challenge ?? options.challenge);
    const signed = Buffer.concat([authenticatorData, createHash('sha256').update(clientDataJSON).digest()]);
    // ES256 signatures in WebAuthn are DER-encoded ECDSA, which is node's default.
    const signature = sign('sha256', signed, credential.privateKey);
    return {
      id: credential.id,
      rawId: credential.id,
      type: 'public-key' as const,
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'),
        authenticatorData: authenticatorData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }
}

/** rpIdHash ‖ flags ‖ signCount: the first 37 bytes of authenticator data. */
function authenticatorDataHead(rpId: string, flags: number, counter: number): Buffer {
  const head = Buffer.alloc(37);
  createHash('sha256').update(rpId).digest().copy(head, 0);
  head.writeUInt8(flags, 32);
  head.writeUInt32BE(counter, 33);
  return head;
}

/** What the CBOR encoder takes. */
export type CborValue = number | string | Buffer | Map<CborValue, CborValue>;

/** A minimal CBOR encoder (RFC 8949): integers, byte and text strings, maps in insertion order. */
export function cbor(value: CborValue): Buffer {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`CBOR: only integers, not ${value}`);
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  const parts = [head(5, value.size)];
  for (const [key, item] of value) parts.push(cbor(key), cbor(item));
  return Buffer.concat(parts);
}

/** A CBOR item head: major type and argument, in the shortest form. */
function head(major: number, argument: number): Buffer {
  const type = major << 5;
  if (argument < 24) return Buffer.from([type | argument]);
  if (argument < 0x100) return Buffer.from([type | 24, argument]);
  if (argument < 0x10000) {
    const buffer = Buffer.alloc(3);
    buffer.writeUInt8(type | 25);
    buffer.writeUInt16BE(argument, 1);
    return buffer;
  }
  const buffer = Buffer.alloc(5);
  buffer.writeUInt8(type | 26);
  buffer.writeUInt32BE(argument, 1);
  return buffer;
}
