import { describe, expect, it } from 'vitest';
import { isFormOf, rankParagraphs } from '../../src/client/search/paragraph-ranking.ts';
import type { PagefindResultData } from '../../src/client/search/pagefind-types.ts';

/** A page of three paragraphs; the query's hits are at the given word positions. */
function page(hits: { location: number; score: number }[]): PagefindResultData {
  const content =
    'Title words here. One migration migration migration text. Two Polaris migration data here. Three nothing.';
  return {
    url: '/m/conclusions/x/',
    content,
    excerpt: '',
    meta: { title: 'Title' },
    filters: {},
    anchors: [
      { element: 'div', id: 'p1', text: '', title: '¶ 1', location: 3 },
      { element: 'div', id: 'p2', text: '', title: '¶ 2', location: 8 },
      { element: 'div', id: 'p3', text: '', title: '¶ 3', location: 13 },
      { element: 'main', id: 'main', text: '', location: 0 },
    ],
    weighted_locations: hits.map(({ location, score }) => ({
      location,
      balanced_score: score,
      weight: 1,
    })),
    locations: hits.map(({ location }) => location),
    sub_results: [
      {
        title: '¶ 2',
        url: '/m/conclusions/x/#p2',
        excerpt: 'Two <mark>Polaris</mark>',
        locations: [9],
      },
    ],
  };
}

describe('rankParagraphs', () => {
  it('puts the paragraph holding every query word before one repeating a single word', () => {
    const data = page([
      { location: 4, score: 10 },
      { location: 5, score: 10 },
      { location: 6, score: 10 },
      { location: 9, score: 3 },
      { location: 10, score: 3 },
    ]);
    const ranked = rankParagraphs(data, [['polaris'], ['migration']]);
    expect(ranked.map((p) => [p.id, p.coverage])).toEqual([
      ['p2', 2],
      ['p1', 1],
    ]);
    expect(ranked[0]).toMatchObject({
      url: '/m/conclusions/x/#p2',
      title: '¶ 2',
      range: { start: 8, end: 13 },
    });
  });

  it('ignores hits before the first paragraph, such as the title', () => {
    expect(rankParagraphs(page([{ location: 0, score: 50 }]), [['title']])).toEqual([]);
  });

  it('accepts any of a word’s spellings', () => {
    expect(
      rankParagraphs(page([{ location: 11, score: 1 }]), [['info', 'data']])[0]?.coverage,
    ).toBe(1);
  });
});

describe('isFormOf', () => {
  it('matches longer forms and shared stems', () => {
    expect(isFormOf('refugees', 'refugee')).toBe(true);
    expect(isFormOf('trafficking', 'trafficked')).toBe(true);
  });

  it('matches short words only exactly or in the plural', () => {
    expect(isFormOf('un', 'un')).toBe(true);
    expect(isFormOf('under', 'un')).toBe(false);
    expect(isFormOf('ngos', 'ngo')).toBe(true);
  });
});
