/**
 * Picks the paragraphs of a result page that answer the query. Pagefind orders a page's
 * sub-results by hit count, so a paragraph repeating one common word beats the one holding
 * every word typed; here a paragraph first counts how many of the query's words it holds,
 * then how much Pagefind scores its hits.
 */
import type { PagefindAnchor, PagefindResultData } from './pagefind-types.ts';
import type { WordRange } from './snippet.ts';
import { normalizeWord } from './typo-correction.ts';

/** One paragraph that matched. */
export interface ParagraphMatch {
  /** The paragraph's fragment id (`p12`). */
  id: string;
  /** Its `data-pagefind-title`. */
  title: string;
  /** The page URL with the paragraph's fragment. */
  url: string;
  /** Its words in the page's indexed text, from its anchor to the next paragraph's. */
  range: WordRange;
  /** How many of the query's words it holds. */
  coverage: number;
  /** Sum of Pagefind's scores of its hits. */
  score: number;
}

/**
 * Whether an indexed word is a form of a query word: the same word, a longer form of it, or a
 * word sharing its stem. Short query words (acronyms) match only themselves and their plural.
 */
export function isFormOf(indexed: string, queryWord: string): boolean {
  if (queryWord.length < 4) return indexed === queryWord || indexed === `${queryWord}s`;
  if (indexed.startsWith(queryWord)) return true;
  const shared = Math.max(4, Math.min(indexed.length, queryWord.length) - 3);
  return indexed.slice(0, shared) === queryWord.slice(0, shared);
}

/** The paragraph anchors of a page (elements given a title), in reading order. */
function paragraphAnchors(anchors: readonly PagefindAnchor[]): PagefindAnchor[] {
  return anchors
    .filter((anchor) => anchor.title && /\S/.test(anchor.title))
    .sort((a, b) => a.location - b.location);
}

/** Index of the last anchor at or before `location`, or -1 when it comes before them all. */
function anchorAt(anchors: readonly PagefindAnchor[], location: number): number {
  let found = -1;
  for (let i = 0; i < anchors.length && anchors[i]!.location <= location; i++) found = i;
  return found;
}

/**
 * Ranks the paragraphs of `data` that hold any of `queryWords` (each a list of accepted
 * spellings, already normalized), best first.
 */
export function rankParagraphs(
  data: PagefindResultData,
  queryWords: readonly (readonly string[])[],
): ParagraphMatch[] {
  const anchors = paragraphAnchors(data.anchors);
  const words = data.content.split(/\s+/);
  const found = new Map<number, { words: Set<number>; score: number }>();
  for (const hit of data.weighted_locations) {
    const index = anchorAt(anchors, hit.location);
    if (index < 0) continue;
    const indexed = normalizeWord(words[hit.location] ?? '').replace(/[^\p{L}\p{N}]/gu, '');
    const entry = found.get(index) ?? { words: new Set<number>(), score: 0 };
    queryWords.forEach((spellings, w) => {
      if (spellings.some((spelling) => isFormOf(indexed, spelling))) entry.words.add(w);
    });
    entry.score += hit.balanced_score;
    found.set(index, entry);
  }
  const pageUrl = data.url.split('#')[0]!;
  return [...found]
    .map(([index, entry]) => {
      const anchor = anchors[index]!;
      const range = { start: anchor.location, end: anchors[index + 1]?.location ?? words.length };
      return {
        id: anchor.id,
        title: anchor.title!,
        url: `${pageUrl}#${anchor.id}`,
        range,
        coverage: entry.words.size,
        score: entry.score,
      };
    })
    .sort((a, b) => b.coverage - a.coverage || b.score - a.score);
}
