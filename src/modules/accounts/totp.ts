import { Secret, TOTP } from 'otpauth';

const ISSUER = 'opendeur';

/** A new TOTP secret (base32, 160 bits). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

/** The otpauth:// URI an authenticator app scans (as a QR code). */
export function totpUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}

/**
 * Checks a 6-digit code, allowing one step of clock drift either way. Returns the time step it
 * matched, so the caller can refuse a code that was already used (replay).
 */
export function matchTotp(secret: string, code: string, now = Date.now()): number | undefined {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return undefined;
  const delta = totpFor(secret, 'check').validate({ token: digits, timestamp: now, window: 1 });
  return delta === null ? undefined : Math.floor(now / 30_000) + delta;
}

/** The current code, for tests and the set-up page's self-check. */
export function currentTotp(secret: string, now = Date.now()): string {
  return totpFor(secret, 'check').generate({ timestamp: now });
}
