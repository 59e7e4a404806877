/**
 * Aligns the paragraphs of an earlier edition with the new ones, keeping both orders so numbers
 * stay in reading order. Paragraphs whose text is unchanged (and unique) anchor the alignment,
 * as in a patience diff; between anchors, the heaviest chain of similar pairs wins. Candidate
 * pairs come from an index of shared word pairs and the chain from a Fenwick tree, so a
 * correction costs about the size of the text, not old × new.
 */
import { overlap } from './similarity.ts';

/** Below this Jaccard similarity two paragraphs are different passages, not an edit of one another. */
export const MIN_SIMILARITY = 0.3;
/** A part this much inside the other text (a merge or a split) counts as the same passage… */
const PART_CONTAINMENT = 0.9;
/** …if it is not a mere fragment of it. */
const MIN_PART_SIMILARITY = 0.2;
/**
 * Among equally good matches, the earlier paragraph wins: the first of two merged paragraphs and
 * the first half of a split one keep the number, as a reader of the printed text would expect.
 */
const EARLIER_FIRST = 1e-9;

/** A word pair found in more paragraphs than this says nothing about which paragraph is which. */
const COMMON_PAIR_LIMIT = 50;

/** One matched pair: index into the old list, index into the new list, and their similarity. */
export interface ParagraphMatch {
  old: number;
  new: number;
  similarity: number;
}

/** A paragraph to align: its text and its word pairs (see `shingles`). */
export interface AlignedText {
  text: string;
  pairs: Set<string>;
}

/** Matches old to new paragraphs, in order; unmatched ones were removed or inserted. */
export function alignParagraphs(
  before: readonly AlignedText[],
  after: readonly AlignedText[],
): ParagraphMatch[] {
  const matches: ParagraphMatch[] = [];
  let [i0, j0] = [0, 0];
  for (const [i, j] of [
    ...unchangedAnchors(before, after),
    [before.length, after.length] as const,
  ]) {
    if (i > i0 && j > j0) {
      const gap = candidatePairs(
        before.slice(i0, i).map((p) => p.pairs),
        after.slice(j0, j).map((p) => p.pairs),
      );
      for (const m of heaviestIncreasingChain(gap, j - j0))
        matches.push({ old: m.old + i0, new: m.new + j0, similarity: m.similarity });
    }
    if (i < before.length) matches.push({ old: i, new: j, similarity: 1 });
    [i0, j0] = [i + 1, j + 1];
  }
  return matches;
}

/** Pairs of paragraphs whose text occurs once in each edition, the longest run that keeps both orders. */
function unchangedAnchors(
  before: readonly AlignedText[],
  after: readonly AlignedText[],
): (readonly [number, number])[] {
  const positions = (texts: readonly AlignedText[]) => {
    const at = new Map<string, number[]>();
    texts.forEach(({ text }, index) => {
      const list = at.get(text);
      if (list) list.push(index);
      else at.set(text, [index]);
    });
    return at;
  };
  const [old, now] = [positions(before), positions(after)];
  const pairs = [...old].flatMap(([text, [i, ...more]]) => {
    const [j, ...others] = now.get(text) ?? [];
    return more.length === 0 && others.length === 0 && i !== undefined && j !== undefined
      ? [[i, j] as const]
      : [];
  });
  return longestIncreasingRun(pairs.sort((a, b) => a[0] - b[0]));
}

/** The longest subsequence of `pairs` (sorted by old index) whose new indexes increase too. */
function longestIncreasingRun(pairs: (readonly [number, number])[]): (readonly [number, number])[] {
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([, j], k) => {
    let [low, high] = [0, tails.length];
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]!]![1] < j) low = mid + 1;
      else high = mid;
    }
    previous[k] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = k;
  });
  const run: (readonly [number, number])[] = [];
  for (let k = tails.at(-1) ?? -1; k !== -1; k = previous[k]!) run.push(pairs[k]!);
  return run.reverse();
}

/** Every (old, new) pair sharing an informative word pair and similar enough to be one passage. */
function candidatePairs(
  oldSets: readonly Set<string>[],
  newSets: readonly Set<string>[],
): ParagraphMatch[] {
  const postings = new Map<string, number[]>();
  newSets.forEach((set, j) => {
    for (const pair of set) {
      const list = postings.get(pair);
      if (list) list.push(j);
      else postings.set(pair, [j]);
    }
  });
  const pairs: ParagraphMatch[] = [];
  // Shared informative pairs per new paragraph, reset after each old one through `touched`.
  const shared = new Int32Array(newSets.length);
  const touched: number[] = [];
  oldSets.forEach((set, i) => {
    // The common pairs of `set` could add at most `common` more.
    let common = 0;
    for (const pair of set) {
      const list = postings.get(pair);
      if (list && list.length > COMMON_PAIR_LIMIT) common++;
      else if (list) {
        for (const j of list) if ((shared[j] = shared[j]! + 1) === 1) touched.push(j);
      }
    }
    for (const j of touched.splice(0)) {
      const informative = shared[j]!;
      shared[j] = 0;
      const other = newSets[j]!;
      // Even if every common pair were shared too, a Jaccard below the lowest useful one rules the pair out.
      if (
        informative + common <
        (MIN_PART_SIMILARITY * (set.size + other.size)) / (1 + MIN_PART_SIMILARITY)
      )
        continue;
      const weight = matchWeight(set.size, other.size, overlap(set, other));
      if (weight > 0) pairs.push({ old: i, new: j, similarity: weight - EARLIER_FIRST * (i + j) });
    }
  });
  return pairs;
}

/**
 * How much two paragraphs (their pair counts and shared pairs) are one passage: their Jaccard
 * similarity, or 1 when one was merged into or split from the other.
 */
function matchWeight(before: number, after: number, shared: number): number {
  const similarity = shared / (before + after - shared);
  const isPart = shared / Math.min(before, after) >= PART_CONTAINMENT;
  if (isPart && similarity >= MIN_PART_SIMILARITY) return 1;
  return similarity >= MIN_SIMILARITY ? similarity : 0;
}

/** The chain of pairs increasing in both indexes with the largest total similarity. */
function heaviestIncreasingChain(pairs: ParagraphMatch[], newCount: number): ParagraphMatch[] {
  // Old index ascending; within one old index, new index descending so two of its pairs never chain.
  const sorted = [...pairs].sort((a, b) => a.old - b.old || b.new - a.new);
  const tree = new PrefixMax(newCount);
  const score: number[] = [];
  const previous: number[] = [];
  sorted.forEach((pair, k) => {
    const best = tree.query(pair.new - 1);
    score[k] = best.value + pair.similarity;
    previous[k] = best.index;
    tree.update(pair.new, score[k], k);
  });
  const end = tree.query(newCount - 1).index;
  const chain: ParagraphMatch[] = [];
  for (let k = end; k !== -1; k = previous[k]!) chain.push(sorted[k]!);
  return chain.reverse();
}

/** A Fenwick tree of running maxima over positions 0…size-1, remembering which item gave each. */
class PrefixMax {
  private readonly values: number[];
  private readonly items: number[];

  constructor(size: number) {
    this.values = new Array<number>(size + 1).fill(0);
    this.items = new Array<number>(size + 1).fill(-1);
  }

  /** The best value at positions ≤ `position` (0 and no item when there is none). */
  query(position: number): { value: number; index: number } {
    let value = 0;
    let index = -1;
    for (let i = position + 1; i > 0; i -= i & -i) {
      if (this.values[i]! > value) [value, index] = [this.values[i]!, this.items[i]!];
    }
    return { value, index };
  }

  /** Records `value` (from item `index`) at `position`. */
  update(position: number, value: number, index: number): void {
    for (let i = position + 1; i < this.values.length; i += i & -i) {
      if (value > this.values[i]!) [this.values[i], this.items[i]] = [value, index];
    }
  }
}
