/**
 * Text from sources (titles, file names) reaches the terminal too: a title holding an escape
 * sequence could clear a screen or rewrite earlier lines. Everything printed passes here.
 */

/** Control characters and the invisible bidirectional overrides that reorder what a terminal shows. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with line breaks and tabs as spaces and every other control character as `?`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (c === '\n' || c === '\t' || c === '\r' ? ' ' : '?'));
}
