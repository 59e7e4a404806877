/**
 * The search page loads a filter's values (and Pagefind its chunk, which lists the pages of every
 * value) only when it shows that filter; counts made before a filter was loaded must not be
 * reused once it is, or its values would all count 0.
 */
import { describe, expect, it } from 'vitest';
import type { PagefindApi, PagefindSearchOptions } from '../../src/client/search/pagefind-types.ts';
import { countFacets, filterValues, planQuery } from '../../src/client/search/site-search.ts';

/** A fake Pagefind that, like Pagefind, counts only the filters some search has named. */
function fakePagefind(pages: { id: string; kind: string; speaker: string }[]) {
  const loaded = new Set<string>();
  const searches: { term: string | null; options?: PagefindSearchOptions }[] = [];
  const counts = (found: typeof pages) => {
    const filters: Record<string, Record<string, number>> = {};
    for (const name of loaded) {
      filters[name] = {};
      for (const page of pages) filters[name][page[name as 'kind' | 'speaker']] ??= 0;
      for (const page of found) filters[name][page[name as 'kind' | 'speaker']]! += 1;
    }
    return filters;
  };
  const api: PagefindApi = {
    options: async () => undefined,
    init: async () => undefined,
    filters: async () => {
      throw new Error('loads every filter chunk');
    },
    search: async (term, options) => {
      searches.push({ term, ...(options ? { options } : {}) });
      for (const name of Object.keys(options?.filters ?? {})) loaded.add(name);
      const found = term === null ? pages : pages.filter((page) => page.id.includes(term));
      const results = found.map((page) => ({
        id: page.id,
        score: 1,
        words: [],
        data: async () => {
          throw new Error('not loaded in these tests');
        },
      }));
      return {
        results,
        unfilteredResultCount: results.length,
        filters: counts(found),
        totalFilters: counts(pages),
      };
    },
  };
  return { api, searches };
}

const pages = [
  { id: 'migration-1', kind: 'Session', speaker: 'Ana Ruiz' },
  { id: 'migration-2', kind: 'Key conclusion', speaker: 'Ana Ruiz' },
  { id: 'labour-1', kind: 'Session', speaker: 'Li Wei' },
];

describe('filterValues', () => {
  it('loads only the filters asked for, restricting nothing, and lists their values', async () => {
    const { api, searches } = fakePagefind(pages);
    expect(await filterValues(api, ['kind'])).toEqual({ kind: ['Session', 'Key conclusion'] });
    expect(searches).toEqual([{ term: null, options: { filters: { kind: { any: [] } } } }]);
  });

  it('counts a filter loaded after a search, not from that search remembered', async () => {
    const { api } = fakePagefind(pages);
    const plan = await planQuery(api, 'migration', async () => []);
    await filterValues(api, ['kind']);
    expect(await countFacets(api, plan, {}, { kind: ['Session'] })).toEqual({
      kind: { Session: 1 },
    });
    const values = await filterValues(api, ['speaker']);
    expect(await countFacets(api, plan, {}, values)).toEqual({
      speaker: { 'Ana Ruiz': 2, 'Li Wei': 0 },
    });
  });
});
