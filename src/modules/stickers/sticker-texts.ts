import type { HelpLines } from '../../web/help-lines.ts';

/** The languages a sticker or poster can be printed in (the public site's languages). */
export const STICKER_LANGUAGES = ['nl', 'en', 'ar'] as const;
export type StickerLanguage = (typeof STICKER_LANGUAGES)[number];

/**
 * One printed line: its parts (a part is wholly in one script, so Arabic and Latin never share a
 * shaping run), its size in points on the A6 sticker, and whether it is bold.
 */
export interface PrintedLine {
  parts: string[];
  size: number;
  bold?: boolean;
}

/** Everything printed on a sticker, top to bottom, grouped by block. */
export interface StickerText {
  rtl: boolean;
  /** BCP 47 tag for the PDF's /Lang. */
  tag: string;
  title: string;
  headline: PrintedLine[];
  helpLine: PrintedLine[];
  mayor: PrintedLine[];
  scan: PrintedLine;
  danger: PrintedLine;
}

type Kindertelefoon = HelpLines['kindertelefoon'];

function hoursOf(line: Kindertelefoon): string | undefined {
  return line.hours === 'always' ? undefined : `${line.hours.from}–${line.hours.to}`;
}

function termsOf(
  line: Kindertelefoon,
  words: { free: string; anonymous: string; /** The joiner, with its spaces. */ and: string },
): string | undefined {
  const terms = [line.free ? words.free : undefined, line.anonymous ? words.anonymous : undefined].filter(Boolean);
  return terms.length ? terms.join(words.and) : undefined;
}

const CATALOGUE: Record<StickerLanguage, (help: HelpLines, municipality: string) => StickerText> = {
  nl: (help, municipality) => {
    const k = help.kindertelefoon;
    const terms = termsOf(k, { free: 'gratis', anonymous: 'anoniem', and: ' en ' });
    const hours = hoursOf(k);
    return {
      rtl: false,
      tag: 'nl-NL',
      title: `Kindermishandeling? Praat erover. — ${municipality}`,
      headline: [
        { parts: ['Kindermishandeling?'], size: 22, bold: true },
        { parts: ['Praat erover.'], size: 22, bold: true },
      ],
      helpLine: [
        { parts: ['Bel De Kindertelefoon'], size: 12, bold: true },
        { parts: [k.number], size: 28, bold: true },
        ...(terms ? [{ parts: [hours ? `${terms}, elke dag ${hours}` : terms], size: 9 }] : []),
      ],
      mayor: [
        { parts: ['of neem contact op met de burgemeester'], size: 11, bold: true },
        { parts: [`gemeente ${municipality}`], size: 14, bold: true },
      ],
      scan: { parts: ['Scan de code: zo bereik je de burgemeester'], size: 7.5 },
      danger: { parts: [`Direct gevaar? Bel ${help.emergency.number}`], size: 8, bold: true },
    };
  },
  en: (help, municipality) => {
    const k = help.kindertelefoon;
    const terms = termsOf(k, { free: 'free', anonymous: 'anonymous', and: ' and ' });
    const hours = hoursOf(k);
    return {
      rtl: false,
      tag: 'en',
      title: `Child abuse? Talk about it. — ${municipality}`,
      headline: [
        { parts: ['Child abuse?'], size: 22, bold: true },
        { parts: ['Talk about it.'], size: 22, bold: true },
      ],
      helpLine: [
        { parts: ['Call De Kindertelefoon'], size: 12, bold: true },
        { parts: [k.number], size: 28, bold: true },
        ...(terms ? [{ parts: [hours ? `${terms}, every day ${hours}` : terms], size: 9 }] : []),
      ],
      mayor: [
        { parts: ['or contact the mayor'], size: 11, bold: true },
        { parts: [`municipality of ${municipality}`], size: 14, bold: true },
      ],
      scan: { parts: ['Scan the code to see how to reach the mayor'], size: 7.5 },
      danger: { parts: [`In danger now? Call ${help.emergency.number}`], size: 8, bold: true },
    };
  },
  // Arabic and Latin (names, numbers) sit in separate parts; the renderer orders parts right to left.
  ar: (help, municipality) => {
    const k = help.kindertelefoon;
    const terms = termsOf(k, { free: 'مجاني', anonymous: 'من دون ذكر اسمك', and: ' و' });
    const hours = hoursOf(k);
    return {
      rtl: true,
      tag: 'ar',
      title: `Kindermishandeling? Praat erover. — ${municipality} (العربية)`,
      headline: [
        { parts: ['إساءة معاملة الأطفال؟'], size: 22, bold: true },
        { parts: ['تحدَّث عنها.'], size: 22, bold: true },
      ],
      helpLine: [
        { parts: ['اتصل بـ', 'De Kindertelefoon'], size: 12, bold: true },
        { parts: [k.number], size: 28, bold: true },
        ...(terms ? [{ parts: hours ? [`${terms}، كل يوم`, hours] : [terms], size: 9 }] : []),
      ],
      mayor: [
        { parts: ['أو تواصل مع رئيس البلدية'], size: 11, bold: true },
        { parts: ['بلدية', municipality], size: 14, bold: true },
      ],
      scan: { parts: ['امسح الرمز لتعرف كيف تصل إلى رئيس البلدية'], size: 7.5 },
      danger: { parts: ['في خطر الآن؟ اتصل بالرقم', help.emergency.number], size: 8, bold: true },
    };
  },
};

/** The sticker's texts in `language`, with the help numbers and their terms from the configuration. */
export function stickerText(language: StickerLanguage, helpLines: HelpLines, municipalityName: string): StickerText {
  return CATALOGUE[language](helpLines, municipalityName);
}
