import { describe, expect, it } from 'vitest';
import {
  cutAppositive,
  findAttributions,
  parseAppositive,
} from '../../scripts/lib/entities/speakers.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';

const organizationOf = (text: string) => findAttributions(text, 'p1')[0]?.organization;

describe('names of bodies in other languages', () => {
  it('keeps a German function word between capitalized words of a name', () => {
    expect(
      organizationOf('Eva Lang, Adviser, Gesellschaft für Ländliche Entwicklung (GLE), spoke.'),
    ).toBe('Gesellschaft für Ländliche Entwicklung (GLE)');
  });

  it("keeps French articles, elided ones too (de l'…)", () => {
    expect(
      organizationOf("Luc Morel, Adviser, Agence Nationale de l'Eau, France, spoke on rivers."),
    ).toBe("Agence Nationale de l'Eau");
  });

  it('keeps "for a" inside a name that a title is "of"', () => {
    expect(
      organizationOf(
        "Ana Ruiz, Director of the Alliance for a Clean Harbour Future ('ach'), said so.",
      ),
    ).toBe("Alliance for a Clean Harbour Future ('ach')");
  });

  it('still ends the appositive at a lowercase verb, or at a function word before lowercase', () => {
    expect(cutAppositive('Director, Water Fund, y entonces habló')).toBe('Director, Water Fund');
    expect(cutAppositive('Director, Water Fund, a former minister, said')).toBe(
      'Director, Water Fund',
    );
    expect(cutAppositive('Director, Water Fund, described for a moment')).toBe(
      'Director, Water Fund',
    );
  });
});

const SUMMARY = `Summary of the workshop on harbours: 3-4 May 2031

The workshop on harbours convened from 3-4 May 2031 in Lisbon, Portugal.

OPENING SESSION

Ana Ruiz, Director of the WHO's Coastal Health Unit, opened the workshop.

Ola Berg, Adviser, Harbour Fund, said ports need data.

CLOSING SESSION

Ana Ruiz, WHO Secretariat, congratulated participants on their work.

Ola Berg, Coastal Trust, thanked the hosts.
`;

describe("a person's body across attributions", () => {
  const { meeting } = parseMeeting(SUMMARY, 'harbours.txt', 'harbours');
  const person = (name: string) => meeting.speakers.find((s) => s.name === name);

  it('takes the fullest naming of the same body ("WHO" then "WHO Secretariat")', () => {
    expect(person('Ana Ruiz')?.organization).toBe('WHO Secretariat');
  });

  it('keeps the first body when a later attribution names another', () => {
    expect(person('Ola Berg')?.organization).toBe('Harbour Fund');
  });
});

describe('a country from a state body named after it', () => {
  const countryOf = (appositive: string) => parseAppositive(appositive).country;

  it('reads the country of a ministry, department or agency named after it', () => {
    expect(countryOf('Adviser, Canada Transport Department')).toBe('Canada');
    expect(countryOf('Head of Forests at the Ghana Agency for Land Use')).toBe('Ghana');
  });

  it('does not read it from other bodies named after a country', () => {
    expect(countryOf('Director, Kenya Centre for Soil Studies')).toBeUndefined();
    expect(countryOf('Director, Kenya Climate Programme')).toBeUndefined();
  });
});

describe('a state body named with an adjective of a country', () => {
  it('does not read "Thai" in "Thai Harbour Department" as the country', () => {
    expect(parseAppositive('Director, Thai Harbour Department').country).toBeUndefined();
  });
});

describe('a country in the possessive', () => {
  it("reads a country whose name holds an elided particle (Côte d'Ivoire's …)", () => {
    expect(parseAppositive("President of Côte d'Ivoire's Forest Council").country).toBe(
      "Côte d'Ivoire",
    );
  });
});
