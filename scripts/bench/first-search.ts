/**
 * Bytes a reader's browser fetches for a first search on a built site: Pagefind's script, its
 * WebAssembly, the index chunks the query needs and the first results' fragments, served
 * gzipped as a static host would. Measured the same way for Readout and for Starlight.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Request } from 'playwright-core';
import { serveStatic } from '../../tests/support/static-server.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** One file a search fetched: its path on the site and the bytes transferred for it (headers included). */
export interface FetchedFile {
  path: string;
  bytes: number;
}

/**
 * Bytes transferred for one request. Chromium reports a body of 0 bytes for a worker's script
 * (Pagefind's `pagefind-worker.js`, 12 KiB gzipped): such a body is counted as the served file
 * gzipped, as the static server sends it.
 */
export async function transferredBytes(request: Request, dist: string): Promise<FetchedFile> {
  const path = new URL(request.url()).pathname;
  const sizes = await request.sizes();
  let body = sizes.responseBodySize;
  const response = await request.response();
  if (body === 0 && response?.status() === 200) {
    const file = await readFile(join(dist, decodeURIComponent(path))).catch(() => undefined);
    if (file) body = response.headers()['content-encoding'] === 'gzip' ? gzipSync(file).length : file.length;
  }
  return { path, bytes: body + sizes.responseHeadersSize };
}

/**
 * The files fetched for one query against the Pagefind bundle under `bundlePath` of `dist`, in
 * the order they finished; `alsoFetch` lists other files of the bundle the site's search loads
 * for it (Readout's vocabulary chunk), fetched as its search does.
 */
export async function firstSearchFiles(dist: string, bundlePath: string, query: string, alsoFetch: readonly string[] = []): Promise<FetchedFile[]> {
  const server = await serveStatic({ root: dist, base: '/' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // Pagefind fetches its WebAssembly and index from a worker: only the context sees those.
    const context = await browser.newContext();
    const files: Promise<FetchedFile>[] = [];
    context.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith(`/${bundlePath}/`)) files.push(transferredBytes(request, dist));
    });
    const page = await context.newPage();
    await page.goto(`${server.url}404.html`);
    await page.evaluate(
      async ({ bundle, q, extra }) => {
        await Promise.all(extra.map((file) => fetch(`/${bundle}/${file}`).then((r) => r.text())));
        const pagefind = (await import(`/${bundle}/pagefind.js`)) as { init(): Promise<void>; search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> };
        await pagefind.init();
        const search = await pagefind.search(q);
        await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      },
      { bundle: bundlePath, q: query, extra: [...alsoFetch] },
    );
    await page.waitForLoadState('networkidle');
    return await Promise.all(files);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Transferred bytes for one query (see firstSearchFiles). */
export async function firstSearchBytes(dist: string, bundlePath: string, query: string, alsoFetch: readonly string[] = []): Promise<number> {
  return (await firstSearchFiles(dist, bundlePath, query, alsoFetch)).reduce((sum, file) => sum + file.bytes, 0);
}

/**
 * Files Readout's search page fetches for `query`, from its load until its results are shown
 * and the network is idle: what a reader's first search costs, the engine, the index chunks,
 * the vocabulary chunks, the shown results' fragments and anything else the page loads for it.
 */
export async function searchPageFiles(dist: string, query: string): Promise<FetchedFile[]> {
  const server = await serveStatic({ root: dist, base: '/' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const files: Promise<FetchedFile>[] = [];
    context.on('requestfinished', (request) => void files.push(transferredBytes(request, dist)));
    const page = await context.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('[data-search-results] li');
    await page.waitForFunction(() => !document.querySelector('[data-search-facets][aria-busy]'));
    await page.waitForLoadState('networkidle');
    return await Promise.all(files);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Bytes of the search bundle (`bundlePath`) the search page fetched for `query` (see searchPageFiles). */
export async function searchPageBundleBytes(dist: string, bundlePath: string, query: string): Promise<number> {
  return (await searchPageFiles(dist, query)).filter((file) => file.path.startsWith(`/${bundlePath}/`)).reduce((sum, file) => sum + file.bytes, 0);
}
