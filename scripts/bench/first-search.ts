/**
 * Bytes a reader's browser fetches for a first search on a built site: Pagefind's script, its
 * WebAssembly, the index chunks the query needs and the first results' fragments, served
 * gzipped as a static host would. Measured the same way for Readout and for Starlight.
 */
import { chromium } from 'playwright-core';
import { serveStatic } from '../../tests/support/static-server.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Transferred bytes for one query against the Pagefind bundle under `bundlePath` of `dist`. */
export async function firstSearchBytes(dist: string, bundlePath: string, query: string): Promise<number> {
  const server = await serveStatic({ root: dist, base: '/' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    // Pagefind fetches its WebAssembly and index from a worker: only the context sees those.
    const context = await browser.newContext();
    const sizes: Promise<number>[] = [];
    context.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith(`/${bundlePath}/`)) sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
    });
    const page = await context.newPage();
    await page.goto(`${server.url}404.html`);
    await page.evaluate(
      async ({ bundle, q }) => {
        const pagefind = (await import(`/${bundle}/pagefind.js`)) as { init(): Promise<void>; search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }> };
        await pagefind.init();
        const search = await pagefind.search(q);
        await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
      },
      { bundle: bundlePath, q: query },
    );
    await page.waitForLoadState('networkidle');
    return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  } finally {
    await browser.close();
    await server.close();
  }
}
