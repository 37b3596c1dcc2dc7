/**
 * CONTRACT ASSUMPTION: the passkey "options" endpoints are not described in accounts.schema.ts. We
 * expect them to answer with the options JSON of @simplewebauthn/server's generate*Options() as is;
 * an answer wrapped as `{ options: ... }` or `{ optionsJSON: ... }` is unwrapped too.
 */
export function unwrapPasskeyOptions<T>(answer: unknown): T {
  if (answer && typeof answer === 'object' && !('challenge' in answer)) {
    if ('optionsJSON' in answer) return answer.optionsJSON as T;
    if ('options' in answer) return answer.options as T;
  }
  return answer as T;
}

/**
 * CONTRACT ASSUMPTION: the contract promises recovery codes with the TOTP confirmation only; a passkey
 * registration may answer with them as well. Returns them when the answer has them.
 */
export function recoveryCodesIn(answer: unknown): string[] | undefined {
  if (answer && typeof answer === 'object' && 'recoveryCodes' in answer && Array.isArray(answer.recoveryCodes)) {
    const codes = answer.recoveryCodes.filter((code): code is string => typeof code === 'string');
    return codes.length > 0 ? codes : undefined;
  }
  return undefined;
}
