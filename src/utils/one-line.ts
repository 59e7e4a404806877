/**
 * Exports and meta tags are line-based formats: a line break inside a title forged a second
 * RIS record. Every text field passes here before its format's own escaping.
 */

/** Line breaks, tabs and other control characters become a single space; the text stays otherwise as written. */
export function oneLine(text: string): string {
  return text.replace(/[ ]*[\p{Cc}\u2028\u2029]+[ ]*/gu, ' ').trim();
}
