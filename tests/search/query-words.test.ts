import { describe, expect, it } from 'vitest';
import { queryWords } from '../../src/client/search/query-words.ts';

describe('queryWords', () => {
  it('keeps the content words of a question', () => {
    expect(queryWords('How many children are on the move?')).toEqual(['children', 'move']);
  });

  it('keeps figures with their separators', () => {
    expect(queryWords('50,000 data records and Alliance 8.7')).toEqual([
      '50,000',
      'data',
      'records',
      'alliance',
      '8.7',
    ]);
  });

  it('keeps accents and hyphens', () => {
    expect(queryWords('São Paulo people-centred')).toEqual(['são', 'paulo', 'people-centred']);
  });

  it('keeps stop words when nothing else is left', () => {
    expect(queryWords('who')).toEqual(['who']);
  });

  it('drops possessive endings and repeated words', () => {
    expect(queryWords("UNICEF's UNICEF report")).toEqual(['unicef', 'report']);
  });
});
