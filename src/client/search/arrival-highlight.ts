/**
 * On arrival from a search result (`?highlight=…#p12`): marks the searched words in the page's
 * text and brings the paragraph into view. Loaded only when the parameter is present.
 */
import { HIGHLIGHT_PARAM } from '../../constants.ts';
import { isFormOf } from './paragraph-ranking.ts';
import { normalizeWord } from './typo-correction.ts';

/** Elements whose text is not the page's content. */
const SKIPPED = 'script, style, noscript, [data-pagefind-ignore], .search-box, mark';

/** Text nodes of `root` that are content. */
function contentTextNodes(root: Element): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
}

/** Wraps every word of `node` that is a form of one of `terms` in `<mark class="search-hit">`; returns the marks. */
function markWords(node: Text, terms: readonly string[]): HTMLElement[] {
  const matches = [...node.data.matchAll(/[\p{L}\p{M}\p{N}]+(?:[.,]\p{N}+)*/gu)].filter((match) => {
    const word = normalizeWord(match[0]);
    return terms.some((term) => isFormOf(word, term));
  });
  const marks: HTMLElement[] = [];
  for (const match of matches.reverse()) {
    const word = node.splitText(match.index);
    word.splitText(match[0].length);
    const mark = document.createElement('mark');
    mark.className = 'search-hit';
    word.replaceWith(mark);
    mark.append(word);
    marks.unshift(mark);
  }
  return marks;
}

/** The searched words in the URL, normalized. */
export function highlightTerms(search: string): string[] {
  const value = new URLSearchParams(search).get(HIGHLIGHT_PARAM) ?? '';
  return value
    .split(/\s+/)
    .map(normalizeWord)
    .filter((term) => term.length > 0);
}

/** Marks the searched words on the page and scrolls the target paragraph into view. */
export function highlightArrival(): void {
  const terms = highlightTerms(location.search);
  const root = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main');
  if (!root || terms.length === 0) return;
  for (const node of contentTextNodes(root)) markWords(node, terms);
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  target.classList.add('search-target');
  target.tabIndex = -1;
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: 'center' });
}
