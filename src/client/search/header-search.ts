/**
 * The header search as an ARIA combobox: results appear in a listbox as the reader types; the
 * arrow keys move through them, Enter opens one, Escape closes the list. Loaded on first focus.
 */
import {
  loadPagefind,
  loadPrefixVocabulary,
  loadVocabulary,
  SearchUnavailableError,
} from './pagefind-loader.ts';
import { statusLine } from './search-messages.ts';
import { loadViews, planQuery, runPlan, type ResultView } from './site-search.ts';

/** Results listed before the "all results" option. */
const LISTED = 6;
/** Pause after a keystroke before searching again; the first search starts at once. */
const TYPING_PAUSE_MS = 60;

/** One option of the listbox: where it goes. */
interface Option {
  element: HTMLLIElement;
  href: string;
}

/** Builds an element with a class and text. */
function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/** The option for one result: title, kind and breadcrumb, and its snippet (the best paragraph's). */
function resultOption(view: ResultView, id: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-option';
  item.id = id;
  item.setAttribute('role', 'option');
  item.setAttribute('aria-selected', 'false');
  const best = view.paragraphs[0];
  const excerpt = span('search-option-excerpt', '');
  excerpt.innerHTML = `${best ? `${best.title} · ` : ''}${view.snippet}`;
  item.append(
    span('search-option-title', view.title),
    span('search-option-kind', [view.kind, view.breadcrumb].filter(Boolean).join(' · ')),
    excerpt,
  );
  return item;
}

/** Wires the combobox of `form`; safe to call once per page. */
export function mountHeaderSearch(form: HTMLFormElement, input: HTMLInputElement): void {
  const popup = form.querySelector<HTMLElement>('.search-popup')!;
  const status = form.querySelector<HTMLElement>('.search-popup-status')!;
  const listbox = form.querySelector<HTMLUListElement>('[role="listbox"]')!;
  let options: Option[] = [];
  let active = -1;
  let searchNumber = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = (isOpen: boolean) => {
    popup.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen && options.length > 0));
    if (!isOpen) setActive(-1);
  };

  const setActive = (index: number) => {
    options[active]?.element.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.element.setAttribute('aria-selected', 'true');
      option.element.scrollIntoView({ block: 'nearest' });
      input.setAttribute('aria-activedescendant', option.element.id);
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const show = (message: string, views: ResultView[], query: string) => {
    status.textContent = message;
    const allHref = `${form.action}?${new URLSearchParams({ q: query })}`;
    const items = views.map((view, i) => ({
      element: resultOption(view, `site-search-option-${i}`),
      href: view.bestUrl,
    }));
    if (views.length > 0) {
      const all = document.createElement('li');
      Object.assign(all, {
        className: 'search-option search-option-all',
        id: 'site-search-option-all',
      });
      all.setAttribute('role', 'option');
      all.setAttribute('aria-selected', 'false');
      all.textContent = `All results for “${query.trim()}”`;
      items.push({ element: all, href: allHref });
    }
    options = items;
    active = -1;
    listbox.replaceChildren(...items.map((item) => item.element));
    open(true);
  };

  const search = async () => {
    const query = input.value;
    const number = ++searchNumber;
    if (!query.trim()) {
      options = [];
      listbox.replaceChildren();
      status.textContent = '';
      open(false);
      return;
    }
    try {
      const api = await loadPagefind();
      const plan = await planQuery(api, query, loadVocabulary, loadPrefixVocabulary);
      const hits = await runPlan(api, plan);
      const views = await loadViews(hits, plan, 0, LISTED);
      if (number === searchNumber) show(statusLine(query, plan, hits.length), views, query);
    } catch (error) {
      if (number !== searchNumber) return;
      show(
        error instanceof SearchUnavailableError
          ? error.message
          : 'Search failed to load. Try again, or use the search page.',
        [],
        query,
      );
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    if (searchNumber === 0) void search();
    else timer = setTimeout(() => void search(), TYPING_PAUSE_MS);
  };

  const go = (option: Option | undefined) => {
    if (option) location.assign(option.href);
  };

  input.addEventListener('input', schedule);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      if (popup.hidden) open(true);
      const last = options.length - 1;
      if (event.key === 'ArrowDown') setActive(active >= last ? 0 : active + 1);
      else setActive(active <= 0 ? last : active - 1);
    } else if (event.key === 'Enter' && active >= 0 && !popup.hidden) {
      event.preventDefault();
      go(options[active]);
    } else if (event.key === 'Escape') {
      if (!popup.hidden) {
        event.preventDefault();
        open(false);
      }
    }
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && (options.length > 0 || status.textContent)) open(true);
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) open(false);
  });
  listbox.addEventListener('pointerdown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const element = (event.target as Element).closest('li');
    go(options.find((option) => option.element === element));
  });
  void loadPagefind().catch(() => undefined);
  if (input.value.trim()) void search();
}
