import { describe, expect, it, vi } from 'vitest';
import type {
  PagefindApi,
  PagefindFilterValue,
  PagefindResult,
} from '../../src/client/search/pagefind-types.ts';
import {
  correctedQuery,
  statusLine,
  statusParts,
} from '../../src/client/search/search-messages.ts';
import {
  countFacets,
  pagefindFilters,
  planQuery,
  runPlan,
  spellingCombinations,
  withHighlight,
} from '../../src/client/search/site-search.ts';

/** A fake Pagefind over a few pages: every query word must prefix-match a page word; counts per kind like Pagefind's. */
function fakePagefind(pages: { id: string; text: string; kind: string }[]): PagefindApi {
  const matches = (value: PagefindFilterValue | undefined, kind: string) =>
    value === undefined ||
    (typeof value === 'object' && 'any' in value ? value.any.includes(kind) : value === kind);
  return {
    options: async () => undefined,
    init: async () => undefined,
    filters: async () => ({}),
    search: async (term, options) => {
      const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const found = pages
        .filter((page) => matches(options?.filters?.['kind'], page.kind))
        .filter((page) =>
          words.every((word) =>
            page.text
              .toLowerCase()
              .split(/\s+/)
              .some((w) => w.startsWith(word)),
          ),
        );
      const results: PagefindResult[] = found.map((page) => ({
        id: page.id,
        score: words.length,
        words: [],
        data: async () => {
          throw new Error('not loaded in these tests');
        },
      }));
      const kinds: Record<string, number> = {};
      for (const page of found) kinds[page.kind] = (kinds[page.kind] ?? 0) + 1;
      return {
        results,
        unfilteredResultCount: results.length,
        filters: { kind: kinds },
        totalFilters: {},
      };
    },
  };
}

const api = fakePagefind([
  { id: 'a', text: 'forced labour and trafficking in Gaziantep', kind: 'Key conclusion' },
  { id: 'b', text: 'the senior program director', kind: 'Session' },
  { id: 'c', text: 'the programme of the meeting and its refugees', kind: 'Session' },
  { id: 'd', text: 'Gaziantep hosts refugees', kind: 'Key conclusion' },
]);
const noVocabulary = async () => [];

describe('planQuery', () => {
  it('searches the spelling the site holds instead, and says so', async () => {
    const plan = await planQuery(api, 'labor', noVocabulary);
    expect(plan.words).toEqual([{ typed: 'labor', spellings: ['labour'], correction: 'labour' }]);
    expect(statusLine('labor', plan, 1)).toBe('Showing results for “labour”. 1 result.');
  });

  it('keeps both spellings when the site holds both, and says so', async () => {
    const plan = await planQuery(api, 'program', noVocabulary);
    expect(plan.words[0]?.spellings).toEqual(['program', 'programme']);
    expect(statusLine('program', plan, 2)).toBe('Also matching “programme”. 2 results.');
  });

  it('judges spellings by the vocabulary when there is one', async () => {
    const plan = await planQuery(api, 'labor', async () => ['labour', 'forced']);
    expect(plan.words).toEqual([{ typed: 'labor', spellings: ['labour'], correction: 'labour' }]);
  });

  it('corrects a word that finds nothing from the vocabulary, and says so', async () => {
    const vocabulary = vi.fn(async () => ['trafficking', 'gaziantep']);
    const plan = await planQuery(api, 'traficking', vocabulary);
    expect(plan.words).toEqual([
      { typed: 'traficking', spellings: ['trafficking'], correction: 'trafficking' },
    ]);
    expect(correctedQuery(plan)).toBe('trafficking');
    expect(statusLine('traficking', plan, 1)).toBe('Showing results for “trafficking”. 1 result.');
  });

  it('asks the vocabulary only for the words typed, so a first search loads only their chunks', async () => {
    const vocabulary = vi.fn(async (_typed: readonly string[]) => ['trafficking', 'gaziantep']);
    await planQuery(api, 'traficking Gaziantep', vocabulary);
    expect(vocabulary).toHaveBeenCalledTimes(1);
    expect(vocabulary.mock.calls[0]![0].map((w) => w.toLowerCase())).toEqual([
      'traficking',
      'gaziantep',
    ]);
  });

  it('finds nothing for a word the vocabulary lacks, however loosely Pagefind would match it', async () => {
    const loose = fakePagefind([
      { id: 'a', text: 'co-organized by the co-chair', kind: 'Session' },
    ]);
    const search = vi.spyOn(loose, 'search').mockImplementation(async () => ({
      results: [
        {
          id: 'a',
          score: 1,
          words: [],
          data: async () => {
            throw new Error('unused');
          },
        },
      ],
      unfilteredResultCount: 1,
      filters: {},
      totalFilters: {},
    }));
    const plan = await planQuery(loose, 'colour', async () => ['organized', 'chair', 'collar']);
    expect(plan).toEqual({ words: [], unmatched: ['colour'], suggestion: 'collar' });
    expect(await runPlan(loose, plan)).toEqual([]);
    expect(search).not.toHaveBeenCalled();
    expect(statusLine('colour', plan, 0)).toBe('No results for “colour”. Did you mean “collar”?');
  });

  it('offers no suggestion when no site word is near', async () => {
    const plan = await planQuery(api, 'earthquake', async () => ['trafficking', 'gaziantep']);
    expect(plan).toEqual({ words: [], unmatched: ['earthquake'] });
    expect(statusLine('earthquake', plan, 0)).toBe('No results for “earthquake”.');
  });

  it('takes a word holding the stem of a site word as found, as Pagefind does', async () => {
    const plan = await planQuery(api, 'traffickers', async () => ['trafficking', 'gaziantep']);
    expect(plan.words).toEqual([{ typed: 'traffickers', spellings: ['traffickers'] }]);
  });

  it('judges numbers by Pagefind, which the vocabulary does not list', async () => {
    const numbers = fakePagefind([{ id: 'n', text: 'more than 50,000 records', kind: 'Session' }]);
    const plan = await planQuery(numbers, '50,000', async () => ['records']);
    expect(plan.words).toEqual([{ typed: '50,000', spellings: ['50,000'] }]);
  });

  it('leaves out a word that finds nothing, even corrected', async () => {
    const plan = await planQuery(api, 'Gaziantep xylophone refugees', noVocabulary);
    expect(plan.unmatched).toEqual(['xylophone']);
    expect(plan.words.map((word) => word.typed)).toEqual(['gaziantep', 'refugees']);
    expect(statusLine('Gaziantep xylophone refugees', plan, 1)).toContain(
      'No page contains “xylophone”',
    );
  });
});

describe('runPlan', () => {
  it('ranks pages holding every word before pages missing one', async () => {
    const plan = await planQuery(api, 'gaziantep trafficking', noVocabulary);
    const hits = await runPlan(api, plan);
    expect(hits.map((hit) => [hit.result.id, hit.tier])).toEqual([
      ['a', 1],
      ['d', 2],
    ]);
  });

  it('applies filters, any value within a filter', async () => {
    const plan = await planQuery(api, 'refugees', noVocabulary);
    expect((await runPlan(api, plan, { kind: ['Session'] })).map((hit) => hit.result.id)).toEqual([
      'c',
    ]);
    expect(
      await countFacets(api, plan, {}, { kind: ['Key conclusion', 'Session', 'Outcome'] }),
    ).toEqual({ kind: { 'Key conclusion': 1, Session: 1, Outcome: 0 } });
  });

  it('counts a filter’s values from one search, not one search per value', async () => {
    // A word no other test searches: searches are remembered for the session, across fakes.
    const pages = ['Key conclusion', 'Session', 'Outcome', 'Overview'].map((kind, i) => ({
      id: `p${i}`,
      text: `cartography page ${i}`,
      kind,
    }));
    const counted = fakePagefind(pages);
    const search = vi.spyOn(counted, 'search');
    const plan = await planQuery(counted, 'cartography', async () => ['cartography', 'page']);
    search.mockClear();
    const counts = await countFacets(
      counted,
      plan,
      { kind: ['Session'] },
      { kind: ['Key conclusion', 'Session', 'Outcome', 'Overview', 'Annex'] },
    );
    expect(counts).toEqual({
      kind: { 'Key conclusion': 1, Session: 1, Outcome: 1, Overview: 1, Annex: 0 },
    });
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('counts what runPlan would show for every value, spellings and pages missing a word included', async () => {
    const kinds = ['Key conclusion', 'Session', 'Outcome'];
    for (const query of ['refugees', 'gaziantep trafficking', 'program', 'the refugees', 'labor']) {
      const plan = await planQuery(api, query, noVocabulary);
      for (const selection of [{}, { kind: ['Session'] }]) {
        const expected = Object.fromEntries(
          await Promise.all(
            kinds.map(
              async (kind) =>
                [kind, (await runPlan(api, plan, { ...selection, kind: [kind] })).length] as const,
            ),
          ),
        );
        expect(await countFacets(api, plan, selection, { kind: kinds }), query).toEqual({
          kind: expected,
        });
      }
    }
  });
});

describe('query helpers', () => {
  it('writes each combination of spellings once', () => {
    expect(
      spellingCombinations([
        { typed: 'a', spellings: ['a1', 'a2'] },
        { typed: 'b', spellings: ['b'] },
      ]),
    ).toEqual(['a1 b', 'a2 b']);
  });

  it('turns a selection into Pagefind filters, dropping empty ones', () => {
    expect(pagefindFilters({ kind: ['Session'], meeting: [] })).toEqual({
      kind: { any: ['Session'] },
    });
  });

  it('puts the highlight parameter before the fragment', () => {
    const plan = { words: [{ typed: 'labor', spellings: ['labour'] }], unmatched: [] };
    expect(withHighlight('/idm/m/conclusions/x/#p26', plan)).toBe(
      '/idm/m/conclusions/x/?highlight=labour#p26',
    );
  });
});

describe('status', () => {
  it('blames the filters when the words are on the site but the filters leave nothing', async () => {
    const plan = await planQuery(api, 'refugees', noVocabulary);
    expect(statusParts('refugees', plan, 0, true).text).toBe(
      'No results for “refugees” with the filters chosen; remove one to see more.',
    );
    expect(statusParts('refugees', plan, 0, false).text).toBe('No results for “refugees”.');
  });
});
