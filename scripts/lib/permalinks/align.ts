/**
 * Aligns the paragraphs of an earlier edition with the new ones: the heaviest chain of similar
 * pairs that keeps both orders, so numbers stay in reading order. Candidate pairs come from an
 * index of shared word pairs, and the chain from a Fenwick tree, so the work grows with the
 * number of similar pairs, not with old × new.
 */
import { containment, jaccard, shingles } from './similarity.ts';

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

/** Matches old to new paragraph texts, in order; unmatched ones were removed or inserted. */
export function alignParagraphs(oldTexts: readonly string[], newTexts: readonly string[]): ParagraphMatch[] {
  const oldSets = oldTexts.map(shingles);
  const newSets = newTexts.map(shingles);
  const candidates = candidatePairs(oldSets, newSets);
  return heaviestIncreasingChain(candidates, newTexts.length);
}

/** Every (old, new) pair sharing an informative word pair and similar enough to be one passage. */
function candidatePairs(oldSets: Set<string>[], newSets: Set<string>[]): ParagraphMatch[] {
  const postings = new Map<string, number[]>();
  newSets.forEach((set, j) => {
    for (const pair of set) postings.set(pair, [...(postings.get(pair) ?? []), j]);
  });
  const pairs: ParagraphMatch[] = [];
  oldSets.forEach((set, i) => {
    const near = new Set<number>();
    for (const pair of set) {
      const list = postings.get(pair);
      if (list && list.length <= COMMON_PAIR_LIMIT) for (const j of list) near.add(j);
    }
    for (const j of near) {
      const similarity = matchWeight(set, newSets[j]!);
      if (similarity > 0) pairs.push({ old: i, new: j, similarity: similarity - EARLIER_FIRST * (i + j) });
    }
  });
  return pairs;
}

/** How much two paragraphs are one passage: their similarity, or 1 when one was merged into or split from the other. */
function matchWeight(before: Set<string>, after: Set<string>): number {
  const similarity = jaccard(before, after);
  const isPart = Math.max(containment(before, after), containment(after, before)) >= PART_CONTAINMENT;
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
    tree.update(pair.new, score[k]!, k);
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
