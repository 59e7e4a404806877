/**
 * The header search by keyboard alone, and what it costs a page that never searches: nothing
 * of Pagefind or of the search code loads before the field is first used.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { typeInHeader } from '../search/support/search-ui.ts';
import { launchBrowser } from './support/browser.ts';

const CONTENT_PAGE = 'idm-2018/sessions/opening-session/';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage();
});

describe('header search', () => {
  it('goes from / to the highlighted paragraph with the keyboard alone', async () => {
    await page.goto(new URL(CONTENT_PAGE, inject('siteUrl')).href);
    await typeInHeader(page, 'Polaris');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#site-search', 'aria-activedescendant')).toBe(
      'site-search-option-0',
    );
    await Promise.all([page.waitForURL(/#p26$/), page.keyboard.press('Enter')]);
    await page.waitForSelector('#p26.search-target mark.search-hit');
    expect(new URL(page.url()).pathname).toBe(
      new URL('idm-2018/conclusions/much-more-needs-done-forced-labour/', inject('siteUrl'))
        .pathname,
    );
    expect(await page.locator('#p26 mark.search-hit').first().textContent()).toBe('Polaris');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p26');
    const box = await page.locator('#p26').boundingBox();
    const viewport = page.viewportSize()!;
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(viewport.height);
  });

  it('focuses with Ctrl-K, wraps with the arrow keys and closes with Escape', async () => {
    await page.goto(new URL(CONTENT_PAGE, inject('siteUrl')).href);
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('trafficking');
    await page.waitForSelector('#site-search-results [role="option"]');
    const options = await page.locator('#site-search-results [role="option"]').count();
    await page.keyboard.press('ArrowUp');
    expect(await page.getAttribute('#site-search', 'aria-activedescendant')).toBe(
      'site-search-option-all',
    );
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('#site-search', 'aria-activedescendant')).toBe(
      'site-search-option-0',
    );
    expect(options).toBeGreaterThan(2);
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#site-search', 'aria-expanded')).toBe('false');
    expect(await page.locator('.search-popup').isHidden()).toBe(true);
  });

  it('opens the search page on Enter without a chosen result', async () => {
    await page.goto(new URL(CONTENT_PAGE, inject('siteUrl')).href);
    await typeInHeader(page, 'labor');
    await Promise.all([page.waitForURL(/\/search\/\?q=labor$/), page.keyboard.press('Enter')]);
  });

  it('loads no search code before the field is used, and respects the base path after', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(new URL(CONTENT_PAGE, inject('subPathUrl')).href);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => /pagefind|header-search|site-search/.test(path))).toEqual([]);
    await typeInHeader(page, 'Polaris');
    const searchRequests = requests.filter((path) => path.includes('/pagefind/'));
    expect(searchRequests.length).toBeGreaterThan(0);
    expect(searchRequests.every((path) => path.startsWith('/idm/pagefind/'))).toBe(true);
  });
});
