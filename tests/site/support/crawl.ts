/** A link checker: crawls a served site from its start page and reports every broken link and fragment. */
import { parseDocument } from './built-site.ts';

/** A link that does not resolve, and where it was found. */
export interface BrokenLink {
  /** The page holding the link. */
  from: string;
  /** The resolved target. */
  to: string;
  /** What is wrong, in words. */
  reason: string;
}

/** What a crawl saw. */
export interface CrawlReport {
  /** Every same-site URL fetched (pages and files), without fragments. */
  visited: string[];
  broken: BrokenLink[];
}

/** The URLs a page points to: links, scripts, images, icons and form actions. */
function linksOf(document: Document, pageUrl: string): URL[] {
  const attributes = [
    ...[...document.querySelectorAll('a[href], link[href]')].map((e) => e.getAttribute('href')),
    ...[...document.querySelectorAll('script[src], img[src]')].map((e) => e.getAttribute('src')),
    ...[...document.querySelectorAll('form[action]')].map((e) => e.getAttribute('action')),
  ];
  return attributes.flatMap((value) => (value ? [new URL(value, pageUrl)] : []));
}

/**
 * Fetches `start` and everything on its origin it links to, transitively. Every link must
 * answer 200, stay under the start URL's path (the base path), and every `#fragment` must name
 * an element of its target page.
 */
export async function crawlSite(start: string): Promise<CrawlReport> {
  const origin = new URL(start).origin;
  const basePath = new URL(start).pathname;
  const ids = new Map<string, Set<string> | undefined>();
  const queue: { url: string; from: string }[] = [{ url: start, from: '(start)' }];
  const fragments: { url: string; fragment: string; from: string }[] = [];
  const broken: BrokenLink[] = [];
  for (let item = queue.shift(); item; item = queue.shift()) {
    if (ids.has(item.url)) continue;
    ids.set(item.url, undefined);
    const response = await fetch(item.url);
    if (response.status !== 200) {
      broken.push({ from: item.from, to: item.url, reason: `answers ${response.status}` });
      continue;
    }
    if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    const document = parseDocument(await response.text());
    ids.set(item.url, new Set([...document.querySelectorAll('[id]')].map((e) => e.id)));
    for (const link of linksOf(document, item.url)) {
      if (link.origin !== origin) continue;
      if (!link.pathname.startsWith(basePath))
        broken.push({ from: item.url, to: link.href, reason: `leaves the base path ${basePath}` });
      const fragment = decodeURIComponent(link.hash.slice(1));
      link.hash = '';
      if (fragment) fragments.push({ url: link.href, fragment, from: item.url });
      queue.push({ url: link.href, from: item.url });
    }
  }
  for (const { url, fragment, from } of fragments) {
    const targetIds = ids.get(url);
    if (targetIds && !targetIds.has(fragment))
      broken.push({ from, to: `${url}#${fragment}`, reason: 'no element has this id' });
  }
  return { visited: [...ids.keys()], broken };
}
