import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

// The list takes ~12 MB in memory, so it is loaded the first time someone chooses a password.
let commonPasswords: Promise<ReadonlySet<string>> | undefined;
function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((password) => password.toLowerCase())),
  );
  return commonPasswords;
}

/** Why a new password is refused; the caller turns it into a message in the user's language. */
export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

/**
 * Checks a new password: at least 12 characters, not one of the ~50,000 most common passwords (nor
 * one repeated, as in "passwordpassword", nor one with a few digits or signs added, as in
 * "welkom123456"), and not built from the account's e-mail address.
 */
export async function checkNewPassword(password: string, email: string): Promise<PasswordProblem | undefined> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const common = await loadCommonPasswords();
  if (common.has(lower) || isRepeatedCommon(lower, common) || isCommonWithSuffix(lower, common)) return 'too_common';
  if (containsEmail(lower, email)) return 'contains_email';
  return undefined;
}

/** "wachtwoord12", "iloveyou1234!": a common password with up to six digits or signs after it. */
function isCommonWithSuffix(lower: string, common: ReadonlySet<string>): boolean {
  const match = /^(.*?)[\d\W_]{1,6}$/u.exec(lower);
  return Boolean(match?.[1] && match[1].length >= 4 && common.has(match[1]));
}

/**
 * Whether the password holds the e-mail's local part, compared without dots or dashes
 * ("jan.jansen" in "ikbenjanjansen!"), or one of its longer pieces ("jansen").
 */
function containsEmail(lower: string, email: string): boolean {
  const localPart = email.toLowerCase().split('@')[0] ?? '';
  const letters = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');
  const candidates = [localPart, letters(localPart), ...localPart.split(/[^\p{L}\p{N}]+/u)];
  const password = [lower, letters(lower)];
  return candidates.some((candidate) => candidate.length >= 4 && password.some((text) => text.includes(candidate)));
}

function isRepeatedCommon(lower: string, common: ReadonlySet<string>): boolean {
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size !== 0) continue;
    const unit = lower.slice(0, size);
    if (unit.repeat(lower.length / size) === lower && (size < 4 || common.has(unit))) return true;
  }
  return false;
}

// OWASP's argon2id minimum (19 MiB, 2 passes); more memory would slow sign-in for little gain.
const ARGON2ID = 2; // Algorithm.Argon2id, a const enum we cannot import under verbatimModuleSyntax
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** A hash of a random password, verified against when the account does not exist, so timing tells nothing. */
let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the same time and returns false. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword('opendeur timing equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
