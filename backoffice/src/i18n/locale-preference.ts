/** The chosen language, kept in localStorage so it survives signing out. */
import { LOCALES, type Locale } from './messages.ts';

const STORAGE_KEY = 'opendeur.beheer.lang';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The stored choice, if any (storage may be blocked; then there is none). */
export function storedLocale(): Locale | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
}

/** The first choice: stored, else the account's language, else the browser's (Dutch unless English). */
export function initialLocale(accountLocale?: string): Locale {
  const stored = storedLocale();
  if (stored) return stored;
  if (isLocale(accountLocale)) return accountLocale;
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
