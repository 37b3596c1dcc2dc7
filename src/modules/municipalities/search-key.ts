/**
 * Folds a municipality name or a search query to a comparable key: lower case, diacritics removed,
 * every run of punctuation or space one space. "'s-Hertogenbosch" → "s hertogenbosch",
 * "Súdwest-Fryslân" → "sudwest fryslan", "Bergen (NH.)" → "bergen nh".
 */
export function toSearchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A stable, readable URL part: "'s-Hertogenbosch" → "s-hertogenbosch", "Bergen (NH.)" → "bergen-nh". */
export function toSlug(name: string): string {
  return toSearchKey(name).replace(/ /g, '-');
}

/** A 4-digit Dutch postcode, alone or with its letters ("5401", "5401 AB", "5401ab"); else undefined. */
export function parsePostcode(query: string): string | undefined {
  const match = /^\s*([1-9][0-9]{3})\s*(?:[a-z]{2})?\s*$/i.exec(query);
  return match?.[1];
}
