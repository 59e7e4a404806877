/**
 * Search says no when the answer is no: a word that is nowhere in the bundled text finds nothing
 * (Pagefind alone would loosen it until something matched), while a misspelling of a word that is
 * there is still corrected, and every loosening is said.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { searchPage } from '../search/support/search-ui.ts';
import { builtMeeting, sectionPath } from '../site/support/model.ts';
import { launchBrowser } from './support/browser.ts';

/** Words a reader of a migration summary might try that the bundled text does not hold. */
const ABSENT = [
  'colour',
  'behaviour',
  'earthquake',
  'football',
  'vaccine',
  'bitcoin',
  'hurricane',
  'elephant',
  'tourism',
  'cholera',
];
/** Misspellings of words the bundled text holds, with the word each must be corrected to. */
const MISSPELT: [typed: string, meant: string][] = [
  ['traficking', 'trafficking'],
  ['migrnts', 'migrants'],
  ['goverance', 'governance'],
  ['refugess', 'refugees'],
  ['lobour', 'labour'],
  ['detension', 'detention'],
  ['dispora', 'diaspora'],
  ['humanitarain', 'humanitarian'],
  ['integraton', 'integration'],
  ['partnrships', 'partnerships'],
];

let browser: Browser;
let page: Page;
let source: string;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  source = (await readFile('content/sources/idm-2018.txt', 'utf8')).toLowerCase();
});
afterAll(async () => {
  await browser?.close();
});

describe('search is honest about words that are not there', () => {
  it.each(ABSENT)(
    'says there are no results for “%s”, which the text does not hold',
    async (word) => {
      expect(source, 'the fixture word is absent from the bundled text').not.toContain(word);
      const { status, results } = await searchPage(
        page,
        inject('siteUrl'),
        new URLSearchParams({ q: word }).toString(),
      );
      expect(status).toMatch(new RegExp(`^No results for “${word}”\\.`));
      expect(results).toEqual([]);
      expect(
        await page.locator('.search-filters').isVisible(),
        'no filters to offer for nothing',
      ).toBe(false);
    },
  );

  it.each(MISSPELT)('still corrects “%s” to “%s”, and says so', async (typed, meant) => {
    expect(source, 'the fixture misspelling is absent from the bundled text').not.toContain(typed);
    expect(source, 'the corrected word is in the bundled text').toContain(meant);
    const { status, results } = await searchPage(
      page,
      inject('siteUrl'),
      new URLSearchParams({ q: typed }).toString(),
    );
    expect(status).toMatch(new RegExp(`^Showing results for “${meant}”\\. \\d+ results?\\.$`));
    expect(results.length).toBeGreaterThan(0);
  });

  it('says when it searched another spelling instead of the one typed', async () => {
    const { status, results } = await searchPage(page, inject('siteUrl'), 'q=forced+labor');
    expect(status).toMatch(/^Showing results for “forced labour”\./);
    expect(results.length).toBeGreaterThan(0);
  });

  it('offers a near site word as “Did you mean” when it will not correct on its own, and links to that search', async () => {
    const { status, results } = await searchPage(page, inject('siteUrl'), 'q=mygrent');
    expect(status).toBe('No results for “mygrent”. Did you mean migrant?');
    expect(results).toEqual([]);
    await page.locator('[data-search-status] a').click();
    const after = await searchPage(
      page,
      page.url().replace(/search\/.*$/, ''),
      new URL(page.url()).search.slice(1),
    );
    expect(after.results.length).toBeGreaterThan(0);
  });

  it('says which word of several found nothing', async () => {
    const { status, results } = await searchPage(page, inject('siteUrl'), 'q=trafficking+colour');
    expect(status).toContain('No page contains “colour”');
    expect(results.length).toBeGreaterThan(0);
  });
});

describe('one snippet per result', () => {
  it('shows one snippet per result, other paragraphs as ¶ links only, and no thesis inside its own snippet', async () => {
    await searchPage(page, inject('siteUrl'), 'q=forced+labour');
    const shown = await page.$$eval('.search-result', (items) =>
      items.map((item) => ({
        title: item.querySelector('.search-result-title')?.textContent?.trim() ?? '',
        snippets: [...item.querySelectorAll('.search-result-excerpt')].map(
          (p) => p.textContent ?? '',
        ),
        also: [...item.querySelectorAll('.search-result-also a')].map(
          (a) => a.firstChild?.textContent ?? '',
        ),
      })),
    );
    expect(shown.length).toBeGreaterThan(1);
    for (const result of shown) {
      expect(result.snippets.length, result.title).toBeLessThanOrEqual(1);
      expect(result.snippets.join(' ').toLowerCase(), result.title).not.toContain(
        result.title.toLowerCase(),
      );
      for (const label of result.also) expect(label).toMatch(/^¶ \d+[a-z]?$/);
    }
    expect(
      shown.some((result) => result.also.length > 0),
      'some result offers further paragraphs',
    ).toBe(true);
  });
});

describe('pages with no text of their own', () => {
  it('rank after the pages whose text answers, and stay findable', async () => {
    const meeting = await builtMeeting(inject('siteDir'));
    const textless = meeting.sections.filter(
      (s) => s.kind !== 'overview' && s.paragraphs.length === 0,
    );
    const textlessPages = new Set(textless.map((s) => sectionPath(meeting, s, '')));
    expect(
      textless.length,
      'the bundled summary has programme themes without text',
    ).toBeGreaterThan(0);
    for (const section of textless) {
      const { results } = await searchPage(
        page,
        inject('siteUrl'),
        new URLSearchParams({ q: section.shortTitle }).toString(),
      );
      const pages = results.map((r) => r.page);
      expect(pages, `“${section.shortTitle}” still finds its theme page`).toContain(
        sectionPath(meeting, section, ''),
      );
      const firstWithText = pages.findIndex((p) => !textlessPages.has(p));
      if (firstWithText === -1) continue;
      expect(
        pages.slice(0, firstWithText).filter((p) => textlessPages.has(p)),
        `“${section.shortTitle}”: no theme page before the first page with text`,
      ).toEqual([]);
    }
  });
});
