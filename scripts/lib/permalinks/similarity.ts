/**
 * How alike two paragraphs are, by their word pairs (2-shingles): a reworded phrase changes a
 * few pairs, a different paragraph shares almost none.
 */

/** The set of adjacent word pairs of a text, case- and accent-insensitive; single words for one-word texts. */
export function shingles(text: string): Set<string> {
  const words =
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < 2) return new Set(words);
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
  return pairs;
}

/** Number of elements two sets share. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared;
}

/** Jaccard similarity, 0…1: shared pairs over all pairs of either text. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = overlap(a, b);
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Share of `part`'s pairs found in `whole`, 0…1: high when `part` was merged into `whole`. */
export function containment(part: ReadonlySet<string>, whole: ReadonlySet<string>): number {
  return part.size === 0 ? 0 : overlap(part, whole) / part.size;
}
