/** The search page keeps its query and filters in the URL: shareable, and Back restores them. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openFilters, searchPage } from '../search/support/search-ui.ts';
import { launchBrowser } from './support/browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** The kinds the results show, and the checked filter values. */
async function shown(page: Page) {
  return page.evaluate(() => ({
    query: document.querySelector<HTMLInputElement>('#search-query')!.value,
    kinds: [
      ...new Set(
        [...document.querySelectorAll('.search-result-kind')].map((kind) => kind.textContent),
      ),
    ],
    checked: [...document.querySelectorAll<HTMLInputElement>('.facet input:checked')].map(
      (box) => `${box.name}=${box.value}`,
    ),
  }));
}

/** Waits for the results of the URL now shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy') &&
      !document.querySelector('[data-search-facets]')?.hasAttribute('aria-busy'),
  );
}

describe('search page URL state', () => {
  it('opens a shared URL with its query and filters, and Back returns to it', async () => {
    const { results } = await searchPage(
      page,
      inject('siteUrl'),
      'q=trafficking&kind=Key+conclusion',
    );
    expect(results.length).toBeGreaterThan(0);
    expect(await shown(page)).toEqual({
      query: 'trafficking',
      kinds: ['Key conclusion'],
      checked: ['kind=Key conclusion'],
    });
    expect(
      await page
        .locator('.facet-option:has(input[value="Key conclusion"]) .facet-count')
        .textContent(),
    ).toMatch(/^\(\d+\)$/);

    await page.locator('.facet input[value="Session"]').check();
    await page.waitForURL(/\?q=trafficking&kind=Session&kind=Key\+conclusion$/);
    await settled(page);
    expect((await shown(page)).kinds.sort()).toEqual(['Key conclusion', 'Session']);

    await page.goBack();
    await page.waitForURL(/\?q=trafficking&kind=Key\+conclusion$/);
    await settled(page);
    expect(await shown(page)).toEqual({
      query: 'trafficking',
      kinds: ['Key conclusion'],
      checked: ['kind=Key conclusion'],
    });
  });

  it('writes a submitted query into the URL', async () => {
    await searchPage(page, inject('siteUrl'), '');
    await page.fill('#search-query', 'Polaris');
    await page.press('#search-query', 'Enter');
    await page.waitForURL(/\/search\/\?q=Polaris$/);
    await settled(page);
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
  });

  it('tells readers without JavaScript that search needs it, and links to the indexes', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    await noScript.goto(new URL('search/?q=Polaris', inject('siteUrl')).href);
    expect(await noScript.locator('.search-no-script').textContent()).toContain(
      'Search needs JavaScript',
    );
    expect(await noScript.locator('.search-page a[href$="/conclusions/"]').count()).toBeGreaterThan(
      0,
    );
    await context.close();
  });

  it('counts on each kind filter value the results that choosing it shows', async () => {
    for (const query of ['migration', 'labour migration']) {
      await searchPage(page, inject('siteUrl'), `q=${encodeURIComponent(query)}`);
      await openFilters(page);
      const offered = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLLabelElement>('.facet-option')]
          .map((option) => ({
            name: option.querySelector('input')!.name,
            value: option.querySelector('input')!.value,
            count: Number(
              /\d+/.exec(option.querySelector('.facet-count')?.textContent ?? '')?.[0] ?? NaN,
            ),
          }))
          .filter((option) => option.name === 'kind'),
      );
      expect(offered.length).toBeGreaterThan(1);
      for (const { value, count } of offered) {
        const { status } = await searchPage(
          page,
          inject('siteUrl'),
          `q=${encodeURIComponent(query)}&kind=${encodeURIComponent(value)}`,
        );
        const shown = count === 0 ? 0 : Number(/(\d+) results?\./.exec(status)?.[1]);
        expect(shown, `${query}, kind ${value}: ${status}`).toBe(count);
      }
    }
  });
});
