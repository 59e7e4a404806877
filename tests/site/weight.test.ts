/**
 * Every page stays within the budget: ≤ 25 KiB gzip before interaction, ≤ 5 KiB of it
 * JavaScript. The full text is no exception: a long meeting's is cut into parts that each keep
 * it (full-text-parts.test.ts builds one).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { builtPages, pageWeight, type PageWeight } from './support/built-site.ts';

const KIB = 1024;
const siteDir = inject('siteDir');
// The search page loads its engine up front by design; the budget is for pages one reads.
const pages = (await builtPages(siteDir)).filter((page) => page.path !== '/search/');
const origin = 'http://site.test';
const readAsset = (url: URL) => readFile(join(siteDir, decodeURIComponent(url.pathname)), 'utf8');
const weights = new Map<string, PageWeight>();

describe.each(pages)('the page $path', ({ path, file }) => {
  it('weighs at most 25 KiB gzip with at most 5 KiB of JavaScript', async () => {
    const weight = await pageWeight(await readFile(file, 'utf8'), new URL(path, origin), readAsset);
    weights.set(path, weight);
    expect(weight.total).toBeLessThanOrEqual(25 * KIB);
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
