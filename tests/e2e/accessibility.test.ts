/** axe-core finds nothing on any page of the sitemap, in either theme, on desktop or phone. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sitemapUrls } from '../site/support/built-site.ts';
import { AXE, axeViolations, LAYOUTS } from './support/axe.ts';
import { launchBrowser, servedUrl } from './support/browser.ts';

const urls = await sitemapUrls(inject('siteDir'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

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
