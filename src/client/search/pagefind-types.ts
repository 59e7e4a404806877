/**
 * The parts of Pagefind's browser API (`/pagefind/pagefind.js`, version 1.6) that Readout uses.
 * Pagefind ships no types for its browser bundle; these follow its documentation.
 */

/** Filter values to search within: one value, all of several, or any of several. */
export type PagefindFilterValue = string | string[] | { any: string[] } | { all: string[] };

/** Options of `pagefind.search`. */
export interface PagefindSearchOptions {
  filters?: Record<string, PagefindFilterValue>;
}

/** An element with an `id` on the page, at a word position of its content. */
export interface PagefindAnchor {
  element: string;
  id: string;
  text: string;
  /** The element's `data-pagefind-title`, when it has one. */
  title?: string;
  location: number;
}

/** A matched word position and how much it counts. */
export interface PagefindWeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}

/** A section of a page that matched: the page top, a heading or an element with a title. */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations: number[];
  anchor?: PagefindAnchor;
}

/** The loaded data of one result page. */
export interface PagefindResultData {
  url: string;
  /** The indexed text; split on whitespace, `locations` index into it. */
  content: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
  anchors: PagefindAnchor[];
  weighted_locations: PagefindWeightedLocation[];
  locations: number[];
  sub_results: PagefindSubResult[];
}

/** One page that matched, before its data is loaded. */
export interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data(): Promise<PagefindResultData>;
}

/** What `pagefind.search` returns. */
export interface PagefindSearchResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  /** For each filter value: how many results adding it to the current filters would leave. */
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

/** The module `pagefind.js` exports. */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindSearchResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
