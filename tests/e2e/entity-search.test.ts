/** The search page filters by who and what a page names: speaker, stakeholder group, organization and country, with counts. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GROUP_LABELS } from '../../scripts/lib/entities/groups.ts';
import { openFilters, searchPage } from '../search/support/search-ui.ts';
import { builtMeeting, sectionPath } from '../site/support/model.ts';
import { launchBrowser } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const meeting = await builtMeeting(inject('siteDir'));
/** The speaker named in most paragraphs: their filter narrows a broad search to several pages. */
const speaker = [...meeting.speakers].sort((a, b) => b.mentions.length - a.mentions.length)[0]!;
/** The content pages whose paragraphs name any of `ids`. */
const pagesNaming = (ids: string[]) =>
  meeting.sections
    .filter((s) => s.paragraphs.some((p) => ids.includes(p.id)))
    .map((s) => sectionPath(meeting, s).slice(1));
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits for the results of the URL now shown. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document.querySelector('[data-search-results]')?.hasAttribute('aria-busy') &&
      !document.querySelector('[data-search-facets]')?.hasAttribute('aria-busy'),
  );
}

describe('search filters by who and what a page names', () => {
  it('offers speaker, stakeholder group, organization and country filters with counts, folded until asked', async () => {
    await searchPage(page, siteUrl, 'q=migration');
    await openFilters(page);
    const more = page.locator('details.facet-more');
    expect(await more.getAttribute('open')).toBeNull();
    await more.locator('summary').click();
    expect(await more.locator('legend').allTextContents()).toEqual([
      'Stakeholder group',
      'Speaker',
      'Organization',
      'Country',
    ]);
    const count = page.locator(
      `.facet-option:has(input[name="speaker"][value="${speaker.name}"]) .facet-count`,
    );
    expect(await count.textContent()).toMatch(/^\(\d+\)$/);
    expect(
      await page
        .locator(`.facet-option:has(input[name="group"][value="${GROUP_LABELS[speaker.group]}"])`)
        .isVisible(),
    ).toBe(true);
  });

  it('narrows results to the pages that name the chosen speaker, as many as the filter counted', async () => {
    await searchPage(page, siteUrl, 'q=migration');
    await openFilters(page);
    await page.locator('details.facet-more summary').click();
    const option = page.locator(
      `.facet-option:has(input[name="speaker"][value="${speaker.name}"])`,
    );
    const counted = Number(
      (await option.locator('.facet-count').textContent())?.replace(/\D/g, ''),
    );
    expect(counted).toBeGreaterThan(1);
    await option.locator('input').check();
    await page.waitForURL(/[?&]speaker=/);
    await settled(page);
    const results = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('.search-result-title a')].map((a) =>
        new URL(a.href).pathname.slice(1),
      ),
    );
    expect(results.length).toBe(counted);
    expect(results.every((path) => pagesNaming(speaker.mentions).includes(path))).toBe(true);
  });

  it('downloads the filters only when the reader opens them: their lists grow with the archive', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Pagefind loads its index from a worker: only the context sees those requests.
    const chunks = new Set<string>();
    context.on('request', (request) => {
      if (request.url().endsWith('.pf_filter')) chunks.add(request.url());
    });
    const wide = await context.newPage();
    await searchPage(wide, siteUrl, 'q=migration');
    expect(chunks.size).toBe(0);
    await openFilters(wide);
    const fieldsets = () => wide.locator('.facet:has(.facet-option)').count();
    expect(chunks.size).toBe(await fieldsets());
    const folded = chunks.size;
    await wide.locator('details.facet-more summary').click();
    await wide
      .locator(`.facet-option:has(input[name="speaker"][value="${speaker.name}"]) .facet-count`)
      .textContent();
    expect(chunks.size).toBe(await fieldsets());
    expect(chunks.size).toBe(folded + 4);
    await context.close();
  });

  it('opens the folded filters when a shared URL sets one, and shows it checked', async () => {
    const country = meeting.countries[0]!;
    const { results } = await searchPage(
      page,
      siteUrl,
      `q=migration&country=${encodeURIComponent(country.name)}`,
    );
    expect(await page.locator('details.facet-more').getAttribute('open')).not.toBeNull();
    expect(await page.locator(`input[name="country"][value="${country.name}"]`).isChecked()).toBe(
      true,
    );
    expect(results.length).toBeGreaterThan(0);
    expect(results.every(({ page }) => pagesNaming(country.mentions).includes(page))).toBe(true);
  });
});
