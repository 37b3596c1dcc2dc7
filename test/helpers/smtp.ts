import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the test SMTP server accepted, parsed. */
export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  from: string | undefined;
  subject: string;
  text: string;
  parsed: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it receives. */
export interface TestMailbox {
  /** What the app's SMTP_URL should be. */
  url: string;
  messages: ReceivedMail[];
  /**
   * The next message to `to` not handed out before (waits for it up to `timeoutMs`). Each message
   * is handed out once, so two invitations to one address come out one after the other.
   */
  waitForMail(to: string, timeoutMs?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

/**
 * Starts an SMTP server on a free loopback port: no TLS and no AUTH (it is loopback only), so
 * nodemailer speaks plain SMTP to it; `ignoreTLS` keeps nodemailer from asking for STARTTLS.
 */
export async function startTestMailbox(port = 0): Promise<TestMailbox> {
  const messages: ReceivedMail[] = [];
  const handedOut = new Set<ReceivedMail>();
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    size: 1024 * 1024,
    // On stop, a connection still open (a pooled client that has not said QUIT yet) is cut after a
    // second, not smtp-server's default 30 s: a stopped test mailbox must not hold its test file open.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            parsed,
          });
          for (const wake of waiters) wake();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: listening } = server.server.address() as AddressInfo;

  const take = (to: string) => {
    const found = messages.find((message) => !handedOut.has(message) && message.to.includes(to.toLowerCase()));
    if (found) handedOut.add(found);
    return found;
  };

  return {
    url: `smtp://127.0.0.1:${listening}?ignoreTLS=true`,
    messages,
    async waitForMail(to, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = take(to);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) {
          const seen = messages.map((message) => message.to.join(',')).join('; ') || 'none';
          throw new Error(`No e-mail to ${to} within ${timeoutMs} ms (received for: ${seen})`);
        }
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
