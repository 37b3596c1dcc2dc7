import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { projectRoot } from '../../paths.ts';
import source from './messages/nl.json' with { type: 'json' };

/** Every message id; Dutch (nl.json) is the source every other catalogue follows. */
export type MessageId = Exclude<keyof typeof source, `$meta.${string}`>;

/** Values for ICU placeholders. */
export type MessageValues = Record<string, string | number>;

/** One language of the public site, ready to translate. */
export interface Translator {
  locale: string;
  /** Its own name, for the language switch ("English", "العربية"). */
  name: string;
  dir: 'ltr' | 'rtl';
  /** The URL prefix: '' for Dutch, '/en' for English. */
  prefix: string;
  t(id: MessageId, values?: MessageValues): string;
  /** A site path in this language: href('/gemeente/x') → '/en/gemeente/x'. */
  href(sitePath: string): string;
}

export const SOURCE_LOCALE = 'nl';
// Read from src/ also when running compiled code: the catalogues are data, not code.
const messagesDirectory = path.join(projectRoot, 'src', 'web', 'i18n', 'messages');

/**
 * Loads every catalogue in messages/. Adding a language is adding `<locale>.json` with the same
 * ids as nl.json and its `$meta.name` and `$meta.dir`.
 */
export function loadTranslators(directory = messagesDirectory): Map<string, Translator> {
  const cache = createIntlCache();
  const translators = new Map<string, Translator>();
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort((a, b) => (a === `${SOURCE_LOCALE}.json` ? -1 : b === `${SOURCE_LOCALE}.json` ? 1 : a.localeCompare(b)));
  for (const file of files) {
    const locale = path.basename(file, '.json');
    const messages = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as Record<string, string>;
    const intl: IntlShape<string> = createIntl({ locale, defaultLocale: SOURCE_LOCALE, messages }, cache);
    const prefix = locale === SOURCE_LOCALE ? '' : `/${locale}`;
    translators.set(locale, {
      locale,
      name: messages['$meta.name'] ?? locale,
      dir: messages['$meta.dir'] === 'rtl' ? 'rtl' : 'ltr',
      prefix,
      t: (id, values) => intl.formatMessage({ id }, values),
      href: (sitePath) => (prefix === '' ? sitePath : sitePath === '/' ? prefix : `${prefix}${sitePath}`),
    });
  }
  return translators;
}
