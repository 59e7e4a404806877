/** Small text helpers shared by the parse steps: sentences, words, slugs and short titles. */
import { sentenceSpans } from '../../src/utils/sentences.ts';

/** Splits running text into sentences, keeping titles such as "Dr." and initials attached. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((sentence) => sentence.text);
}

/** Lowercase ASCII slug of at most `maxWords` words: "São Paulo" → "sao-paulo". */
export function slugify(text: string, maxWords = 6): string {
  const words = asciiWords(text);
  const content = words.filter((word) => !SLUG_STOPWORDS.has(word));
  return (content.length >= 2 ? content : words).slice(0, maxWords).join('-');
}

/** Short words that make slugs longer without making them clearer. */
const SLUG_STOPWORDS = new Set(
  'a an and are as at be by for from in is it of on or the to with'.split(' '),
);

function asciiWords(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßẞ]/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/ı/g, 'i')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words;
}

/** Appends -2, -3… to a slug already in `taken`, and records the one it returns. */
export function uniqueSlug(slug: string, taken: Set<string>, fallback = 'section'): string {
  const base = slug === '' ? fallback : slug;
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base}-${i}`;
  taken.add(candidate);
  return candidate;
}

const FUNCTION_WORDS = new Set(
  'a an and as at among across but by for from in into of on or the that to which who with within between through'.split(
    ' ',
  ),
);

/**
 * A short title for navigation: the whole title when it is short, else the part before a
 * colon or comma, else the first words cut before a function word so it reads as a phrase.
 */
export function shortenTitle(title: string, maxWords = 8): string {
  const whole = title.replace(/[.;:,]+$/u, '').trim();
  const clean = whole.split(/\s+/).length > maxWords ? whole.replace(/\s*\([^)]*\)/g, '') : whole;
  const words = clean.split(/\s+/);
  if (words.length <= maxWords) return clean;
  const beforeColon = clean.split(/:\s/u)[0]!;
  if (beforeColon !== clean && beforeColon.split(/\s+/).length >= 2)
    return shortenTitle(beforeColon, maxWords);
  const clause = clean.split(/,\s|\s[–—]\s/u)[0]!;
  if (clause !== clean && clause.split(/\s+/).length >= 3) return shortenTitle(clause, maxWords);
  const relative = words.findIndex(
    (word, i) => i >= 3 && i <= maxWords && /^(?:that|which|who|where|whereby)$/i.test(word),
  );
  if (relative !== -1) return words.slice(0, relative).join(' ').replace(/,$/u, '');
  let cut = words.slice(0, maxWords);
  const lastContent = findLastIndex(
    cut,
    (word, i) =>
      i >= 2 &&
      !FUNCTION_WORDS.has(word.toLowerCase()) &&
      FUNCTION_WORDS.has((words[i + 1] ?? 'and').toLowerCase()),
  );
  if (lastContent >= 2) cut = cut.slice(0, lastContent + 1);
  while (cut.length > 2 && FUNCTION_WORDS.has(cut.at(-1)!.toLowerCase())) cut.pop();
  return cut.join(' ');
}

function findLastIndex<T>(items: T[], test: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}

/** Upper-cases the first letter: list items become titles. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en') + text.slice(1);
}

/**
 * The text just before `end`: the white space right before it and `chars` characters more.
 * Enough for a test anchored at the end (`/of\s+$/`) and, unlike the whole text before `end`,
 * of bounded length, so testing every word of a long sentence stays linear.
 */
export function textBefore(text: string, end: number, chars = 200): string {
  let start = end;
  while (start > 0 && /\s/.test(text[start - 1]!)) start--;
  return text.slice(Math.max(0, start - chars), end);
}
