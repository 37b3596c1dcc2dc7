import { startTestApp, type TestApp } from './app.ts';
import { testClock, type TestClock } from './clock.ts';
import type { DatabaseTarget } from './databases.ts';
import { startTestMailbox, type TestMailbox } from './smtp.ts';

/** The real app for account tests: a fresh database, a real SMTP server, and a clock moved by hand. */
export interface AccountsApp {
  app: TestApp;
  clock: TestClock;
  mailbox: TestMailbox;
  stop(): Promise<void>;
}

/** Starts the SMTP server, then the app with SMTP_URL pointing at it and the test clock. */
export async function startAccountsApp(
  target: DatabaseTarget,
  environment: Record<string, string> = {},
): Promise<AccountsApp> {
  const mailbox = await startTestMailbox();
  const clock = testClock();
  try {
    const app = await startTestApp(target, { clock, environment: { SMTP_URL: mailbox.url, ...environment } });
    return {
      app,
      clock,
      mailbox,
      async stop() {
        try {
          await app.stop();
        } finally {
          await mailbox.stop();
        }
      },
    };
  } catch (error) {
    await mailbox.stop();
    throw error;
  }
}
