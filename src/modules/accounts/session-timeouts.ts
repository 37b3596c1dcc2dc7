/** A session ends after 30 minutes without activity… */
export const IDLE_TIMEOUT_MS = 30 * 60_000;
/** …and 12 hours after sign-in at the latest. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;
/** A session that still waits for its second factor lasts 10 minutes. */
export const SECOND_FACTOR_TIMEOUT_MS = 10 * 60_000;
