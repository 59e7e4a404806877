/**
 * Which built pages search indexes, and how many words each holds, read from the HTML.
 *
 * Only pages that mark their text with `data-pagefind-body` are indexed; handing Pagefind the
 * others too (a person's page, a meeting's one-page view, the lists) makes it parse and hold
 * every page of the site — most of its time and memory in an archive — to drop them at the end.
 *
 * The word count orders the pages as they are given to Pagefind. Pagefind keeps that order in
 * its page list (`.pf_meta`), which every first search downloads whole: one entry per indexed
 * page, a fragment name and a word count. Sorted by word count, neighbouring entries repeat
 * each other's numbers and the list compresses to half its size (see compactFragmentNames).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { SEARCH_PAGES_FILE } from '../constants.ts';

/** An indexed page: its path from the site folder (with `/`) and its estimated word count. */
export interface SearchPage {
  path: string;
  words: number;
}

/** An element carrying `data-pagefind-body` (text cannot hold `<`, so only markup matches). */
const BODY_TAG = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body(?=[\s=>/])[^>]*>/i;
const IGNORE_TAG = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-ignore(?=[\s=>/])[^>]*>/gi;

/** Tags that do not separate words: `<a>Name</a>,` is one word to Pagefind, as on screen. */
const INLINE = new Set(
  'a abbr b bdi bdo cite code data dfn em i kbd mark q s samp small span strong sub sup time u var'.split(
    ' ',
  ),
);

/** An element whose attributes give the page's search metadata, filters or sort keys. */
const FACT_TAG =
  /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-(?:meta|filter|sort|default-meta)\b[^>]*>/gi;

/** Elements that have no end tag. */
const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

/** Whether the page's HTML marks text for search. */
export function isSearchPage(html: string): boolean {
  return BODY_TAG.test(html);
}

/** Where the element opening at `start` (a `<name …>` tag) closes, counting nested same-name tags. */
function elementEnd(html: string, start: number, name: string): number {
  const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  tags.lastIndex = start;
  let depth = 0;
  for (let match = tags.exec(html); match; match = tags.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) return match.index + match[0].length;
  }
  return html.length;
}

/**
 * The number of words Pagefind will count in the page's indexed text (its content split at
 * white space), estimated from the markup: the body element, less ignored elements, scripts
 * and styles, with block tags as word breaks. Only an ordering key: a wrong estimate costs a
 * few bytes of compression, never a result.
 */
export function estimateWords(html: string): number {
  const body = BODY_TAG.exec(html);
  if (!body) return 0;
  let text = html.slice(body.index, elementEnd(html, body.index, body[1]!));
  for (let ignored = firstIgnored(text); ignored; ignored = firstIgnored(text))
    text = text.slice(0, ignored.start) + ' ' + text.slice(ignored.end);
  text = text
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?([a-z][a-z0-9-]*)\b[^>]*>/gi, (_, name: string) =>
      INLINE.has(name.toLowerCase()) ? '' : ' ',
    );
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The part of a page Pagefind reads, as a document of its own: the `<html>` tag, the title,
 * the elements that give search facts outside the body, and the body element without its
 * scripts and styles. Pagefind indexes only the body's text and reads facts wherever they are,
 * so it indexes this exactly as the page (tests/search/pagefind-meta.test.ts compares the two
 * bundles) — while holding a fifth of the bytes: its memory grows with the HTML it is given.
 */
export function searchDocument(html: string): string {
  const body = BODY_TAG.exec(html);
  if (!body) return html;
  const bodyEnd = elementEnd(html, body.index, body[1]!);
  const outside = (from: number, to: number): string[] => {
    const kept: string[] = [];
    FACT_TAG.lastIndex = from;
    for (let m = FACT_TAG.exec(html); m && m.index < to; m = FACT_TAG.exec(html)) {
      const end =
        VOID.has(m[1]!.toLowerCase()) || m[0].endsWith('/>')
          ? m.index + m[0].length
          : Math.min(elementEnd(html, m.index, m[1]!), to);
      kept.push(html.slice(m.index, end));
      FACT_TAG.lastIndex = end;
    }
    return kept;
  };
  const root = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  const title = /<title\b[^>]*>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? '';
  const text = html.slice(body.index, bodyEnd).replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  return [
    `${root}<head>${title}</head><body>`,
    ...outside(0, body.index),
    text,
    ...outside(bodyEnd, html.length),
    '</body></html>',
  ].join('');
}

function firstIgnored(html: string): { start: number; end: number } | undefined {
  IGNORE_TAG.lastIndex = 0;
  const match = IGNORE_TAG.exec(html);
  return match ? { start: match.index, end: elementEnd(html, match.index, match[1]!) } : undefined;
}

/**
 * The site's search pages, fewest words first (ties by path, so the order and the index are
 * the same on every build). Reads one page at a time: an archive's pages never sit in memory.
 */
export async function searchPages(siteDir: string): Promise<SearchPage[]> {
  const files = (await readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
  const pages: SearchPage[] = [];
  for (const file of files) {
    const html = await readFile(file, 'utf8');
    if (isSearchPage(html))
      pages.push({
        path: relative(siteDir, file).split(sep).join('/'),
        words: estimateWords(html),
      });
  }
  return inIndexOrder(pages);
}

/** Fewest words first, ties by path: the order pages are given to Pagefind, the same every build. */
export function inIndexOrder(pages: SearchPage[]): SearchPage[] {
  return pages.sort(
    (a, b) => a.words - b.words || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

/**
 * The pages (in index order) cut into consecutive runs of at most `maxWords` estimated words
 * each (a longer page is a run of its own): what one Pagefind process indexes at a time.
 */
export function searchRuns(pages: readonly SearchPage[], maxWords: number): SearchPage[][] {
  const runs: SearchPage[][] = [];
  let words = Infinity;
  for (const page of pages) {
    if (words + page.words > maxWords) {
      runs.push([]);
      words = 0;
    }
    runs.at(-1)!.push(page);
    words += page.words;
  }
  return runs.length > 0 ? runs : [[]];
}

/** Writes the search pages of a shard's folder into it (SEARCH_PAGES_FILE). */
export async function writeSearchPages(siteDir: string): Promise<number> {
  const pages = await searchPages(siteDir);
  await writeFile(join(siteDir, SEARCH_PAGES_FILE), JSON.stringify(pages));
  return pages.length;
}

/**
 * The search pages of each shard in `folders` (their paths are the same in the joined site),
 * from the lists the shards wrote; undefined when a folder has none (then scan the joined site).
 * A page several shards render alike (none is a search page today) is listed with the first.
 */
export async function shardSearchPages(
  folders: readonly string[],
): Promise<{ folder: string; list: string; pages: SearchPage[] }[] | undefined> {
  const seen = new Set<string>();
  const shards: { folder: string; list: string; pages: SearchPage[] }[] = [];
  for (const folder of folders) {
    const list = await readFile(join(folder, SEARCH_PAGES_FILE), 'utf8').catch(() => undefined);
    if (list === undefined) return undefined;
    const pages = (JSON.parse(list) as SearchPage[]).filter((page) => !seen.has(page.path));
    for (const page of pages) seen.add(page.path);
    shards.push({ folder, list, pages });
  }
  return shards;
}
