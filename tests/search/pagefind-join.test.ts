import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGEFIND_BUNDLE_DIR, VOCABULARY_FILE } from '../../src/constants.ts';
import { readIndexFile, type CborValue } from '../../src/integrations/pagefind-cbor.ts';
import { indexSite } from '../../src/integrations/pagefind.ts';
import {
  estimateWords,
  inIndexOrder,
  searchRuns,
  type SearchPage,
} from '../../src/integrations/search-pages.ts';

describe('searchRuns', () => {
  it('cuts the pages, in order, into runs within the word budget (a longer page alone)', () => {
    const page = fc.record({ path: fc.string(), words: fc.nat(500) });
    fc.assert(
      fc.property(
        fc.array(page, { maxLength: 60 }),
        fc.integer({ min: 1, max: 800 }),
        (pages, max) => {
          const runs = searchRuns(pages, max);
          expect(runs.flat()).toEqual(pages);
          for (const run of runs) {
            const words = run.reduce((sum, p) => sum + p.words, 0);
            if (run.length > 1) expect(words).toBeLessThanOrEqual(max);
          }
          // Greedy: a run ends only where the next page would not fit.
          for (const [i, run] of runs.slice(0, -1).entries()) {
            const words = run.reduce((sum, p) => sum + p.words, 0);
            expect(words + runs[i + 1]![0]!.words).toBeGreaterThan(max);
          }
        },
      ),
    );
  });
});

/**
 * A search page with filters and meta; `kind` only on the longest pages, so the first runs lack
 * it; enough words in all for several index chunks.
 */
function pageHtml(i: number): string {
  const words = Array.from(
    { length: 3 + i * 25 },
    (_, j) =>
      ['migration', 'réseau', 'labour', `figure${(i * j) % 13}`, 'dialogue', 'São', '2018'][
        (i + j) % 7
      ],
  ).join(' ');
  const kind = i >= 50 ? `<span data-pagefind-meta="kind:Session ${i % 3}"></span>` : '';
  return (
    `<!doctype html><html lang="en"><head><title>Page ${i}</title></head><body>` +
    `<main data-pagefind-body><h1 id="top">Page ${i}</h1>${kind}` +
    `<span data-pagefind-filter="meeting:Meeting ${i % 4}"></span>` +
    `<span data-pagefind-filter="country:${['Chile', 'Mali', 'Perú'][i % 3]}"></span>` +
    `<p id="p${i}">${words}</p></main></body></html>`
  );
}

/** A bundle as plain values, every file name replaced by its place in the page list. */
async function readBundle(site: string) {
  const bundle = join(site, PAGEFIND_BUNDLE_DIR);
  const entry = JSON.parse(await readFile(join(bundle, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; page_count: number }>;
  };
  const { hash, page_count } = entry.languages['en']!;
  const meta = readIndexFile(await readFile(join(bundle, `pagefind.${hash}.pf_meta`))) as [
    string,
    [string, number, string][],
    [string, string, string][],
    [string, string][],
    CborValue[],
    string[],
  ];
  const [, pages, chunks, filters, sorts, fields] = meta;
  const fragments = await Promise.all(
    pages.map(async ([name]) =>
      gunzipSync(await readFile(join(bundle, 'fragment', `${name}.pf_fragment`))).toString(),
    ),
  );
  const chunkFiles = await Promise.all(
    chunks.map(async ([, , name]) =>
      readIndexFile(await readFile(join(bundle, 'index', `${name}.pf_index`))),
    ),
  );
  const filterFiles = await Promise.all(
    filters.map(async ([, name]) =>
      readIndexFile(await readFile(join(bundle, 'filter', `${name}.pf_filter`))),
    ),
  );
  return {
    // Pagefind names the list by its hash; the short names of every other file follow from it.
    listHash: hash,
    pageCount: page_count,
    words: pages.map(([, words, group]) => [words, group]),
    fragments,
    chunkBounds: chunks.map(([from, to]) => [from, to]),
    chunkFiles,
    filters: filters.map(([name]) => name),
    filterFiles,
    sorts,
    fields,
    vocabulary: await readFile(join(bundle, VOCABULARY_FILE), 'utf8'),
  };
}

describe('indexing in runs', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'readout-runs-'));
    const site = join(root, 'pages');
    for (let i = 0; i < 60; i++) {
      await mkdir(join(site, `p${i}`), { recursive: true });
      await writeFile(join(site, `p${i}`, 'index.html'), pageHtml(i));
    }
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function indexed(name: string, wordsPerRun?: number) {
    const site = join(root, name);
    await cp(join(root, 'pages'), site, { recursive: true });
    const summary = await indexSite(site, await import('pagefind'), { wordsPerRun });
    return { summary, bundle: await readBundle(site), files: await readdir(site) };
  }

  it('joins the runs into the very index one Pagefind process writes for all the pages', async () => {
    const whole = await indexed('whole');
    const joined = await indexed('joined', 6000);
    expect(whole.summary.runs).toBe(1);
    expect(joined.summary.runs).toBeGreaterThanOrEqual(4);
    expect(joined.bundle.fields).toContain('kind');
    expect(joined.bundle.chunkFiles.length).toBeGreaterThan(1);
    expect(joined.bundle).toEqual(whole.bundle);
    // The runs' folders are gone: only the site and its bundle are left.
    expect(joined.files.sort()).toEqual(whole.files.sort());
  });

  it('joins groups indexed apart, interleaved, into the index one process writes, and re-indexes only a changed group', async () => {
    const whole = await indexed('whole-for-groups');
    const site = join(root, 'grouped');
    const cacheDir = join(root, 'grouped-cache');
    await cp(join(root, 'pages'), site, { recursive: true });
    // Three groups whose pages interleave in the index order (fewest words first).
    const all = Array.from({ length: 60 }, (_, i) => ({
      path: `p${i}/index.html`,
      words: estimateWords(pageHtml(i)),
    }));
    const groupsOf = (keys: string[]) =>
      keys.map((key, g) => ({ key, pages: all.filter((_, i) => i % 3 === g) }));
    const pagefind = await import('pagefind');
    const index = (keys: string[]) =>
      indexSite(site, pagefind, {
        wordsPerRun: 6000,
        groups: { groups: groupsOf(keys), cacheDir },
      });

    const first = await index(['a', 'b', 'c']);
    expect(first.runs).toBeGreaterThanOrEqual(3);
    expect(first.reusedRuns).toBe(0);
    expect(await readBundle(site)).toEqual(whole.bundle);
    const kept = (await readdir(cacheDir)).sort();

    await rm(join(site, PAGEFIND_BUNDLE_DIR), { recursive: true });
    const again = await index(['a', 'b2', 'c']);
    const groupB = searchRuns(inIndexOrder(groupsOf(['b'])[0]!.pages.slice()), 6000).length;
    expect(again.reusedRuns).toBe(first.runs - groupB);
    expect(await readBundle(site)).toEqual(whole.bundle);
    // The runs of group b's old key are gone from the cache; the others are the same folders.
    const now = (await readdir(cacheDir)).sort();
    expect(now).toHaveLength(kept.length);
    expect(now.filter((name) => kept.includes(name))).toHaveLength(kept.length - groupB);
  });

  it('keeps a run of one page when a page alone is over the budget', async () => {
    const pages: SearchPage[] = [
      { path: 'a', words: 5 },
      { path: 'b', words: 50 },
      { path: 'c', words: 5 },
    ];
    expect(searchRuns(pages, 10).map((run) => run.map((p) => p.path))).toEqual([
      ['a'],
      ['b'],
      ['c'],
    ]);
  });
});
