/** The languages an alert speaks: the staff account's language (staff_users.locale), Dutch otherwise. */
export type AlertLocale = 'nl' | 'en';

/** The account's locale as an alert language. */
export function alertLocale(locale: string | null | undefined): AlertLocale {
  return locale === 'en' ? 'en' : 'nl';
}

/** The words of the alert e-mail or SMS and of the page its link opens. */
export const ALERT_TEXTS = {
  nl: {
    subject: (name: string) => `Een kind zoekt contact met gemeente ${name}`,
    body: (name: string, link: string) =>
      `Een kind zoekt contact met gemeente ${name}. Bevestig dat u het oppakt: ${link}`,
    confirmTitle: 'Bevestig dat u het oppakt',
    confirmText: 'Een kind zoekt contact. Bevestig dat u het oppakt; dan krijgt niemand anders meer een melding.',
    confirmButton: 'Ik pak het op',
    unknownTitle: 'Link onbekend',
    unknownText: 'Deze link werkt niet. Log in op de beheeromgeving.',
    doneTitle: 'Bevestigd: u pakt het op',
    doneText: 'Dank u. De melding gaat niet verder.',
    alreadyTitle: 'Al opgepakt',
    alreadyText: 'Iemand heeft deze melding al bevestigd.',
    toConversations: 'Naar de gesprekken',
  },
  en: {
    subject: (name: string) => `A child is seeking contact with the municipality of ${name}`,
    body: (name: string, link: string) =>
      `A child is seeking contact with the municipality of ${name}. Confirm that you are picking it up: ${link}`,
    confirmTitle: 'Confirm that you are picking it up',
    confirmText: 'A child is seeking contact. Confirm that you are picking it up; then nobody else is alerted.',
    confirmButton: 'I am picking it up',
    unknownTitle: 'Unknown link',
    unknownText: 'This link does not work. Sign in to the back office.',
    doneTitle: 'Confirmed: you are picking it up',
    doneText: 'Thank you. The alert goes no further.',
    alreadyTitle: 'Picked up already',
    alreadyText: 'Somebody has confirmed this alert already.',
    toConversations: 'To the conversations',
  },
} as const satisfies Record<AlertLocale, Record<string, unknown>>;

/**
 * The content-free alert e-mail (the SMS is its text) in the recipient's language. The link carries
 * the language only when it is not Dutch, so the page it opens speaks it too.
 */
export function alertMail(to: string, municipalityName: string, link: string, locale: AlertLocale = 'nl') {
  const texts = ALERT_TEXTS[locale];
  const localized = locale === 'nl' ? link : `${link}&lang=${locale}`;
  return { to, subject: texts.subject(municipalityName), text: texts.body(municipalityName, localized) };
}
