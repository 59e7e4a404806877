/**
 * Honest, forgiving search over Pagefind. Whether a word is on the site at all is read from the
 * site's vocabulary, not from Pagefind (which loosens a word it does not hold until something
 * matches). A word the site holds is searched in every spelling it holds (labour and labor); a
 * word it does not hold is replaced by its other spelling or a close correction, and the plan
 * records that so the page can say so; a word with neither finds nothing, and the page says that.
 */
import { HIGHLIGHT_PARAM } from '../../constants.ts';
import type { ParagraphMatch } from './paragraph-ranking.ts';
import { rankParagraphs } from './paragraph-ranking.ts';
import type {
  PagefindApi,
  PagefindFilterValue,
  PagefindResult,
  PagefindSearchResponse,
} from './pagefind-types.ts';
import { queryWords } from './query-words.ts';
import { SiteVocabulary } from './site-vocabulary.ts';
import { snippetHtml } from './snippet.ts';
import { spellingVariants } from './spelling-variants.ts';
import { closestWord, normalizeWord } from './typo-correction.ts';

/** The filters a reader can set, by name; within one name any value may match. */
export type FilterSelection = Record<string, string[]>;

/** One word of the query and how it is searched. */
export interface PlannedWord {
  /** The word as typed (lowercased). */
  typed: string;
  /** The spellings searched for it; at least one. */
  spellings: string[];
  /** The word searched instead, when the site does not hold the typed word: another spelling or a correction. */
  correction?: string;
  /** Other spellings searched alongside the typed word ("Also matching labor"). */
  alsoMatching?: string[];
}

/** How a query is searched. */
export interface QueryPlan {
  /** Words that find something, in query order. */
  words: PlannedWord[];
  /** Typed words that find nothing even corrected. */
  unmatched: string[];
  /** The query as a reader may have meant it ("Did you mean …?"), when a word found nothing but a site word is near it. */
  suggestion?: string;
}

/** A page that matched. */
export interface RankedHit {
  result: PagefindResult;
  score: number;
  /** 1 when the page holds every word, 2 when it lacks one of them (ranked lower). */
  tier: 1 | 2;
}

/** A result ready to show. */
export interface ResultView {
  id: string;
  /** Page URL (with the base path). */
  url: string;
  /** Where the result link goes: the best paragraph, or the page when no paragraph matched. */
  bestUrl: string;
  title: string;
  kind: string;
  breadcrumb: string;
  /** The one snippet: the best paragraph's words around the hits (in `<mark>`), else the page's; HTML. */
  snippet: string;
  /** Matching paragraphs, best first: the snippet's, then others to offer as ¶ links. */
  paragraphs: ParagraphMatch[];
  tier: 1 | 2;
  /** The page has no text of its own: it matched by its title or quotations kept out of the text. */
  textless: boolean;
}

/** Most spelling combinations searched for one query. */
const MAX_COMBINATIONS = 6;
/** Below this many pages holding every word, pages missing one word are shown too. */
const FEW_RESULTS = 3;
/** Pages whose only hit is their title (a session without paragraphs) rank below pages that answer in a paragraph. */
const TITLE_ONLY_FACTOR = 0.35;
/** Matching paragraphs shown per page: one with its snippet, the others as ¶ links. */
const MAX_PARAGRAPHS = 6;

const responses = new Map<string, Promise<PagefindSearchResponse>>();
let searching: Promise<unknown> = Promise.resolve();
/** Counts how often filters were loaded: a response remembered before counts none of their values. */
let filterLoads = 0;

/** Runs `call` once the Pagefind calls before it have settled: they must not overlap. */
function oneAtATime<T>(call: () => Promise<T>): Promise<T> {
  const result = searching.then(call, call);
  searching = result.catch(() => undefined);
  return result;
}

/**
 * `pagefind.search`, one at a time and remembered for the session: planning and faceting repeat
 * the same searches, and Pagefind on the main thread returns wrong results to overlapping calls.
 */
function cachedSearch(
  api: PagefindApi,
  term: string,
  filters: Record<string, PagefindFilterValue> = {},
): Promise<PagefindSearchResponse> {
  const key = `${term}\u0000${JSON.stringify(filters)}\u0000${filterLoads}`;
  let response = responses.get(key);
  if (!response) {
    if (responses.size > 500) responses.clear();
    response = oneAtATime(() => api.search(term, { filters }));
    responses.set(key, response);
  }
  return response;
}

/** How many pages a single term finds anywhere on the site. */
async function pagesWith(api: PagefindApi, term: string): Promise<number> {
  return (await cachedSearch(api, term)).results.length;
}

/** The vocabulary as a SiteVocabulary, built once per loaded word list. */
const vocabularies = new WeakMap<readonly string[], SiteVocabulary>();
function siteVocabulary(words: readonly string[]): SiteVocabulary {
  let vocabulary = vocabularies.get(words);
  if (!vocabulary) vocabularies.set(words, (vocabulary = new SiteVocabulary(words)));
  return vocabulary;
}

/** A plan for a word searched in `found` spellings: the typed one first when found, else the first other. */
function spelledAs(typed: string, found: readonly string[], typedFound: boolean): PlannedWord {
  if (typedFound)
    return found.length > 0
      ? { typed, spellings: [typed, ...found], alsoMatching: [...found] }
      : { typed, spellings: [typed] };
  return { typed, spellings: [...found], correction: found[0]! };
}

/**
 * Plans a word the vocabulary cannot judge (a number, a short or hyphenated word) by Pagefind's
 * counts, the only evidence there is.
 */
async function planByCounts(
  api: PagefindApi,
  typed: string,
  variants: readonly string[],
  vocabulary: SiteVocabulary,
): Promise<PlannedWord | undefined> {
  const [typedCount, ...counts] = await Promise.all(
    [typed, ...variants].map((candidate) => pagesWith(api, candidate)),
  );
  const found = variants.filter((_, i) => counts[i]! > 0);
  if (typedCount! > 0 || found.length > 0) return spelledAs(typed, found, typedCount! > 0);
  const correction = closestWord(typed, vocabulary.words);
  if (correction && (await pagesWith(api, correction)) > 0)
    return { typed, spellings: [correction], correction };
  return undefined;
}

/** Plans one typed word: its spellings the site holds, else a correction, else nothing. */
async function planWord(
  api: PagefindApi,
  typed: string,
  vocabulary: SiteVocabulary,
): Promise<PlannedWord | undefined> {
  const variants = spellingVariants(normalizeWord(typed));
  if (!vocabulary.judges(typed)) return planByCounts(api, typed, variants, vocabulary);
  const found = variants.filter((variant) => vocabulary.holds(variant));
  if (vocabulary.holds(typed) || found.length > 0)
    return spelledAs(typed, found, vocabulary.holds(typed));
  const correction = closestWord(typed, vocabulary.words);
  return correction ? { typed, spellings: [correction], correction } : undefined;
}

/** The query with words that found nothing replaced by a near site word, when any has one. */
function suggestQuery(
  typed: readonly string[],
  planned: readonly (PlannedWord | undefined)[],
  vocabulary: SiteVocabulary,
): string | undefined {
  const suggested = typed.map((word, i) =>
    planned[i]
      ? (planned[i].correction ?? word)
      : vocabulary.judges(word)
        ? vocabulary.suggestion(word)
        : undefined,
  );
  if (!typed.some((_, i) => !planned[i] && suggested[i])) return undefined;
  return suggested.filter((word): word is string => word !== undefined).join(' ');
}

/**
 * Decides how to search `query`; `vocabulary` loads the site's words the typed words can be
 * checked against and corrected to (empty when it cannot). `heldWords`, when given, loads a
 * smaller list first (the site's words sharing a typed word's or its spellings' first letters):
 * when it holds every typed word, nothing needs correcting and the plan is made from it, so a
 * first search for words on the site does not download what correcting them would need.
 */
export async function planQuery(
  api: PagefindApi,
  query: string,
  vocabulary: (typed: readonly string[]) => Promise<string[]>,
  heldWords?: (words: readonly string[]) => Promise<string[]>,
): Promise<QueryPlan> {
  const typed = queryWords(query);
  if (heldWords) {
    const asked = typed.flatMap((word) => [word, ...spellingVariants(normalizeWord(word))]);
    const held = siteVocabulary(await heldWords(asked));
    // A word a part of the site's words holds, the site holds: the plan is the one the whole
    // list would give. A word it does not hold may need correcting, which needs the whole list.
    if (typed.length > 0 && typed.every((word) => held.judges(word) && held.holds(word)))
      return planFrom(api, typed, held);
  }
  return planFrom(api, typed, siteVocabulary(await vocabulary(typed)));
}

/** The plan of the typed words against the site's words in `words`. */
async function planFrom(
  api: PagefindApi,
  typed: readonly string[],
  words: SiteVocabulary,
): Promise<QueryPlan> {
  const planned = await Promise.all(typed.map((word) => planWord(api, word, words)));
  const suggestion = suggestQuery(typed, planned, words);
  return {
    words: planned.filter((word): word is PlannedWord => word !== undefined),
    unmatched: typed.filter((_, i) => planned[i] === undefined),
    ...(suggestion ? { suggestion } : {}),
  };
}

/** Every way of writing the words with one spelling each, capped at MAX_COMBINATIONS. */
export function spellingCombinations(words: readonly PlannedWord[]): string[] {
  let combinations = [''];
  for (const word of words) {
    combinations = combinations
      .flatMap((prefix) => word.spellings.map((spelling) => `${prefix} ${spelling}`.trim()))
      .slice(0, MAX_COMBINATIONS);
  }
  return combinations.filter((combination) => combination.length > 0);
}

/** Pagefind's filter option for a selection: within a name any value, across names all. */
export function pagefindFilters(selection: FilterSelection): Record<string, PagefindFilterValue> {
  return Object.fromEntries(
    Object.entries(selection)
      .filter(([, values]) => values.length > 0)
      .map(([name, values]) => [name, { any: values }]),
  );
}

/** Pages found by any combination of `words`, each at its best score. */
async function pagesForWords(
  api: PagefindApi,
  words: readonly PlannedWord[],
  filters: Record<string, PagefindFilterValue>,
): Promise<Map<string, RankedHit>> {
  const found = new Map<string, RankedHit>();
  const responses = await Promise.all(
    spellingCombinations(words).map((terms) => cachedSearch(api, terms, filters)),
  );
  for (const result of responses.flatMap((response) => response.results)) {
    const known = found.get(result.id);
    if (!known || known.score < result.score)
      found.set(result.id, { result, score: result.score, tier: 1 });
  }
  return found;
}

/** Runs a plan: pages with every word first, then (when those are few) pages missing one word. */
export async function runPlan(
  api: PagefindApi,
  plan: QueryPlan,
  selection: FilterSelection = {},
): Promise<RankedHit[]> {
  if (plan.words.length === 0) return [];
  const filters = pagefindFilters(selection);
  const complete = await pagesForWords(api, plan.words, filters);
  const hits = [...complete.values()].sort((a, b) => b.score - a.score);
  if (plan.words.length < 2 || hits.length >= FEW_RESULTS) return hits;
  const partial = new Map<string, RankedHit>();
  for (const [i] of plan.words.entries()) {
    const rest = plan.words.filter((_, j) => j !== i);
    for (const [id, hit] of await pagesForWords(api, rest, filters)) {
      if (complete.has(id) || (partial.get(id)?.score ?? -1) >= hit.score) continue;
      partial.set(id, { ...hit, tier: 2 });
    }
  }
  return [...hits, ...[...partial.values()].sort((a, b) => b.score - a.score)];
}

/** Adds the highlight parameter to a result URL, before its fragment. */
export function withHighlight(url: string, plan: QueryPlan): string {
  const terms = plan.words.flatMap((word) => word.spellings).join(' ');
  const [path, fragment] = url.split('#');
  return `${path}?${HIGHLIGHT_PARAM}=${encodeURIComponent(terms)}${fragment ? `#${fragment}` : ''}`;
}

/** Loads one hit's data and picks its paragraphs. */
async function loadView(hit: RankedHit, plan: QueryPlan): Promise<ResultView> {
  const data = await hit.result.data();
  const spellings = plan.words.map((word) => word.spellings.map(normalizeWord));
  const paragraphs = rankParagraphs(data, spellings).slice(0, MAX_PARAGRAPHS);
  const words = data.content.split(/\s+/);
  const title = data.meta['title'] ?? '';
  const range = paragraphs[0]?.range ?? { start: 0, end: words.length };
  return {
    id: hit.result.id,
    url: data.url,
    bestUrl: withHighlight(paragraphs[0]?.url ?? data.url, plan),
    title: data.meta['title'] ?? data.url,
    kind: data.meta['kind'] ?? '',
    textless: data.meta['textless'] === 'yes',
    breadcrumb: data.meta['breadcrumb'] ?? '',
    snippet: snippetHtml(words, range, new Set(data.locations), title),
    paragraphs: paragraphs.map((paragraph) => ({
      ...paragraph,
      url: withHighlight(paragraph.url, plan),
    })),
    tier: hit.tier,
  };
}

/**
 * Loads the views of `hits[start, start + count)`. The first window is re-ranked so that a page
 * answering in a paragraph comes before a page that only matches by its title, and a page with
 * no text of its own (a theme listed in the programme) after every page that has some: Pagefind
 * favours short pages, and such a page is all title.
 */
export async function loadViews(
  hits: readonly RankedHit[],
  plan: QueryPlan,
  start: number,
  count: number,
): Promise<ResultView[]> {
  const window = hits.slice(start, start + count);
  const views = await Promise.all(window.map((hit) => loadView(hit, plan)));
  if (start > 0) return views;
  const rank = (view: ResultView, i: number) =>
    window[i]!.score * (view.paragraphs.length > 0 ? 1 : TITLE_ONLY_FACTOR);
  return views
    .map((view, i) => ({ view, tier: window[i]!.tier, rank: rank(view, i) }))
    .sort(
      (a, b) =>
        a.tier - b.tier || Number(a.view.textless) - Number(b.view.textless) || b.rank - a.rank,
    )
    .map(({ view }) => view);
}

/**
 * Every value the index holds of the filters `names`, loading those filters' chunks only: each
 * chunk lists the pages of every value, so it grows with the archive, and `api.filters()` would
 * load them all. A search that names a filter with no value chosen loads its chunk and
 * restricts nothing; Pagefind then counts its values in every search.
 */
export async function filterValues(
  api: PagefindApi,
  names: readonly string[],
): Promise<Record<string, string[]>> {
  const unrestricted = Object.fromEntries(names.map((name) => [name, { any: [] }]));
  const response = await oneAtATime(() => api.search(null, { filters: unrestricted }));
  filterLoads++;
  return Object.fromEntries(
    names.map((name) => [name, Object.keys(response.totalFilters[name] ?? {})]),
  );
}

/** Longest stretch of counting between two pauses that let the browser draw and answer input. */
const COUNTING_SLICE_MS = 8;

/**
 * For every value of every filter: how many results the query would have with that value chosen
 * (in place of the filter's other chosen values). Pagefind returns per-value counts with each
 * search, so a filter costs one search: the query with the other filters. Only where those counts
 * are not what `runPlan` would show is the plan run for the value itself: a query searched in
 * several spellings (its results are a union of searches), or a value with so few complete
 * matches that `runPlan` would add pages missing a word.
 * Counting pauses every few milliseconds, so a slow phone's page never freezes while it runs.
 */
export async function countFacets(
  api: PagefindApi,
  plan: QueryPlan,
  selection: FilterSelection,
  values: Record<string, string[]>,
): Promise<Record<string, Record<string, number>>> {
  const counts: Record<string, Record<string, number>> = {};
  let sliceStart = performance.now();
  for (const [name, options] of Object.entries(values)) {
    const { [name]: _replaced, ...others } = selection;
    const pagefindCounts = await countsOfOneSearch(api, plan, others);
    const entries = await Promise.all(
      options.map(async (value) => {
        const count = pagefindCounts?.[name]?.[value] ?? (pagefindCounts ? 0 : undefined);
        const exact = count !== undefined && (plan.words.length < 2 || count >= FEW_RESULTS);
        return [
          value,
          exact ? count : (await runPlan(api, plan, { ...others, [name]: [value] })).length,
        ] as const;
      }),
    );
    counts[name] = Object.fromEntries(entries);
    if (performance.now() - sliceStart > COUNTING_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  return counts;
}

/** Pagefind's per-value counts for the plan under `selection`, when the plan is one search; else undefined. */
async function countsOfOneSearch(
  api: PagefindApi,
  plan: QueryPlan,
  selection: FilterSelection,
): Promise<Record<string, Record<string, number>> | undefined> {
  if (plan.words.length === 0) return {};
  const combinations = spellingCombinations(plan.words);
  if (combinations.length !== 1) return undefined;
  return (await cachedSearch(api, combinations[0]!, pagefindFilters(selection))).filters;
}
