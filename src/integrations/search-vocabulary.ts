/**
 * The site's own word list, for "Showing results for …" corrections in the browser. It is read
 * from the records Pagefind indexed, so it holds exactly the words a search can find.
 */
import { gunzipSync } from 'node:zlib';
import { normalizeWord, vocabularyChunkKey } from '../client/search/typo-correction.ts';

/** Folder of the vocabulary's chunks (`<key>.txt`, see vocabularyChunkKey) inside the bundle directory. */
export { VOCABULARY_CHUNKS_DIR } from '../constants.ts';

/** Pagefind prefixes every decompressed bundle file with this signature. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

/** Words shorter than this are never corrected, so they are left out of the list. */
const MIN_WORD_LENGTH = 3;

/** The indexed text of one Pagefind fragment file (gzip-compressed JSON). */
export function fragmentText(compressed: Uint8Array): string {
  const json = gunzipSync(compressed).toString('utf8');
  const record = JSON.parse(
    json.startsWith(PAGEFIND_SIGNATURE) ? json.slice(PAGEFIND_SIGNATURE.length) : json,
  ) as {
    content?: string;
    meta?: Record<string, string>;
  };
  return [record.meta?.['title'] ?? '', record.content ?? ''].join(' ');
}

/** Adds the words of `text` to `counts` (the words a correction may offer, normalized). */
export function countWords(text: string, counts: Map<string, number>): Map<string, number> {
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = normalizeWord(match[0]).replace(/['’]s$/, '');
    if (word.length < MIN_WORD_LENGTH || /^\d+$/.test(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/**
 * The counted words most frequent first, one per line: the browser prefers the commoner of two
 * equally close corrections. Counts of several parts of a site add up to the site's.
 */
export function rankVocabulary(counts: Iterable<[string, number]>): string {
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return `${ranked.map(([word]) => word).join('\n')}\n`;
}

/** The vocabulary of the given texts (see rankVocabulary). */
export function buildVocabulary(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const text of texts) countWords(text, counts);
  return rankVocabulary(counts);
}

/**
 * The vocabulary (as buildVocabulary writes it) in chunks by `keyOf` (the wide chunks of
 * vocabularyChunkKey unless told), each most frequent first.
 */
export function chunkVocabulary(
  vocabulary: string,
  keyOf: (word: string) => string = vocabularyChunkKey,
): Map<string, string> {
  const chunks = new Map<string, string[]>();
  for (const word of vocabulary.split('\n')) {
    if (!word) continue;
    const key = keyOf(word);
    const chunk = chunks.get(key);
    if (chunk) chunk.push(word);
    else chunks.set(key, [word]);
  }
  return new Map(
    [...chunks]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, words]) => [key, `${words.join('\n')}\n`]),
  );
}
