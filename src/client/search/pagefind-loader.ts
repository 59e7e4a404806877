/**
 * Loads Pagefind and the site's vocabulary (together: every query needs both) from
 * `<base>pagefind/` on first use only: a page that is never searched downloads no search code.
 * The engine runs in Pagefind's worker, started directly (pagefind-worker.ts).
 */
import { VOCABULARY_CHUNKS_DIR } from '../../constants.ts';
import { PAGEFIND_BUNDLE_URL as BUNDLE_URL } from '../../utils/base.ts';
import type { PagefindApi } from './pagefind-types.ts';
import { startPagefindWorker } from './pagefind-worker.ts';
import {
  normalizeWord,
  parseVocabulary,
  vocabularyChunkKey,
  vocabularyPrefixKey,
} from './typo-correction.ts';

/** Ranking tuned for meeting pages: long conclusion pages should not lose to a title-only session page. */
const RANKING = { pageLength: 0.3, termFrequency: 0.8 };

let pagefind: Promise<PagefindApi> | undefined;
/** Vocabulary chunks by key, and their unions by the set of keys a query needed. */
const chunks = new Map<string, Promise<string[]>>();
const unions = new Map<string, Promise<string[]>>();

/** Thrown when the bundle is missing: in `npm run dev`, or before the first build. */
export class SearchUnavailableError extends Error {
  constructor() {
    super('Search works after a build: run `npm run build`, then `npm run preview`.');
    this.name = 'SearchUnavailableError';
  }
}

/** Pagefind's browser API, loaded and configured once. */
export function loadPagefind(): Promise<PagefindApi> {
  // In Pagefind's worker: decompressing the engine and index and answering a search per
  // filter value took over a second of main-thread time on a slow phone, which froze the page.
  const options = { excerptLength: 28, excerptEllipsis: '…', ranking: RANKING };
  pagefind ??= (async () => {
    try {
      return await startPagefindWorker(BUNDLE_URL, options);
    } catch {
      // No worker here (or it would not start): Pagefind's own script, on the main thread if need be.
    }
    try {
      const api = (await import(/* @vite-ignore */ `${BUNDLE_URL}pagefind.js`)) as PagefindApi;
      await api.options(options);
      await api.init();
      return api;
    } catch {
      pagefind = undefined;
      throw new SearchUnavailableError();
    }
  })();
  return pagefind;
}

/**
 * The site's words that `words` could be or be corrected to (those sharing their chunk: see
 * vocabularyChunkKey), most frequent first within a chunk; a chunk that cannot be loaded counts
 * as empty. The same keys give the same array, so what is built from it is built once.
 */
export function loadVocabulary(words: readonly string[] = []): Promise<string[]> {
  return loadChunks(words, vocabularyChunkKey);
}

/**
 * The site's words sharing the first two letters of one of `words` (see vocabularyPrefixKey):
 * enough to tell that the site holds a word, a small part of what correcting it needs.
 */
export function loadPrefixVocabulary(words: readonly string[] = []): Promise<string[]> {
  return loadChunks(words, vocabularyPrefixKey);
}

function loadChunks(words: readonly string[], keyOf: (word: string) => string): Promise<string[]> {
  const keys = [...new Set(words.map((word) => keyOf(normalizeWord(word))))].sort();
  const id = keys.join(' ');
  let union = unions.get(id);
  if (!union) {
    union = Promise.all(keys.map(loadChunk)).then((lists) => lists.flat());
    unions.set(id, union);
  }
  return union;
}

function loadChunk(key: string): Promise<string[]> {
  let chunk = chunks.get(key);
  if (!chunk) {
    chunk = fetch(`${BUNDLE_URL}${VOCABULARY_CHUNKS_DIR}/${key}.txt`)
      .then((response) => (response.ok ? response.text() : ''))
      .then(parseVocabulary, () => []);
    chunks.set(key, chunk);
  }
  return chunk;
}
