import { eq } from 'drizzle-orm';
import { inTenant } from '../../db/tenant.ts';
import { municipalities } from '../municipalities/municipalities.tables.ts';
import type { MailMessage } from '../mail/mailer.ts';
import { listResponders } from './conversations.repository.ts';
import type { ConversationDeps } from './conversations.types.ts';

/**
 * Tells a municipality's responders and coordinators that a child wrote — and nothing more: no
 * content, no name, no conversation id, since e-mail leaves our hands. (Issue 5 replaces this with
 * durable on-call alerts.)
 */

/** Where delivery failures are reported; the messages never hold content or addresses. */
export type NotificationLog = (message: string) => void;

/** Deps plus an optional log; without one, failures go to stderr. */
export type NotificationDeps = ConversationDeps & { log?: NotificationLog };

const SUBJECTS = {
  nl: (name: string) => `Nieuw bericht voor gemeente ${name} — log in om het te lezen`,
  en: (name: string) => `New message for municipality ${name} — sign in to read it`,
};

const BODIES = {
  nl: (name: string, link: string) =>
    `Er is een nieuw bericht voor gemeente ${name}.\n\nLog in om het te lezen:\n${link}\n\n` +
    'Dit bericht bevat bewust geen inhoud.',
  en: (name: string, link: string) =>
    `There is a new message for municipality ${name}.\n\nSign in to read it:\n${link}\n\n` +
    'This e-mail deliberately holds no content.',
};

/** The content-free e-mail for one staff member, in their language (Dutch unless they chose English). */
export function notificationMail(
  to: string,
  locale: string,
  municipalityName: string,
  publicBaseUrl: string,
): MailMessage {
  const language = locale === 'en' ? 'en' : 'nl';
  const link = `${publicBaseUrl.replace(/\/+$/, '')}/beheer/gesprekken`;
  return { to, subject: SUBJECTS[language](municipalityName), text: BODIES[language](municipalityName, link) };
}

/**
 * Sends the e-mails, one per active responder or coordinator of the municipality. Resolves when all
 * were tried and never rejects, so callers may leave it running (the child's request does not wait).
 */
export async function sendNewMessageNotifications(deps: NotificationDeps, municipalityCode: string): Promise<void> {
  const log = deps.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  try {
    const { name, recipients } = await inTenant(
      deps.db,
      { kind: 'municipality', code: municipalityCode },
      async (tx) => {
        const [municipality] = await tx
          .select({ name: municipalities.name })
          .from(municipalities)
          .where(eq(municipalities.code, municipalityCode));
        return { name: municipality?.name ?? municipalityCode, recipients: await listResponders(tx, municipalityCode) };
      },
    );
    const results = await Promise.allSettled(
      recipients.map((recipient) =>
        deps.mailer.send(notificationMail(recipient.email, recipient.locale, name, deps.publicBaseUrl)),
      ),
    );
    const failed = results.filter((result) => result.status === 'rejected').length;
    if (failed > 0)
      log(`conversation notification: ${failed} of ${results.length} e-mails for ${municipalityCode} failed`);
  } catch (error) {
    log(`conversation notification for ${municipalityCode} failed: ${error instanceof Error ? error.name : 'error'}`);
  }
}

/** One e-mail round per municipality per minute is enough to make the team look; more is noise. */
export const NOTIFICATION_QUIET_MS = 60_000;

/** When each municipality's team was last told, per database (so per app, also when tests run several). */
const lastToldAt = new WeakMap<object, Map<string, number>>();

/**
 * Fire and forget: starts {@link sendNewMessageNotifications} after the commit, without waiting — unless
 * this instance told the same team within {@link NOTIFICATION_QUIET_MS}: the e-mail says only "log in",
 * and a burst of messages (or a flood) must not become a burst of e-mails or of staff look-ups.
 */
export function notifyResponders(deps: NotificationDeps, municipalityCode: string, now = Date.now()): void {
  let told = lastToldAt.get(deps.db);
  if (!told) lastToldAt.set(deps.db, (told = new Map<string, number>()));
  const last = told.get(municipalityCode);
  if (last !== undefined && now - last < NOTIFICATION_QUIET_MS) return;
  told.set(municipalityCode, now);
  void sendNewMessageNotifications(deps, municipalityCode);
}
