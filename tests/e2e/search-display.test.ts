/**
 * What a reader sees of search on a phone and on arrival: the first result on the first screen,
 * filters folded behind "Filters" with the active ones as removable chips, marks readable inside
 * the opened paragraph in light and dark, and "Link copied" shown beside the button.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openFilters, searchPage } from '../search/support/search-ui.ts';
import { launchBrowser } from './support/browser.ts';

const PHONE = { width: 390, height: 844 };
const ARRIVAL =
  'idm-2018/conclusions/much-more-needs-done-forced-labour/?highlight=polaris+trafficking#p26';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A page in a fresh context; the context is closed by the caller. */
async function open(
  options: Parameters<Browser['newContext']>[0],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  return { context, page: await context.newPage() };
}

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((channel) => {
    const c = Number(channel) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two computed colours. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('search on a phone', () => {
  it('puts the first result on the first screen, with the filters folded away', async () => {
    const { context, page } = await open({ viewport: PHONE });
    await searchPage(page, inject('siteUrl'), 'q=trafficking');
    const title = await page.locator('.search-result-title').first().boundingBox();
    expect(await page.locator('.search-facets').isVisible()).toBe(false);
    expect(await page.locator('.search-filters > summary').isVisible()).toBe(true);
    expect(title!.y + title!.height).toBeLessThanOrEqual(PHONE.height);
    await context.close();
  });

  it('shows active filters as chips that remove their filter', async () => {
    const { context, page } = await open({ viewport: PHONE });
    await searchPage(page, inject('siteUrl'), 'q=trafficking&kind=Key+conclusion');
    const chip = page.getByRole('button', { name: 'Remove filter Kind: Key conclusion' });
    expect(await chip.isVisible()).toBe(true);
    expect(await page.locator('.search-filters > summary').textContent()).toContain('1 active');
    await chip.click();
    await page.waitForFunction(() => !location.search.includes('kind='));
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-search-chips]')?.hidden === true,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe('trafficking');
    await context.close();
  });

  it('opens the filters when asked', async () => {
    const { context, page } = await open({ viewport: PHONE });
    await searchPage(page, inject('siteUrl'), 'q=trafficking');
    await openFilters(page);
    expect(await page.locator('.facet input[value="Key conclusion"]').isVisible()).toBe(true);
    await context.close();
  });
});

describe('arrival from a result', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`keeps marks at 3:1 or more against the opened paragraph, text on them at 4.5:1, in ${colorScheme}`, async () => {
      const { context, page } = await open({ colorScheme });
      await page.goto(new URL(ARRIVAL, inject('siteUrl')).href);
      await page.waitForSelector('#p26 mark.search-hit');
      const colors = await page.evaluate(() => {
        const mark = getComputedStyle(document.querySelector('#p26 mark.search-hit')!);
        return {
          target: getComputedStyle(document.getElementById('p26')!).backgroundColor,
          mark: mark.backgroundColor,
          text: mark.color,
        };
      });
      await context.close();
      expect(contrast(colors.mark, colors.target), JSON.stringify(colors)).toBeGreaterThanOrEqual(
        3,
      );
      expect(contrast(colors.text, colors.mark), JSON.stringify(colors)).toBeGreaterThanOrEqual(
        4.5,
      );
    });
  }
});

describe('Copy link', () => {
  it('shows “Link copied” beside the button, and still announces it', async () => {
    const { context, page } = await open({});
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(inject('siteUrl')).origin,
    });
    await page.goto(
      new URL('idm-2018/conclusions/much-more-needs-done-forced-labour/', inject('siteUrl')).href,
    );
    const button = page.locator('#p26 [data-copy="link"]');
    await button.click();
    const note = page.locator('#p26 .copy-confirmation');
    await note.waitFor({ state: 'visible' });
    expect(await note.textContent()).toBe('Link copied');
    const [buttonBox, noteBox] = [await button.boundingBox(), await note.boundingBox()];
    expect(
      Math.abs(noteBox!.y + noteBox!.height / 2 - (buttonBox!.y + buttonBox!.height / 2)),
      'on the button’s line',
    ).toBeLessThan(buttonBox!.height);
    expect(noteBox!.x).toBeGreaterThan(buttonBox!.x + buttonBox!.width);
    await page.waitForFunction(
      () => document.getElementById('announcer')?.textContent === 'Link copied',
    );
    await note.waitFor({ state: 'detached', timeout: 5000 });
    await context.close();
  });
});
