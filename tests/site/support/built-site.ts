/** Reading a built site from disk: its pages, their DOM, their sitemap and their weight. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

/** One built page: its site-relative URL path (with base) and its file. */
export interface BuiltPage {
  /** URL path as served, e.g. `/idm/idm-2018/sessions/opening-session/`. */
  path: string;
  /** Absolute file path. */
  file: string;
}

/** Folders of generated assets rather than pages. */
const NOT_PAGES = /^(?:_astro|pagefind)\//;

/** Every HTML page of a build, in a stable order, with its URL path under `base`. */
export async function builtPages(dir: string, base = '/'): Promise<BuiltPage[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((file) => !NOT_PAGES.test(file))
    .sort()
    .map((file) => ({
      path: `${base}${file.replace(/(?:^|(?<=\/))index\.html$/, '')}`,
      file: join(dir, file),
    }));
}

/** Slugs of the meetings a build holds: the folders with a data.json. */
export async function meetingSlugs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const withData = await Promise.all(
    entries.map(
      async (e) =>
        e.isDirectory() &&
        (await stat(join(dir, e.name, 'data.json')).catch(() => undefined)) !== undefined,
    ),
  );
  return entries.filter((_, i) => withData[i]).map((e) => e.name);
}

/** The DOM of an HTML string. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document;
}

/** The DOM of a built page. */
export async function readDocument(file: string): Promise<Document> {
  return parseDocument(await readFile(file, 'utf8'));
}

/** Every `<loc>` of the sitemap index's sitemaps. */
export async function sitemapUrls(dir: string): Promise<string[]> {
  const index = await readFile(join(dir, 'sitemap-index.xml'), 'utf8');
  const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
    ([, url = '']) => new URL(url).pathname.split('/').pop() ?? '',
  );
  const urls = await Promise.all(
    sitemaps.map(async (name) =>
      [...(await readFile(join(dir, name), 'utf8')).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
        ([, url = '']) => url,
      ),
    ),
  );
  return urls.flat();
}

/** Gzip size in bytes, at the level static hosts typically serve. */
export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(content, { level: 9 }).length;
}

/** What a page downloads before any interaction, in gzip bytes. */
export interface PageWeight {
  html: number;
  /** Inline and external scripts, with their static imports (inline ones are also part of `html`). */
  js: number;
  /** External stylesheets (inline CSS is part of the HTML). */
  css: number;
  total: number;
}

/** Static `import … from "x"` and `import "x"` of a module; dynamic `import()` loads later. */
function staticImports(code: string): string[] {
  return [
    ...code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g),
  ].map(([, spec = '']) => spec);
}

/**
 * The weight of a page over the wire before interaction: its HTML, inline and external scripts
 * (following static imports) and external stylesheets. `readAsset` maps a URL path to its file.
 */
export async function pageWeight(
  html: string,
  pageUrl: URL,
  readAsset: (url: URL) => Promise<string>,
): Promise<PageWeight> {
  const document = parseDocument(html);
  const scripts = [...document.querySelectorAll('script:not([type="application/ld+json"])')];
  const inlineJs = scripts
    .filter((s) => !s.getAttribute('src'))
    .map((s) => s.textContent ?? '')
    .join('\n');
  const seen = new Set<string>();
  const inlineJsSize = inlineJs ? gzipSize(inlineJs) : 0;
  let externalJs = 0;
  const queue = scripts.flatMap((s) =>
    s.getAttribute('src') ? [new URL(s.getAttribute('src') ?? '', pageUrl)] : [],
  );
  for (let url = queue.shift(); url; url = queue.shift()) {
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const code = await readAsset(url);
    externalJs += gzipSize(code);
    queue.push(...staticImports(code).map((spec) => new URL(spec, url)));
  }
  let css = 0;
  for (const link of document.querySelectorAll('link[rel="stylesheet"]'))
    css += gzipSize(await readAsset(new URL(link.getAttribute('href') ?? '', pageUrl)));
  const htmlSize = gzipSize(html);
  // Inline scripts travel inside the HTML: they count towards the JavaScript, not twice towards the total.
  return { html: htmlSize, js: inlineJsSize + externalJs, css, total: htmlSize + externalJs + css };
}
