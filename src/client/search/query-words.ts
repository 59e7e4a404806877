/**
 * Splits what a reader typed into the words worth searching for. Questions ("how many children
 * are on the move") keep their content words: words like "how" and "the" match every page and
 * would only blur which paragraph answers.
 */
import { normalizeWord } from './typo-correction.ts';

/** Function words dropped from a query that has other words. */
const STOP_WORDS = new Set(
  'a an and are as at be been by did do does for from had has have how i in is it its many much of on or so than that the their there these they this to was we were what when where which who whom why will with would about into did said say says tell me'.split(
    ' ',
  ),
);

/**
 * The query's words, lowercased, accents kept (Pagefind matches with or without them);
 * numbers keep their separators ("50,000", "8.7"). Stop words go when anything else is left.
 */
export function queryWords(query: string): string[] {
  const words = [
    ...query
      .toLowerCase()
      .matchAll(/\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu),
  ].map((m) => m[0]);
  const unique = [...new Set(words.map((word) => word.replace(/['’]s$/, '')))];
  const content = unique.filter((word) => !STOP_WORDS.has(normalizeWord(word)));
  return content.length > 0 ? content : unique;
}
