/**
 * The search page: the query and filters live in the URL (typing replaces the entry, a submit
 * or a filter change adds one, Back restores it); filters show how many results each value
 * leaves (behind a "Filters" disclosure, loaded when it is opened; the active ones as removable
 * chips); each result shows one snippet and links to its other paragraphs that answer.
 */
import { KIND_LABEL_ORDER } from '../../constants.ts';
import {
  loadPagefind,
  loadPrefixVocabulary,
  loadVocabulary,
  SearchUnavailableError,
} from './pagefind-loader.ts';
import type { PagefindApi } from './pagefind-types.ts';
import { statusParts, type StatusParts } from './search-messages.ts';
import type { ParagraphMatch } from './paragraph-ranking.ts';
import {
  countFacets,
  filterValues,
  loadViews,
  planQuery,
  runPlan,
  type QueryPlan,
  type RankedHit,
  type ResultView,
} from './site-search.ts';
import { FACETS, readState, writeState, type SearchState } from './url-state.ts';

/** Results shown at first and added by each "More results". */
const PAGE_SIZE = 10;
/** Wide enough for a shared search's filters to open above its results. */
const WIDE_SCREEN = '(min-width: 48rem)';
/** Pause after a keystroke before searching and updating the URL. */
const TYPING_PAUSE_MS = 150;

/** The page's elements the controller fills. */
interface SearchPageElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  /** The "Filters" disclosure around the facets. */
  filters: HTMLDetailsElement;
  filterCount: HTMLElement;
  facets: HTMLElement;
  /** The active filters as removable chips, shown even when the disclosure is closed. */
  chips: HTMLElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

/** Creates an element with a class and, optionally, text. */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** A link with text. */
function link(href: string, text: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

/** A link to one more paragraph of a result: "¶ 27", named for screen readers with its page. */
function paragraphLink(paragraph: ParagraphMatch, pageTitle: string): HTMLAnchorElement {
  const anchor = link(paragraph.url, paragraph.title);
  anchor.append(element('span', 'visually-hidden', ` in “${pageTitle}”`));
  return anchor;
}

/**
 * One result: title linking to its best paragraph, kind and breadcrumb, one snippet (the best
 * paragraph's), and the other paragraphs that match as ¶ links without their text.
 */
function renderResult(view: ResultView): HTMLLIElement {
  const item = element('li', 'search-result');
  const title = element('h2', 'search-result-title');
  title.append(link(view.bestUrl, view.title));
  const meta = element('p', 'search-result-meta');
  meta.append(element('span', 'search-result-kind', view.kind), ` · ${view.breadcrumb}`);
  if (view.tier === 2)
    meta.append(element('span', 'search-result-partial', ' · matches some of the words'));
  item.append(title, meta);
  const [best, ...others] = view.paragraphs;
  if (view.snippet) {
    const snippet = element('p', 'search-result-excerpt');
    snippet.innerHTML = view.snippet;
    if (best) snippet.prepend(element('span', 'search-result-para', best.title), ' ');
    item.append(snippet);
  }
  if (others.length > 0) {
    const also = element('p', 'search-result-also', 'Also in ');
    // In reading order: "¶ 28, ¶ 29" reads as places in the text, not as a ranking.
    others
      .sort((a, b) => a.range.start - b.range.start)
      .forEach((paragraph, i) =>
        also.append(...(i > 0 ? [', '] : []), paragraphLink(paragraph, view.title)),
      );
    item.append(also);
  }
  return item;
}

/** The checkbox of one filter value with its count. */
function facetOption(name: string, value: string): HTMLLabelElement {
  const label = element('label', 'facet-option');
  const box = document.createElement('input');
  Object.assign(box, { type: 'checkbox', name, value });
  const count = element('span', 'facet-count');
  label.append(box, ` ${value} `, count);
  return label;
}

/** One filter's fieldset: a legend and a checkbox per value. */
function facetFieldset(
  name: string,
  label: string,
  values: readonly string[],
): HTMLFieldSetElement {
  const fieldset = element('fieldset', 'facet');
  fieldset.append(element('legend', '', label), ...values.map((value) => facetOption(name, value)));
  return fieldset;
}

/** One filter the page offers. */
type Facet = (typeof FACETS)[number];

/** The filters by who and what a page names: many values, loaded when the reader opens them. */
const NAMED = FACETS.filter((facet) => facet.named);
const PLAIN = FACETS.filter((facet) => !facet.named);

/** The fieldsets of `facets` that have values. */
function fieldsetsOf(
  facets: readonly Facet[],
  values: Record<string, string[]>,
): HTMLFieldSetElement[] {
  return facets
    .filter(({ name }) => (values[name]?.length ?? 0) > 0)
    .map(({ name, label }) => facetFieldset(name, label, values[name]!));
}

/**
 * Builds the filter fieldsets once, from every value the index holds. The filters by who and
 * what a page names go in a disclosure, so their long lists do not push the results down; until
 * it is opened they show their names only, and their values are not loaded (see fillNamedFacets).
 */
function buildFacets(container: HTMLElement, values: Record<string, string[]>): void {
  const more = element('details', 'facet-more');
  more.append(
    element('summary', '', 'Speakers, groups, organizations and countries'),
    ...NAMED.map(({ name, label }) => facetFieldset(name, label, [])),
  );
  container.replaceChildren(...fieldsetsOf(PLAIN, values), more);
}

/** Puts the named filters' fieldsets, built from their values, in their disclosure (or drops it when they have none). */
function fillNamedFacets(container: HTMLElement, fieldsets: HTMLFieldSetElement[]): void {
  const more = container.querySelector('details.facet-more');
  if (!more) return;
  if (fieldsets.length === 0) more.remove();
  else more.replaceChildren(more.querySelector('summary')!, ...fieldsets);
}

/** Checks the boxes of the active filters. */
function checkFacets(container: HTMLElement, state: SearchState): void {
  for (const box of container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = state.filters[box.name]?.includes(box.value) ?? false;
  }
  // A shared search that filters by a name opens the names' filters, so the reader sees why.
  const more = container.querySelector('details.facet-more');
  if (more && more.querySelector('input:checked')) more.setAttribute('open', '');
}

/** Shows each value's count; hides values that would leave nothing. */
function countFacetOptions(
  container: HTMLElement,
  counts: Record<string, Record<string, number>>,
): void {
  for (const box of container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    const count = counts[box.name]?.[box.value] ?? 0;
    const label = box.closest('label')!;
    label.hidden = count === 0 && !box.checked;
    const text = label.querySelector('.facet-count')!;
    text.textContent = `(${count})`;
    text.setAttribute('aria-label', `${count} ${count === 1 ? 'result' : 'results'}`);
  }
}

/** A chip for one active filter: its value, and a button name saying it removes it. */
function filterChip(name: string, value: string): HTMLLIElement {
  const item = document.createElement('li');
  const button = element('button', 'search-chip');
  Object.assign(button, { type: 'button' });
  Object.assign(button.dataset, { name, value });
  const label = FACETS.find((facet) => facet.name === name)?.label ?? name;
  const remove = element('span', 'search-chip-remove', '×');
  remove.setAttribute('aria-hidden', 'true');
  button.append(element('span', 'visually-hidden', `Remove filter ${label}: `), value, remove);
  item.append(button);
  return item;
}

/** Shows the active filters as chips and their number on the disclosure. */
function showActiveFilters(elements: SearchPageElements, state: SearchState): void {
  const active = FACETS.flatMap(({ name }) =>
    (state.filters[name] ?? []).map((value) => filterChip(name, value)),
  );
  elements.chips.replaceChildren(...active);
  elements.chips.hidden = active.length === 0;
  elements.filterCount.textContent = active.length > 0 ? `(${active.length} active)` : '';
}

/** Writes the status, with "Did you mean …?" as a link to that search. */
function showStatus(status: HTMLElement, parts: StatusParts): void {
  status.replaceChildren(parts.text);
  if (!parts.didYouMean) return;
  const suggestion = link(
    `${location.pathname}?${new URLSearchParams({ q: parts.didYouMean })}`,
    parts.didYouMean,
  );
  status.append(' Did you mean ', suggestion, '?');
}

/** The state the form shows. */
function formState(elements: SearchPageElements): SearchState {
  const filters: SearchState['filters'] = {};
  for (const box of elements.facets.querySelectorAll<HTMLInputElement>(
    'input[type="checkbox"]:checked',
  )) {
    (filters[box.name] ??= []).push(box.value);
  }
  return { query: elements.input.value, filters };
}

/** Every value the index holds of the `facets`, kinds in reading order, others alphabetical. */
async function facetValues(
  api: PagefindApi,
  facets: readonly Facet[],
): Promise<Record<string, string[]>> {
  const all = await filterValues(
    api,
    facets.map(({ name }) => name),
  );
  const values: Record<string, string[]> = {};
  for (const { name } of facets) {
    const names = all[name] ?? [];
    values[name] =
      name === 'kind'
        ? KIND_LABEL_ORDER.filter((kind) => names.includes(kind))
        : names.sort((a, b) => a.localeCompare(b));
  }
  return values;
}

/** The loaded engine and the filter values loaded so far (the named ones once opened). */
interface Engine {
  api: PagefindApi;
  values: Record<string, string[]>;
}

/** Whether a search sets any filter. */
function filtered(state: SearchState): boolean {
  return Object.values(state.filters).some((values) => values.length > 0);
}

/** Whether a search filters by who or what a page names. */
function filtersByName(state: SearchState): boolean {
  return NAMED.some(({ name }) => (state.filters[name]?.length ?? 0) > 0);
}

/** Wires the search page inside `root`. */
export async function mountSearchPage(root: HTMLElement): Promise<void> {
  const elements: SearchPageElements = {
    form: root.querySelector('form')!,
    input: root.querySelector('input[name="q"]')!,
    filters: root.querySelector('[data-search-filters]')!,
    filterCount: root.querySelector('[data-search-filter-count]')!,
    facets: root.querySelector('[data-search-facets]')!,
    chips: root.querySelector('[data-search-chips]')!,
    status: root.querySelector('[data-search-status]')!,
    results: root.querySelector('[data-search-results]')!,
    more: root.querySelector('[data-search-more]')!,
  };
  // Loaded at once for a shared query, else when the reader reaches the box: an empty search
  // page shows its prompt without waiting for the engine.
  let engine: Promise<Engine> | undefined;
  const load = () =>
    (engine ??= (async () => ({ api: await loadPagefind(), values: {} }))().catch(
      (error: unknown) => {
        engine = undefined;
        throw error;
      },
    ));
  /**
   * Loads the kind, meeting and session filters' values and builds the filters from them, the
   * boxes of `state` checked. Not part of a first search: each filter's chunk lists the pages of
   * every value, so it grows with the archive (≈ 8 bytes an indexed page for these three, more
   * than the rest of a search at 1,000 meetings); they load when the reader opens "Filters", or
   * when the URL sets a filter (the form must hold it for the next search).
   */
  let plain: Promise<void> | undefined;
  const loadPlain = (loaded: Engine, state: SearchState) =>
    (plain ??= (async () => {
      const values = await facetValues(loaded.api, PLAIN);
      buildFacets(elements.facets, values);
      Object.assign(loaded.values, values);
    })().catch((error: unknown) => {
      plain = undefined;
      throw error;
    })).then(() => checkFacets(elements.facets, state));
  let searchNumber = 0;
  /** Counts the filters of the results shown, while that is still to do (they were folded). */
  let countShown: (() => Promise<void>) | undefined;
  let current:
    { hits: RankedHit[]; plan: QueryPlan; shown: number; state: SearchState } | undefined;
  /** Loads the named filters' values into the engine and builds their fieldsets, counted for `counted` when given. */
  let named: Promise<void> | undefined;
  const loadNamed = (loaded: Engine, counted?: { plan: QueryPlan; state: SearchState }) =>
    (named ??= (async () => {
      const values = await facetValues(loaded.api, NAMED);
      const fieldsets = fieldsetsOf(NAMED, values);
      // Counted before they are shown, so no value appears without its count.
      if (counted) {
        const counts = await countFacets(loaded.api, counted.plan, counted.state.filters, values);
        for (const fieldset of fieldsets) countFacetOptions(fieldset, counts);
      }
      Object.assign(loaded.values, values);
      fillNamedFacets(elements.facets, fieldsets);
    })().catch((error: unknown) => {
      named = undefined;
      throw error;
    }));
  let timer: ReturnType<typeof setTimeout> | undefined;

  const render = (state: SearchState) =>
    show(state).catch((error: unknown) => {
      elements.status.textContent =
        error instanceof SearchUnavailableError
          ? error.message
          : 'Search failed. Reload the page to try again.';
      elements.results.removeAttribute('aria-busy');
      elements.facets.removeAttribute('aria-busy');
    });

  const show = async (state: SearchState) => {
    const number = ++searchNumber;
    elements.input.value = state.query;
    if (!state.query.trim()) {
      elements.filters.hidden = true;
      elements.chips.hidden = true;
      elements.results.replaceChildren();
      elements.more.hidden = true;
      elements.status.textContent =
        'Type a name, an organization, a country, a figure or any words.';
      elements.results.removeAttribute('aria-busy');
      elements.facets.removeAttribute('aria-busy');
      return;
    }
    elements.results.setAttribute('aria-busy', 'true');
    const loaded = await load();
    const { api } = loaded;
    // A search filtered (a shared URL) needs those filters' boxes, to show them checked and to
    // keep them in the next search's form. Where there is room, they open the first time, so
    // the reader sees why; on a phone the chips say it without pushing the results down.
    if (filtered(state) && !plain) {
      await loadPlain(loaded, state);
      elements.filters.open = matchMedia(WIDE_SCREEN).matches;
    }
    if (filtersByName(state)) await loadNamed(loaded);
    const plan = await planQuery(api, state.query, loadVocabulary, loadPrefixVocabulary);
    const hits = await runPlan(api, plan, state.filters);
    const views = await loadViews(hits, plan, 0, PAGE_SIZE);
    if (number !== searchNumber) return;
    // Counting the filters is a search per value. Where they are open above the results they
    // are counted first, so the results do not jump as empty values fold away; folded, only
    // when the reader opens them.
    const count = async () => {
      elements.facets.setAttribute('aria-busy', 'true');
      await loadPlain(loaded, state);
      const counts = await countFacets(api, plan, state.filters, loaded.values);
      if (number !== searchNumber) return;
      countFacetOptions(elements.facets, counts);
      elements.facets.removeAttribute('aria-busy');
    };
    checkFacets(elements.facets, state);
    elements.facets.removeAttribute('aria-busy');
    countShown = undefined;
    if (elements.filters.open) await count();
    else countShown = count;
    if (number !== searchNumber) return;
    current = { hits, plan, shown: views.length, state };
    // With nothing found and nothing to remove, the filters would only list empty values.
    elements.filters.hidden = hits.length === 0 && !filtered(state);
    showActiveFilters(elements, state);
    showStatus(elements.status, statusParts(state.query, plan, hits.length, filtered(state)));
    elements.results.replaceChildren(...views.map(renderResult));
    elements.more.hidden = hits.length <= views.length;
    elements.results.removeAttribute('aria-busy');
  };

  const commit = (push: boolean) => {
    const state = formState(elements);
    const url = `${location.pathname}${writeState(state)}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void render(state);
  };

  elements.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    if (writeState(formState(elements)) !== location.search) commit(true);
  });
  elements.input.addEventListener('focus', () => void load().catch(() => undefined), {
    once: true,
  });
  elements.input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => commit(false), TYPING_PAUSE_MS);
  });
  elements.facets.addEventListener('change', () => commit(true));
  elements.filters.addEventListener('toggle', () => {
    const count = elements.filters.open ? countShown : undefined;
    countShown = undefined;
    void count?.().catch(() => elements.facets.removeAttribute('aria-busy'));
  });
  // The named filters' disclosure: opening it loads their values (toggle does not bubble).
  elements.facets.addEventListener(
    'toggle',
    (event) => {
      const more = event.target as HTMLDetailsElement;
      if (!more.matches('details.facet-more') || !more.open || named || !engine) return;
      const shown = current;
      elements.facets.setAttribute('aria-busy', 'true');
      void engine
        .then((loaded) => loadNamed(loaded, shown))
        .catch(() => undefined)
        .finally(() => elements.facets.removeAttribute('aria-busy'));
    },
    true,
  );
  elements.chips.addEventListener('click', (event) => {
    const chip = (event.target as Element).closest<HTMLButtonElement>('button[data-name]');
    if (!chip) return;
    const box = [
      ...elements.facets.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'),
    ].find((b) => b.name === chip.dataset['name'] && b.value === chip.dataset['value']);
    if (box) box.checked = false;
    commit(true);
    elements.filters.querySelector('summary')?.focus();
  });
  const showMore = async () => {
    if (!current) return;
    const views = await loadViews(current.hits, current.plan, current.shown, PAGE_SIZE);
    current.shown += views.length;
    const first = views.map(renderResult);
    elements.results.append(...first);
    first[0]?.querySelector('a')?.focus();
    elements.more.hidden = current.hits.length <= current.shown;
  };
  elements.more.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', () => void render(readState(location.search)));
  await render(readState(location.search));
}
