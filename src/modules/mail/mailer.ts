import nodemailer from 'nodemailer';

/** One e-mail to send. Staff mail only: opendeur never e-mails a child by default. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when `smtpUrl` is set (smtp://user:pass@host:587 or smtps://…); otherwise,
 * outside production, the message is written to the log so a developer can follow links.
 */
export function createMailer(options: { smtpUrl?: string; from: string; log: (message: MailMessage) => void }): Mailer {
  if (!options.smtpUrl) {
    return { send: async (message) => options.log(message), close: () => {} };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
