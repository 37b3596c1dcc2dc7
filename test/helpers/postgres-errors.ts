import assert from 'node:assert/strict';

/** The SQLSTATE of a PostgreSQL error, also when drizzle wrapped it (DrizzleQueryError.cause). */
export function sqlState(error: unknown): string | undefined {
  for (let current = error; current && typeof current === 'object'; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** SQLSTATEs the tests expect. */
export const SQLSTATE = {
  insufficientPrivilege: '42501',
  foreignKeyViolation: '23503',
  serializationFailure: '40001',
  dataCorrupted: 'XX001',
} as const;

/** Asserts that `work` fails with the PostgreSQL error `code`. */
export async function rejectsWithSqlState(work: Promise<unknown>, code: string, message?: string): Promise<void> {
  await assert.rejects(work, (error: unknown) => {
    assert.equal(sqlState(error), code, `${message ?? 'SQLSTATE'}: ${(error as Error).message}`);
    return true;
  });
}
