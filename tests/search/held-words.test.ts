/**
 * A first search plans from the narrow vocabulary chunks (the site's words sharing a typed word's
 * first two letters) when they hold every typed word, and loads the wide chunks (by first letter)
 * only when a word may need correcting: the plan must be the one the wide chunks give.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { PagefindApi, PagefindResult } from '../../src/client/search/pagefind-types.ts';
import { planQuery } from '../../src/client/search/site-search.ts';
import {
  normalizeWord,
  vocabularyChunkKey,
  vocabularyPrefixKey,
} from '../../src/client/search/typo-correction.ts';

/** A fake Pagefind over pages of words: a query word matches a page word it starts. */
function fakePagefind(pages: readonly string[][]): PagefindApi {
  return {
    options: async () => undefined,
    init: async () => undefined,
    filters: async () => ({}),
    search: async (term) => {
      const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const results: PagefindResult[] = pages
        .map((page, i) => ({ page, id: `p${i}` }))
        .filter(({ page }) => words.every((word) => page.some((w) => w.startsWith(word))))
        .map(({ id }) => ({
          id,
          score: 1,
          words: [],
          data: async () => {
            throw new Error('not loaded in these tests');
          },
        }));
      return { results, unfilteredResultCount: results.length, filters: {}, totalFilters: {} };
    },
  };
}

/** The chunks a site publishes, as loaders: the site's words whose key is one of the asked words'. */
function chunkLoader(vocabulary: readonly string[], keyOf: (word: string) => string) {
  return vi.fn(async (asked: readonly string[]) => {
    const keys = new Set(asked.map((word) => keyOf(normalizeWord(word))));
    return vocabulary.filter((word) => keys.has(keyOf(word)));
  });
}

const site = ['trafficking', 'migration', 'labour', 'traffickers', 'gaziantep', 'programme'];
const api = fakePagefind([site.slice(0, 3), site.slice(3)]);

describe('planning from the narrow vocabulary chunks', () => {
  it('loads no wide chunk when every typed word is on the site', async () => {
    const wide = chunkLoader(site, vocabularyChunkKey);
    const narrow = chunkLoader(site, vocabularyPrefixKey);
    const plan = await planQuery(api, 'Trafficking migration', wide, narrow);
    expect(wide).not.toHaveBeenCalled();
    expect(plan).toEqual(await planQuery(api, 'Trafficking migration', wide));
  });

  it('asks the narrow chunks of the other spellings too, so "labor" still finds "labour"', async () => {
    const wide = chunkLoader(site, vocabularyChunkKey);
    const narrow = chunkLoader(site, vocabularyPrefixKey);
    const plan = await planQuery(api, 'program', wide, narrow);
    expect(plan.words).toEqual([
      { typed: 'program', spellings: ['program', 'programme'], alsoMatching: ['programme'] },
    ]);
  });

  it('loads the wide chunks to correct a word the site does not hold', async () => {
    const wide = chunkLoader(site, vocabularyChunkKey);
    const narrow = chunkLoader(site, vocabularyPrefixKey);
    const plan = await planQuery(api, 'tarfficking', wide, narrow);
    expect(wide).toHaveBeenCalledTimes(1);
    expect(plan.words).toEqual([
      { typed: 'tarfficking', spellings: ['trafficking'], correction: 'trafficking' },
    ]);
  });

  it('plans every query as the wide chunks alone would', async () => {
    // Few letters, so that typed words are often a letter or two from a site word, the second
    // letter included (a correction the narrow chunk cannot make).
    const word = fc.stringMatching(/^[aeilrst]{3,7}$/);
    const vocabularyAndQuery = fc
      .uniqueArray(word, { minLength: 1, maxLength: 40 })
      .chain((vocabulary) =>
        fc.tuple(
          fc.constant(vocabulary),
          fc.array(
            fc.oneof(
              word,
              fc.constantFrom(...vocabulary),
              fc.constantFrom(...vocabulary).map((w) => `${w[0]}${w[2]}${w[1]}${w.slice(3)}`),
              fc.stringMatching(/^[a-z0-9-]{1,6}$/),
            ),
            { minLength: 1, maxLength: 3 },
          ),
        ),
      );
    await fc.assert(
      fc.asyncProperty(vocabularyAndQuery, async ([vocabulary, typed]) => {
        const search = fakePagefind([vocabulary.slice(0, 10), vocabulary.slice(10)]);
        const query = typed.join(' ');
        const wide = chunkLoader(vocabulary, vocabularyChunkKey);
        const narrow = chunkLoader(vocabulary, vocabularyPrefixKey);
        expect(await planQuery(search, query, wide, narrow)).toEqual(
          await planQuery(search, query, wide),
        );
      }),
      { numRuns: 200 },
    );
  });
});
