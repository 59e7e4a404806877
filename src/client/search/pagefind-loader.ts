/**
 * Loads Pagefind and the site's vocabulary (together: every query needs both) from
 * `<base>pagefind/` on first use only: a page that is never searched downloads no search code.
 */
import { VOCABULARY_FILE } from '../../constants.ts';
import { PAGEFIND_BUNDLE_URL as BUNDLE_URL } from '../../utils/base.ts';
import type { PagefindApi } from './pagefind-types.ts';
import { parseVocabulary } from './typo-correction.ts';

/** Ranking tuned for meeting pages: long conclusion pages should not lose to a title-only session page. */
const RANKING = { pageLength: 0.3, termFrequency: 0.8 };

let pagefind: Promise<PagefindApi> | undefined;
let vocabulary: Promise<string[]> | undefined;

/** Thrown when the bundle is missing: in `npm run dev`, or before the first build. */
export class SearchUnavailableError extends Error {
  constructor() {
    super('Search works after a build: run `npm run build`, then `npm run preview`.');
    this.name = 'SearchUnavailableError';
  }
}

/** Pagefind's browser API, loaded and configured once. */
export function loadPagefind(): Promise<PagefindApi> {
  pagefind ??= (async () => {
    try {
      // Every query needs the vocabulary to tell a word the site holds from one it does not.
      void loadVocabulary();
      const api = (await import(/* @vite-ignore */ `${BUNDLE_URL}pagefind.js`)) as PagefindApi;
      // In Pagefind's worker: decompressing the engine and index and answering a search per
      // filter value took over a second of main-thread time on a slow phone, which froze the page.
      await api.options({ excerptLength: 28, excerptEllipsis: '…', ranking: RANKING });
      await api.init();
      return api;
    } catch {
      pagefind = undefined;
      throw new SearchUnavailableError();
    }
  })();
  return pagefind;
}

/** The site's words, most frequent first; empty if the file cannot be loaded. */
export function loadVocabulary(): Promise<string[]> {
  vocabulary ??= fetch(`${BUNDLE_URL}${VOCABULARY_FILE}`)
    .then((response) => (response.ok ? response.text() : ''))
    .then(parseVocabulary, () => []);
  return vocabulary;
}
