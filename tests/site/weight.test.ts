/**
 * Every page stays within the budget: ≤ 25 KiB gzip before interaction, ≤ 5 KiB of it
 * JavaScript. A meeting's full text on one page may weigh its text's own gzip size more.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { builtPages, meetingSlugs, pageWeight, type PageWeight } from './support/built-site.ts';
import { builtMeeting } from './support/model.ts';

const KIB = 1024;
const siteDir = inject('siteDir');
// The search page loads its engine up front by design; the budget is for pages one reads.
const pages = (await builtPages(siteDir)).filter((page) => page.path !== '/search/');
const origin = 'http://site.test';
const readAsset = (url: URL) => readFile(join(siteDir, decodeURIComponent(url.pathname)), 'utf8');
const weights = new Map<string, PageWeight>();
/** The gzip size of each meeting's paragraphs, by the path of its full-text page. */
const textSizes = new Map<string, number>(
  await Promise.all(
    (await meetingSlugs(siteDir)).map(async (slug) => {
      const meeting = await builtMeeting(siteDir, slug);
      const text = meeting.sections
        .flatMap((s) => s.paragraphs)
        .map((p) => p.text)
        .join('\n\n');
      return [`/${slug}/full/`, gzipSync(text).length] as const;
    }),
  ),
);

describe.each(pages)('the page $path', ({ path, file }) => {
  const textSize = textSizes.get(path) ?? 0;
  it(`weighs at most ${textSize > 0 ? 'its text’s gzip size plus ' : ''}25 KiB gzip with at most 5 KiB of JavaScript`, async () => {
    const weight = await pageWeight(await readFile(file, 'utf8'), new URL(path, origin), readAsset);
    weights.set(path, weight);
    expect(weight.total).toBeLessThanOrEqual(textSize + 25 * KIB);
    expect(weight.js).toBeLessThanOrEqual(5 * KIB);
  });
});

afterAll(() => {
  const heaviest = [...weights].sort(([, a], [, b]) => b.total - a.total)[0];
  const mostJs = [...weights].sort(([, a], [, b]) => b.js - a.js)[0];
  if (heaviest && mostJs)
    console.info(
      `heaviest page ${heaviest[0]}: ${(heaviest[1].total / KIB).toFixed(1)} KiB gzip; most JS ${mostJs[0]}: ${(mostJs[1].js / KIB).toFixed(1)} KiB`,
    );
});
