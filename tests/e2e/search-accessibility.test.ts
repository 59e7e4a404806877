/** axe finds nothing with the search UI open, with results and without, in light and dark. */
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openFilters, searchPage, typeInHeader } from '../search/support/search-ui.ts';
import { launchBrowser } from './support/browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** axe's violations on the page as it is, one line each. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: {
            run: (
              c: Document,
              o: object,
            ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
      }),
    TAGS,
  );
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

const SCENES: { name: string; open: (page: Page, siteUrl: string) => Promise<void> }[] = [
  {
    name: 'header results',
    open: async (page, siteUrl) => {
      await page.goto(new URL('idm-2018/', siteUrl).href);
      await typeInHeader(page, 'trafficking');
      await page.keyboard.press('ArrowDown');
    },
  },
  {
    name: 'header without results',
    open: async (page, siteUrl) => {
      await page.goto(new URL('idm-2018/', siteUrl).href);
      await typeInHeader(page, 'zqxjv');
    },
  },
  {
    name: 'search page results',
    open: async (page, siteUrl) => {
      await searchPage(page, siteUrl, 'q=trafficking&kind=Key+conclusion');
    },
  },
  {
    name: 'search page without results',
    open: async (page, siteUrl) => {
      await searchPage(page, siteUrl, 'q=zqxjv');
    },
  },
  {
    name: 'search page with a suggestion',
    open: async (page, siteUrl) => {
      await searchPage(page, siteUrl, 'q=mygrent');
    },
  },
  {
    name: 'search page on a phone, filters open',
    open: async (page, siteUrl) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await searchPage(page, siteUrl, 'q=trafficking&kind=Key+conclusion');
      await openFilters(page);
    },
  },
  {
    name: 'arrival on a highlighted paragraph',
    open: async (page, siteUrl) => {
      await page.goto(
        new URL(
          'idm-2018/conclusions/much-more-needs-done-forced-labour/?highlight=polaris#p26',
          siteUrl,
        ).href,
      );
    },
  },
];

describe('search accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(SCENES.map((scene) => [scene.name, scene] as const))(
      `%s has no axe violations in ${colorScheme}`,
      async (_name, scene) => {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await scene.open(page, inject('siteUrl'));
        const found = await violations(page);
        await context.close();
        expect(found).toEqual([]);
      },
    );
  }
});
