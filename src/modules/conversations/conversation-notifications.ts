import { dispatchAlert } from '../alerts/alerts.service.ts';
import type { ConversationDeps } from './conversations.types.ts';

/**
 * A child wrote: the alert row committed with the message (see child-conversations.service.ts); this
 * sends its first step — to whoever is on duty — through the alert jobs (issue 5), without making the
 * child's request wait. The e-mail holds no content (see alert-texts.ts alertMail).
 */

/** Where delivery failures are reported; the messages never hold content or addresses. */
export type NotificationLog = (message: string) => void;

/** Deps plus an optional log; without one, failures go to stderr. */
export type NotificationDeps = ConversationDeps & { log?: NotificationLog };

/**
 * Fire and forget, after the commit: dispatches the alert (when one was raised — a child writing
 * again before the last alert was picked up raises none). If this fails or the instance dies, the
 * escalation sweep dispatches it.
 */
export function alertAfterCommit(
  deps: NotificationDeps,
  municipalityCode: string,
  alertId: string | undefined,
  now: Date,
): void {
  if (!alertId) return;
  const log = deps.alerting?.log ?? deps.log;
  void dispatchAlert({ ...deps, ...deps.alerting, ...(log ? { log } : {}) }, municipalityCode, alertId, now);
}
