import { createHmac, randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDirectory } from '../../paths.ts';

/** The word list in data/: 1024 common Dutch words a child can spell (see data/SOURCES.md). */
export const CODE_WORDS_FILE = 'code-words-nl.txt';
/** Words in a code, and the size of the list they come from (2^10, so 10 bits per word). */
export const CODE_WORD_COUNT = 4;
export const CODE_WORD_LIST_SIZE = 1024;
/** Two digits at the end: 00–99. */
const DIGIT_VALUES = 100;

/**
 * Entropy of a code: 4 words of 10 bits and two digits (log2 100 ≈ 6.64 bits) ≈ 46.6 bits. Every
 * part is drawn uniformly with crypto.randomInt, so this is the real guessing space (2^46.6 ≈ 10^14).
 */
export const CODE_ENTROPY_BITS = CODE_WORD_COUNT * Math.log2(CODE_WORD_LIST_SIZE) + Math.log2(DIGIT_VALUES);

// Far longer than any real code; keeps the word-splitting below cheap on hostile input.
const MAX_INPUT_CHARS = 200;

interface WordList {
  list: readonly string[];
  known: ReadonlySet<string>;
}
let loaded: WordList | undefined;

/** Parses and checks the word list file's text: one word a line, `#` lines and blank lines ignored. */
export function parseCodeWords(text: string): string[] {
  const words = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const bad = words.find((word) => !/^[a-z]{3,7}$/.test(word));
  if (bad !== undefined) throw new Error(`${CODE_WORDS_FILE}: "${bad}" is not 3 to 7 letters a–z`);
  if (new Set(words).size !== words.length) throw new Error(`${CODE_WORDS_FILE}: a word appears twice`);
  if (words.length !== CODE_WORD_LIST_SIZE)
    throw new Error(`${CODE_WORDS_FILE} must hold exactly ${CODE_WORD_LIST_SIZE} words; it holds ${words.length}`);
  return words;
}

function wordList(): WordList {
  // Read once, on first use, synchronously: generateCode must stay a plain function.
  if (!loaded) {
    const list = parseCodeWords(readFileSync(path.join(dataDirectory, CODE_WORDS_FILE), 'utf8'));
    loaded = { list, known: new Set(list) };
  }
  return loaded;
}

/** The code words, in file order. */
export function codeWords(): readonly string[] {
  return wordList().list;
}

/** A new code for a child, e.g. "fiets-appel-maan-boek-47": four words and two digits, lower case. */
export function generateCode(): string {
  const { list } = wordList();
  const words = Array.from({ length: CODE_WORD_COUNT }, () => list[randomInt(list.length)]!);
  return `${words.join('-')}-${String(randomInt(DIGIT_VALUES)).padStart(2, '0')}`;
}

/**
 * The canonical form ("w1-w2-w3-w4-NN") of what a child typed, or undefined when it is not four known
 * words and two digits. Forgiving about what children do when they copy a code: any case, accents
 * ("fiëts"), Arabic-Indic digits, any separators or none ("Fiets Appel.maan,boek 47", "fietsappelmaanboek47"), and the
 * digits glued to the last word. Words written together are split only when exactly one split into
 * four known words exists. The digits must come last, as the code was shown.
 */
export function normaliseCode(input: string): string | undefined {
  if (input.length > MAX_INPUT_CHARS) return undefined;
  const plain = input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Arabic-Indic digits, as an Arabic keyboard types them (the site is also in Arabic).
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf))
    .toLowerCase();
  const parts = plain.split(/[^a-z0-9]+/).filter(Boolean);
  const last = /^([a-z]*)(\d{2})$/.exec(parts.pop() ?? '');
  if (!last) return undefined;
  if (last[1]) parts.push(last[1]);
  if (parts.length === 0 || parts.some((part) => !/^[a-z]+$/.test(part))) return undefined;
  const { known } = wordList();
  const words =
    parts.length === CODE_WORD_COUNT && parts.every((part) => known.has(part))
      ? parts
      : uniqueSplit(parts.join(''), known);
  return words ? `${words.join('-')}-${last[2]}` : undefined;
}

/** The one way to cut `letters` into four known words, or undefined when there is none or more than one. */
function uniqueSplit(letters: string, known: ReadonlySet<string>): string[] | undefined {
  const found: string[][] = [];
  const walk = (start: number, taken: string[]): void => {
    if (found.length > 1) return;
    if (taken.length === CODE_WORD_COUNT) {
      if (start === letters.length) found.push(taken);
      return;
    }
    for (let end = start + 3; end <= Math.min(start + 7, letters.length); end++) {
      const word = letters.slice(start, end);
      if (known.has(word)) walk(end, [...taken, word]);
    }
  };
  walk(0, []);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The keyed hash stored for a code: HMAC-SHA256 under a key derived from the master key file, so a
 * database dump alone does not allow guessing codes offline.
 */
export function hashCode(key: Buffer, normalised: string): Buffer {
  return createHmac('sha256', key).update(normalised, 'utf8').digest();
}
