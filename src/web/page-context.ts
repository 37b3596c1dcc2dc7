import type { Translator } from './i18n/catalogue.ts';
import type { HelpLines } from './help-lines.ts';

/** What every public page needs besides its own data. */
export interface PageContext {
  t: Translator;
  /** All languages, for the language switch. */
  languages: Translator[];
  /** This page's path without language prefix, so the switch keeps the reader on the same page. */
  sitePath: string;
  helpLines: HelpLines;
  quickExitUrl: string;
  stylesheet: string;
}
