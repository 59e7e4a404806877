/**
 * One snippet per result, cut from the indexed text itself rather than from Pagefind's excerpts:
 * Pagefind gives a page excerpt and a paragraph excerpt that are often the same words, and a key
 * conclusion's excerpt starts with its thesis twice (the heading, then the paragraph opening with
 * it) under a result whose title already is that thesis.
 */

/** Words a snippet shows. */
export const SNIPPET_WORDS = 28;
/** Words of context a snippet keeps before its first hit, when it can. */
const LEAD_WORDS = 4;

/** A half-open range of word positions in a page's indexed text. */
export interface WordRange {
  start: number;
  end: number;
}

/** Escapes text for HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A word reduced to its letters and digits, lowercased, for comparing with a title. */
function bare(word: string): string {
  return word
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();
}

/**
 * Where the range starts once every leading repetition of `title` is left out (a page's heading,
 * then a paragraph opening with the same thesis). Returns `range.start` when the title is absent.
 */
export function afterTitle(words: readonly string[], range: WordRange, title: string): number {
  const titleWords = title.split(/\s+/).map(bare).filter(Boolean);
  let start = range.start;
  if (titleWords.length === 0) return start;
  while (
    start + titleWords.length <= range.end &&
    titleWords.every((word, i) => bare(words[start + i] ?? '') === word)
  )
    start += titleWords.length;
  return start;
}

/** The window start in [from, end) holding the most hits, with a little context before the first. */
function bestWindow(range: WordRange, hits: ReadonlySet<number>, length: number): number {
  const lastStart = Math.max(range.start, range.end - length);
  let best = { start: range.start, count: -1, lead: Infinity };
  for (let start = range.start; start <= lastStart; start++) {
    let count = 0;
    let first = -1;
    for (let i = start; i < Math.min(start + length, range.end); i++) {
      if (!hits.has(i)) continue;
      count++;
      if (first < 0) first = i;
    }
    const lead = first < 0 ? Infinity : Math.abs(first - start - LEAD_WORDS);
    if (count > best.count || (count === best.count && lead < best.lead))
      best = { start, count, lead };
  }
  return best.start;
}

/** A word as HTML, its letters in `<mark>` when it is a hit (punctuation around it left outside). */
function wordHtml(word: string, hit: boolean): string {
  if (!hit) return escapeHtml(word);
  const [, before = '', core = '', after = ''] =
    /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(word) ?? [];
  return core
    ? `${escapeHtml(before)}<mark>${escapeHtml(core)}</mark>${escapeHtml(after)}`
    : escapeHtml(word);
}

/**
 * The snippet of `range` in `words` (a page's indexed text split on whitespace) as HTML: up to
 * `length` words around the most hits (word positions in `hits`) in `<mark>`, with "…" where the
 * text is cut, leaving out a leading repetition of `title`. Empty when nothing is left.
 */
export function snippetHtml(
  words: readonly string[],
  range: WordRange,
  hits: ReadonlySet<number>,
  title = '',
  length = SNIPPET_WORDS,
): string {
  const body = { start: afterTitle(words, range, title), end: Math.min(range.end, words.length) };
  if (body.start >= body.end) return '';
  const start = bestWindow(body, hits, length);
  const end = Math.min(start + length, body.end);
  const html = words
    .slice(start, end)
    .map((word, i) => wordHtml(word, hits.has(start + i)))
    .join(' ');
  return `${start > body.start ? '… ' : ''}${html}${end < body.end ? ' …' : ''}`;
}
