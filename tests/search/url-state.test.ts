import { describe, expect, it } from 'vitest';
import { readState, writeState } from '../../src/client/search/url-state.ts';

describe('search URL state', () => {
  it('reads the query and repeated filters', () => {
    expect(
      readState('?q=trafficking&kind=Key+conclusion&kind=Session&session=Opening+session'),
    ).toEqual({
      query: 'trafficking',
      filters: { kind: ['Key conclusion', 'Session'], session: ['Opening session'] },
    });
  });

  it('ignores unknown parameters and empty values', () => {
    expect(readState('?q=a&kind=&colour=red')).toEqual({ query: 'a', filters: {} });
  });

  it('round-trips what it writes', () => {
    const state = {
      query: 'labour & trafficking',
      filters: { meeting: ['Forum 2030'], kind: ['Key conclusion'] },
    };
    const search = writeState(state);
    expect(search).toBe('?q=labour+%26+trafficking&kind=Key+conclusion&meeting=Forum+2030');
    expect(readState(search)).toEqual({
      query: state.query,
      filters: { kind: ['Key conclusion'], meeting: ['Forum 2030'] },
    });
  });

  it('writes nothing for an empty search', () => {
    expect(writeState({ query: '', filters: {} })).toBe('');
  });
});
