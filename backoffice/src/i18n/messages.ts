/** The catalogues: Dutch is the source; English must have every Dutch key (checked by the compiler). */
import en from './en.json';
import nl from './nl.json';

export type MessageId = keyof typeof nl;
export type Locale = 'nl' | 'en';
export const LOCALES: readonly Locale[] = ['nl', 'en'];

/** Each language's name in that language, for the switch. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { nl: 'Nederlands', en: 'English' };

const english: Record<MessageId, string> = en;

export const CATALOGUES: Readonly<Record<Locale, Record<MessageId, string>>> = { nl, en: english };
