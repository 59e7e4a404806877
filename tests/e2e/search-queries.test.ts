/**
 * The search answers the questions in tests/search/fixtures/search-queries.ts: for each, the
 * answering page is among the first three results and the first result links to the paragraph
 * that holds the answer. Runs against the bundled summary, built and served once.
 */
import { parseHTML } from 'linkedom';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SEARCH_QUERIES, type SearchQueryCase } from '../search/fixtures/search-queries.ts';
import { searchPage } from '../search/support/search-ui.ts';
import { launchBrowser } from './support/browser.ts';

let browser: Browser;
let page: Page;
const outcomes: { kind: string; top3: boolean; paragraph: boolean }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
  const rate = (pick: (o: (typeof outcomes)[number]) => boolean) =>
    `${outcomes.filter(pick).length}/${outcomes.length}`;
  console.log(
    `search queries: answering page in the top 3 for ${rate((o) => o.top3)}, first result on the answering paragraph for ${rate((o) => o.paragraph)}`,
  );
});

/** The text of paragraph `id` on a built page. */
async function paragraphText(pagePath: string, id: string): Promise<string> {
  const html = await readFile(join(inject('siteDir'), pagePath, 'index.html'), 'utf8');
  return parseHTML(html).document.getElementById(id)?.textContent?.replace(/\s+/g, ' ') ?? '';
}

describe('search answers the fixture questions', () => {
  it.each(SEARCH_QUERIES.map((c) => [c.kind, c.query, c] as const))(
    '%s: “%s”',
    async (_kind, _query, expected: SearchQueryCase) => {
      expect(
        await paragraphText(expected.page, expected.paragraph),
        'the fixture’s answer is in its paragraph',
      ).toContain(expected.answer);
      const { results, status } = await searchPage(
        page,
        inject('siteUrl'),
        new URLSearchParams({ q: expected.query }).toString(),
      );
      const top3 = results.slice(0, 3).some((result) => result.page === expected.page);
      const paragraph =
        results[0]?.page === expected.page && results[0].fragment === expected.paragraph;
      outcomes.push({ kind: expected.kind, top3, paragraph });
      expect(
        results.slice(0, 3).map((r) => r.page),
        status,
      ).toContain(expected.page);
      expect(results[0], status).toEqual({ page: expected.page, fragment: expected.paragraph });
    },
  );

  it('says which correction it searched for', async () => {
    const { status } = await searchPage(page, inject('siteUrl'), 'q=traficking');
    expect(status).toMatch(/^Showing results for “trafficking”\./);
  });

  it('finds accented names typed without accents, and marks them', async () => {
    await searchPage(page, inject('siteUrl'), 'q=Sao+Paulo');
    expect(await page.locator('.search-result-excerpt mark').allTextContents()).toContain('São');
  });

  it('links results under the base path when the site is deployed under a sub-path', async () => {
    const subPathUrl = inject('subPathUrl');
    const { results } = await searchPage(page, subPathUrl, 'q=Polaris');
    expect(results[0]).toEqual({
      page: 'idm-2018/conclusions/much-more-needs-done-forced-labour/',
      fragment: 'p26',
    });
    expect(await page.locator('.search-result-title a').first().getAttribute('href')).toMatch(
      /^\/idm\/idm-2018\//,
    );
  });
});
