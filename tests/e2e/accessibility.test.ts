/** axe-core finds nothing on any page of the sitemap, in either theme, on desktop or phone. */
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sitemapUrls } from '../site/support/built-site.ts';
import { launchBrowser, servedUrl } from './support/browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const LAYOUTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];
const urls = await sitemapUrls(inject('siteDir'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Runs axe on the page as it is and lists each violation with its first few targets. */
async function axeViolations(page: import('playwright-core').Page): Promise<string[]> {
  const result = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags } });
  }, TAGS);
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')}`,
  );
}

describe.concurrent('accessibility', () => {
  it.each(urls)(
    '%s has no axe violations in light and dark at 1280 and 390 px',
    async (url) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(servedUrl(url, inject('siteUrl')));
      // Closed disclosures hide their content from axe; open them so citations are checked too.
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      );
      await page.addScriptTag({ path: AXE });
      const found: string[] = [];
      for (const layout of LAYOUTS) {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.setViewportSize(layout);
          await page.emulateMedia({ colorScheme });
          found.push(
            ...(await axeViolations(page)).map((v) => `${layout.width}px ${colorScheme}: ${v}`),
          );
        }
      }
      await context.close();
      expect(found).toEqual([]);
    },
    120_000,
  );
});
