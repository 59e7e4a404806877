/**
 * What a first search downloads of the engine: Pagefind's worker and its WebAssembly, started
 * directly, not `pagefind.js` too (it would only start the same worker); and where the worker
 * cannot start, `pagefind.js` on its own still answers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { searchPage } from '../search/support/search-ui.ts';
import { launchBrowser } from './support/browser.ts';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The search page's results for `query`, and the bundle files the context fetched for them. */
async function search(query: string, blockWorker: boolean) {
  const context = await browser.newContext();
  const fetched: string[] = [];
  // The worker's own requests are seen by the context only.
  context.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/pagefind/')) fetched.push(path.slice(path.indexOf('/pagefind/') + 1));
  });
  if (blockWorker) await context.route('**/pagefind-worker.js', (route) => route.abort());
  const page = await context.newPage();
  const shown = await searchPage(page, inject('siteUrl'), `q=${query}`);
  await context.close();
  return { ...shown, fetched };
}

describe('search engine loading', () => {
  it('searches in Pagefind’s worker without downloading pagefind.js', async () => {
    const { results, fetched } = await search('trafficking', false);
    expect(results.length).toBeGreaterThan(0);
    expect(fetched).toContain('pagefind/pagefind-worker.js');
    expect(fetched.some((path) => path.endsWith('.pf_index'))).toBe(true);
    expect(fetched).not.toContain('pagefind/pagefind.js');
  });

  it('falls back to pagefind.js, with the same results, when the worker cannot start', async () => {
    const inWorker = await search('trafficking', false);
    const fallback = await search('trafficking', true);
    expect(fallback.fetched).toContain('pagefind/pagefind.js');
    expect(fallback.results).toEqual(inWorker.results);
    expect(fallback.status).toBe(inWorker.status);
  });
});
