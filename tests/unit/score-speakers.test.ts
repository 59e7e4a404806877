/**
 * The speakers scorer is the authority for the corpus figures: each rule of its module comment
 * has a case here. Names are made up.
 */
import { describe, expect, it } from 'vitest';
import {
  normalizeName,
  scoreSpeakers,
  type SpeakerKey,
} from '../../scripts/eval/score-speakers.ts';

const key: SpeakerKey = {
  speakers: [
    {
      name: 'Ana Ruiz',
      organization: 'Coastal Research Institute (CRI)',
      country: null,
      speaks: true,
    },
    {
      name: 'Harald Berg',
      aliases: ['Harold Berg'],
      organization: null,
      country: 'US',
      speaks: true,
    },
    { name: 'T. K. Osei', organization: null, country: 'Ghana', speaks: true },
    {
      name: 'Lena Vik',
      role: 'contact group Co-Chair',
      organization: null,
      country: 'Norway',
      speaks: false,
    },
  ],
  notSpeakers: ['Viktor Old'],
};

describe('scoreSpeakers', () => {
  it('counts a person found under an alias or with other initials and accents as found', () => {
    const score = scoreSpeakers(
      [
        { name: 'Harold Berg', country: 'United States' },
        { name: 'T.K. Osei', country: 'Ghana' },
        { name: 'Ána  Ruiz', organization: 'CRI' },
      ],
      key,
    );
    expect(score).toMatchObject({ truePositives: 3, precision: 1, recall: 1, missed: [] });
  });

  it('neither requires nor penalizes an office-holder who does not speak', () => {
    const without = scoreSpeakers([{ name: 'Ana Ruiz' }], key);
    const withIt = scoreSpeakers(
      [{ name: 'Ana Ruiz' }, { name: 'Lena Vik', country: 'Norway' }],
      key,
    );
    expect(without.precision).toBe(1);
    expect(withIt.precision).toBe(1);
    expect(withIt.recall).toBe(without.recall);
    expect(withIt.ignored).toEqual(['Lena Vik']);
  });

  it('counts people spoken of, unknown names and duplicates against precision', () => {
    const score = scoreSpeakers(
      [{ name: 'Ana Ruiz' }, { name: 'Viktor Old' }, { name: 'Brazil Said' }, { name: 'Ana Ruiz' }],
      key,
    );
    expect(score.truePositives).toBe(1);
    expect(score.falsePositives.map((m) => m.why)).toEqual([
      'named but does not speak',
      'not a speaker',
      'duplicate',
    ]);
    expect(score.precision).toBe(0.25);
    expect(score.missed).toEqual(['Harald Berg', 'T. K. Osei']);
    expect(score.recall).toBeCloseTo(1 / 3);
  });

  it('takes an organization as right by its full name or its acronym, and a country by its ISO code', () => {
    const score = scoreSpeakers(
      [
        { name: 'Ana Ruiz', organization: 'the Coastal Research Institute' },
        { name: 'Harald Berg', country: 'USA' },
        { name: 'T. K. Osei', country: 'Ghana', organization: 'Ministry of Energy' },
      ],
      key,
    );
    expect(score.affiliationRight).toBe(2);
    expect(score.affiliationMisses).toEqual([
      {
        name: 'T. K. Osei',
        organization: { found: 'Ministry of Energy', expected: null, right: false },
        country: { found: 'Ghana', expected: 'Ghana', right: true },
      },
    ]);
    expect(score.affiliationRate).toBeCloseTo(2 / 3);
  });

  it('marks an affiliation wrong when the key has one and nothing was found', () => {
    const score = scoreSpeakers(
      [{ name: 'Ana Ruiz' }, { name: 'Harald Berg', country: 'Canada' }],
      key,
    );
    expect(score.affiliationRight).toBe(0);
    expect(score.affiliationMisses.map((m) => [m.organization.right, m.country.right])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it('scores an empty model as perfectly precise and not at all complete', () => {
    expect(scoreSpeakers([], key)).toMatchObject({ precision: 1, recall: 0, affiliationRate: 1 });
  });
});

describe('normalizeName', () => {
  it('closes up initials, broken hyphens, case and accents', () => {
    expect(normalizeName('Michael Zammit- Cutajar')).toBe(normalizeName('michael zammit-cutajar'));
    expect(normalizeName('T.R. Baalu')).toBe(normalizeName('T. R. Baalu'));
    expect(normalizeName('Raúl Estrada')).toBe('raul estrada');
  });
});
