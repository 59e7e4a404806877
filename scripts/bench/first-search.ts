/**
 * Bytes a reader's browser fetches for a first search on a built site: Pagefind's script, its
 * WebAssembly, the index chunks the query needs and the first results' fragments, served
 * gzipped as a static host would. Measured the same way for Readout and for Starlight.
 */
import { chromium } from 'playwright-core';
import { serveStatic } from '../../tests/support/static-server.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/**
 * Transferred bytes for one query against the Pagefind bundle under `bundlePath` of `dist`;
 * `alsoFetch` lists other files of the bundle the site's search loads for it (Readout's
 * vocabulary chunk), fetched as its search does.
 */
export async function firstSearchBytes(dist: string, bundlePath: string, query: string, alsoFetch: readonly string[] = []): Promise<number> {
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
    return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  } finally {
    await browser.close();
    await server.close();
  }
}
