import { describe, expect, it } from 'vitest';
import {
  allowedEdits,
  closestWord,
  editDistance,
  normalizeWord,
  parseVocabulary,
} from '../../src/client/search/typo-correction.ts';

const vocabulary = parseVocabulary(
  'migration\npartnerships\ntrafficking\ngaziantep\nmigrants\ntraffic\n',
);

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('migartion', 'migration')).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops early once past the limit', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('closestWord', () => {
  it('corrects a missing double letter', () => {
    expect(closestWord('traficking', vocabulary)).toBe('trafficking');
  });

  it('corrects a wrong vowel in a place name', () => {
    expect(closestWord('Gaziantap', vocabulary)).toBe('gaziantep');
  });

  it('prefers the more frequent of two equally close words', () => {
    expect(closestWord('migrantion', ['migration', 'migrantin'])).toBe('migration');
  });

  it('leaves known words and short words alone', () => {
    expect(closestWord('migration', vocabulary)).toBeUndefined();
    expect(closestWord('iom', ['ilo'])).toBeUndefined();
  });

  it('gives up when nothing is close', () => {
    expect(closestWord('xylophone', vocabulary)).toBeUndefined();
  });
});

describe('allowedEdits', () => {
  it('allows more edits in longer words', () => {
    expect([allowedEdits('ilo'), allowedEdits('haiti'), allowedEdits('gaziantep')]).toEqual([
      0, 1, 2,
    ]);
  });
});

describe('normalizeWord', () => {
  it('strips accents and lowercases', () => {
    expect(normalizeWord('São Schülz José')).toBe('sao schulz jose');
  });
});
