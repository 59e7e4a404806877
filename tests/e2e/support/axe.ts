/** axe-core in a Playwright page: where its script is, the rules and layouts the tests hold pages to. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core's browser build, to add to a page with `page.addScriptTag({ path: AXE })`. */
export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Desktop and phone. */
export const LAYOUTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

/** Runs axe on the page as it is and lists each violation with its first few targets. */
export async function axeViolations(page: Page): Promise<string[]> {
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
