/** What a built site weighs: pages, bytes on disk, and the heaviest page over the wire. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** Total bytes of the files under `dir`. */
export async function folderBytes(dir: string): Promise<number> {
  const files = await listFiles(dir).catch(() => []);
  const sizes = await Promise.all(files.map(async (f) => (await stat(join(dir, f))).size));
  return sizes.reduce((a, b) => a + b, 0);
}

/** A page's weight before any interaction: its HTML plus the CSS and JS it loads, gzipped. */
export interface PageWeight {
  path: string;
  totalBytes: number;
  scriptBytes: number;
}

/**
 * Weighs every HTML page (404 and search-bundle files aside). Assets referenced by
 * `<link rel="stylesheet">`, `<script src>` and `<link rel="modulepreload">` count; module
 * imports inside scripts are followed one level, as a browser would fetch them.
 */
export async function weighPages(dist: string, base: string): Promise<PageWeight[]> {
  const pages = (await listFiles(dist)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
  const gz = new Map<string, number>();
  const gzipOf = async (file: string): Promise<number> => {
    if (!gz.has(file)) gz.set(file, await readFile(join(dist, file)).then((b) => gzipSync(b, { level: 9 }).length, () => 0));
    return gz.get(file)!;
  };
  // One page at a time: a docs site with a sidebar of thousands of links has pages of a
  // megabyte each, and reading them all at once exhausts the heap.
  const weights: PageWeight[] = [];
  for (const page of pages) weights.push(await weigh(page));
  return weights;

  async function weigh(page: string): Promise<PageWeight> {
    {
      const html = await readFile(join(dist, page), 'utf8');
      const styles = [...html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*href="?([^"\s>]+)/g)].map((m) => m[1]!);
      const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="?modulepreload"?[^>]*href)="?([^"\s>]+)/g)].map((m) => m[1]!);
      const local = (url: string) => url.replace(new RegExp(`^${base}`), '').replace(/^\//, '').split(/[?#]/)[0]!;
      const scriptFiles = new Set(scripts.map(local));
      for (const file of [...scriptFiles]) {
        const code = await readFile(join(dist, file), 'utf8').catch(() => '');
        for (const m of code.matchAll(/import\s*(?:[^'"]*from\s*)?["']\.\/([^"']+)["']/g)) scriptFiles.add(join(file, '..', m[1]!));
      }
      const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join('');
      let scriptBytes = inlineScripts ? gzipSync(inlineScripts).length : 0;
      for (const f of scriptFiles) scriptBytes += await gzipOf(f);
      let styleBytes = 0;
      for (const f of new Set(styles.map(local))) styleBytes += await gzipOf(f);
      return { path: page, totalBytes: gzipSync(html, { level: 9 }).length + styleBytes + scriptBytes - (inlineScripts ? gzipSync(inlineScripts).length : 0), scriptBytes };
    }
  }
}
