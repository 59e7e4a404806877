import { describe, expect, it } from 'vitest';
import { SiteVocabulary } from '../../src/client/search/site-vocabulary.ts';

const vocabulary = new SiteVocabulary([
  'migration',
  'trafficking',
  'organization',
  'policies',
  'labour',
  'collar',
  'governance',
]);

describe('SiteVocabulary', () => {
  it('holds a word the site has, a word being typed and another form of the same stem', () => {
    expect(
      ['migration', 'Migration', 'migra', 'traffickers', 'policy', 'organizations'].filter((word) =>
        vocabulary.holds(word),
      ),
    ).toHaveLength(6);
  });

  it('does not hold a word absent from the site, however many letters it shares with site words', () => {
    expect(
      ['colour', 'behaviour', 'labor', 'goverance', 'migrationx'].filter((word) =>
        vocabulary.holds(word),
      ),
    ).toEqual([]);
  });

  it('judges only words of letters it would list', () => {
    expect(['colour', 'São'].every((word) => vocabulary.judges(word))).toBe(true);
    expect(['50,000', 'un', 'co-chair', '8.7'].some((word) => vocabulary.judges(word))).toBe(false);
    expect(new SiteVocabulary([]).judges('colour')).toBe(false);
  });

  it('suggests a site word at most two edits away, and nothing further', () => {
    expect(vocabulary.suggestion('colour')).toBe('collar');
    expect(vocabulary.suggestion('earthquake')).toBeUndefined();
  });

  it('holds every word it was built from, in any case, accented as typed', () => {
    const built = new SiteVocabulary([
      'gaziantep',
      'remittances',
      'diaspora',
      'sao',
      'xenophobia',
      'smuggling',
    ]);
    const typed = ['Gaziantep', 'REMITTANCES', 'diaspora', 'São', 'Xenophobia', 'smuggling'];
    expect(typed.filter((word) => !built.holds(word))).toEqual([]);
  });
});
