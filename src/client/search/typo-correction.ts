/**
 * "Showing results for …": the nearest word of the site's own vocabulary to a word that finds
 * nothing. The vocabulary is written at build time, most frequent word first, and loaded only
 * when a query needs correcting.
 */

/** Lowercases a word and strips its accents, the form the vocabulary is written in. */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Most edits a correction may need: none for short words, one up to seven letters, then two. */
export function allowedEdits(word: string): number {
  if (word.length < 4) return 0;
  return word.length < 8 ? 1 : 2;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost one. Stops early once the distance exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The closest vocabulary word to `word` within the allowed edits, the most frequent on a tie
 * (the vocabulary is ordered by frequency); undefined when the word is known or nothing is close.
 */
export function closestWord(word: string, vocabulary: readonly string[]): string | undefined {
  const typed = normalizeWord(word);
  const limit = allowedEdits(typed);
  if (limit === 0 || vocabulary.includes(typed)) return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const candidate of vocabulary) {
    const distance = editDistance(typed, candidate, best ? best.distance - 1 : limit);
    if (distance <= limit && (!best || distance < best.distance))
      best = { word: candidate, distance };
    if (best?.distance === 1) break;
  }
  return best?.word;
}

/**
 * The vocabulary is published in chunks, one per first letter of the (normalized) word, so a
 * first search downloads the words it can be checked against or corrected to, not an archive's
 * whole word list: a correction keeps the typed word's first letter (“lobour” → “labour” still
 * works; “abour” → “labour” does not). Characters outside a–z and 0–9 share the chunk `_`.
 */
export function vocabularyChunkKey(word: string): string {
  return chunkKeyOf(normalizeWord(word).charAt(0));
}

/**
 * The narrow chunk of a word: the site's words sharing its first two letters. It answers whether
 * the site holds a typed word (a site word starting with it, or of the same stem, shares them),
 * which is all a first search for a word on the site needs; only a word it does not hold loads its
 * wide chunk (vocabularyChunkKey), to be corrected. A narrow chunk is a small part of a wide one,
 * and stays small as an archive's vocabulary grows.
 */
export function vocabularyPrefixKey(word: string): string {
  const normal = normalizeWord(word);
  return chunkKeyOf(normal.charAt(0)) + chunkKeyOf(normal.charAt(1));
}

/** A character as it names a chunk: a–z and 0–9 as themselves, anything else as `_`. */
function chunkKeyOf(character: string): string {
  return /^[a-z0-9]$/.test(character) ? character : '_';
}

/** Parses the vocabulary file: one word a line. */
export function parseVocabulary(text: string): string[] {
  return text.split('\n').filter((line) => line.length > 0);
}
