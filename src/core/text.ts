// Text normalisation for search and safe echoing of user input.

const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const DIACRITICS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Removes control, format (zero-width, bidi) characters and collapses whitespace. */
export function cleanInput(raw: string): string {
  return raw
    .replace(/[\t\n\r]+/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Search key: NFKC, no diacritics, lower case, punctuation and symbols folded to single spaces. */
export function normalize(raw: string): string {
  return raw
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(NOT_WORD, ' ')
    .trim();
}

/** Words of a normalised string. */
export const tokenize = (normalized: string): string[] => (normalized ? normalized.split(' ') : []);

/**
 * Shortens text to at most `max` UTF-16 units (JavaScript's length, the strictest way a platform counts), ending
 * with an ellipsis when cut, and never splitting an emoji's surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let kept = '';
  for (const char of text) {
    if (kept.length + char.length > max - 1) break;
    kept += char;
  }
  return `${kept}…`;
}

/** Splits text into chunks of at most `max` characters, preferring line breaks, then spaces. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}
