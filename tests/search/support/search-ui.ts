/** Drives the built site's search in Chromium: the search page and the header's combobox. */
import type { Page } from 'playwright-core';

/** What the search page shows for a query. */
export interface SearchPageResults {
  /** The status line ("Showing results for …. 3 results."). */
  status: string;
  /** The result title links, in order: page path (site-relative, without base) and fragment. */
  results: { page: string; fragment: string }[];
}

/** Opens `search/?<params>` and waits until its results are shown. */
export async function searchPage(
  page: Page,
  siteUrl: string,
  params: string,
): Promise<SearchPageResults> {
  await page.goto(new URL(`search/?${params}`, siteUrl).href);
  await page.waitForFunction(() => {
    const results = document.querySelector('[data-search-results]');
    // Filters are counted after the results where they are folded (phones): wait for both.
    const counting = document.querySelector('[data-search-facets]')?.hasAttribute('aria-busy');
    return (
      !!results &&
      !results.hasAttribute('aria-busy') &&
      !counting &&
      !!document.querySelector('[data-search-status]')?.textContent
    );
  });
  const base = new URL(siteUrl).pathname;
  return page.evaluate(
    (base) => ({
      status: document.querySelector('[data-search-status]')!.textContent ?? '',
      results: [...document.querySelectorAll<HTMLAnchorElement>('.search-result-title a')].map(
        (link) => {
          const url = new URL(link.href);
          return { page: url.pathname.slice(base.length), fragment: url.hash.slice(1) };
        },
      ),
    }),
    base,
  );
}

/** Types into the header search and waits for its listbox to show results or a message. */
export async function typeInHeader(page: Page, text: string): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.type(text);
  await page.waitForFunction(
    (text) =>
      document.querySelector<HTMLInputElement>('#site-search')?.value === text &&
      !document.querySelector<HTMLElement>('.search-popup')?.hidden &&
      !!document.querySelector('#site-search-status')?.textContent,
    text,
  );
}

/**
 * Opens the search page's "Filters" (folded, and not loaded, until asked) and waits until
 * their values are loaded and counted.
 */
export async function openFilters(page: Page): Promise<void> {
  const filters = page.locator('details.search-filters');
  if ((await filters.getAttribute('open')) === null)
    await filters.locator('summary').first().click();
  await page.waitForFunction(
    () =>
      !!document.querySelector('.facet-option') &&
      !document.querySelector('[data-search-facets]')?.hasAttribute('aria-busy'),
  );
}
