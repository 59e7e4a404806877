/**
 * Who said what, on both genre summaries. The expected speaker lists were checked by hand
 * against the texts (the second summary's in tests/fixtures/sources/wcw-2021.expected.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCountries } from '../../scripts/lib/entities/countries.ts';
import { findFigures } from '../../scripts/lib/entities/figures.ts';
import { classifyStakeholder } from '../../scripts/lib/entities/groups.ts';
import { cutAppositive, findAttributions } from '../../scripts/lib/entities/speakers.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';
import type { Meeting, Speaker } from '../../src/schemas/meeting.ts';

const parse = (file: string, slug: string) =>
  parseMeeting(readFileSync(file, 'utf8'), file, slug).meeting;
const bundled = parse('content/sources/idm-2018.txt', 'idm-2018');
const second = parse('tests/fixtures/sources/wcw-2021.txt', 'wcw-2021');
const speaker = (meeting: Meeting, name: string): Speaker =>
  meeting.speakers.find((s) => s.name === name)!;
const firstWords = (meeting: Meeting, ids: string[]) =>
  ids.map((id) =>
    meeting.sections
      .flatMap((s) => s.paragraphs)
      .find((p) => p.id === id)!
      .text.split(' ')
      .slice(0, 3)
      .join(' '),
  );

describe('speakers of the bundled summary', () => {
  it('finds every person presented as speaking, and nobody else', () => {
    expect(bundled.speakers.map((s) => s.name).sort()).toEqual(
      [
        'William Lacy Swing',
        'Henrietta Holsman Fore',
        'Guy Ryder',
        'Julie Bolcer',
        'Louise Arbour',
        'José Graziano da Silva',
        'El Habib Nadir',
        'Raniero Guerra',
        'Tim Martineau',
        'Fatima Kyari Mohammed',
        'Maria Manuel Leitao Marques',
        'Daniela Morari',
        'Jurgen Schülz',
        'Peter Robinson',
        'Alkali Kallay Musa Conteh',
        'Ignacio Packer',
        'Semhar Araia',
        'Eve Geddie',
        'Takgon Lee',
        'John Wilmoth',
        'Ndioro Ndiaye',
        'Mark Hereward',
        'Frank Laczko',
        'Luis Miguel Hincapié',
        'Jose Luis Jacome',
        'Sabarullah Khan',
        'Osman Toprak',
        'Filiep Decorte',
        'Edward Terry',
        'Abdoulaye Mar Dieye',
        'Eloisa de Sousa Arruda',
        'Anis Hidayah',
        'Bradley Myles',
        'Geoffrey Shaw',
        'David Schilling',
        'Didier Bergeret',
        'Liz Drew',
        'Ely Thelot',
        'Alejandro Solano Ortiz',
        'Julian Curi',
        'Louai Turjiman',
        // Found since names with an inner capital ("O'Hara", "MacDicken") are read whole: she
        // "provided examples of initiatives", so she speaks.
        "Grainne O'Hara",
      ].sort(),
    );
  });

  it('leaves out a person on whose behalf someone else spoke', () => {
    expect(bundled.speakers.some((s) => /Senaratne/.test(s.name))).toBe(false);
    expect(speaker(bundled, 'Sabarullah Khan').country).toBe('Sri Lanka');
  });

  it('parses the "Name, Title, Organization" appositive and keeps it as written', () => {
    expect(speaker(bundled, 'Guy Ryder')).toMatchObject({
      role: 'Director General',
      organization: 'International Labour Organization (ILO)',
      attribution: 'Guy Ryder, Director General, International Labour Organization (ILO)',
      group: 'un-system',
    });
    expect(speaker(bundled, 'Edward Terry')).toMatchObject({
      honorific: 'Mayor',
      organization: 'City of Clarkston',
      country: 'USA',
      countryCode: 'US',
      group: 'local-government',
    });
    expect(speaker(bundled, 'Daniela Morari')).toMatchObject({
      country: 'Republic of Moldova',
      countryCode: 'MD',
      group: 'government',
    });
  });

  it('reads a title written before the name', () => {
    expect(speaker(bundled, 'William Lacy Swing')).toMatchObject({
      role: 'IOM Director General',
      attribution: 'IOM Director General, William Lacy Swing',
    });
  });

  it('counts later mentions by surname, with or without a title', () => {
    expect(firstWords(bundled, speaker(bundled, 'Raniero Guerra').mentions)).toEqual([
      'Raniero Guerra, WHO',
      'Migration is not',
    ]);
    expect(speaker(bundled, 'William Lacy Swing').mentions).toHaveLength(4);
    expect(speaker(bundled, 'Guy Ryder').mentions).toHaveLength(2);
  });

  it('merges two attributions of the same person into one speaker', () => {
    expect(speaker(bundled, 'Raniero Guerra').attributions).toHaveLength(2);
    expect(bundled.speakers.filter((s) => s.name === 'Louise Arbour')).toHaveLength(1);
  });
});

describe('speakers of the second summary', () => {
  const key = readFileSync('tests/fixtures/sources/wcw-2021.expected.md', 'utf8');
  const rows = [
    ...key.matchAll(/^\| \d+ \| ([^|]+) \| [^|]* \| [^|]* \| [^|]* \| ([^|]+) \|/gm),
  ].map((m) => ({
    name: m[1]!.trim().replace(/^(?:Dr|Ambassador|Mayor|Deputy Mayor|Professor) /, ''),
    group: m[2]!.trim(),
  }));
  const labels: Record<string, string> = {
    government: 'government',
    'UN system': 'un-system',
    'other international or regional organization': 'international-organization',
    'local government': 'local-government',
    'civil society': 'civil-society',
    'private sector': 'private-sector',
    academia: 'academia',
  };

  it('finds exactly the 26 speakers of the answer key', () => {
    expect(rows).toHaveLength(26);
    expect(second.speakers.map((s) => s.name).sort()).toEqual(rows.map((r) => r.name).sort());
  });

  it('puts each speaker in the stakeholder group of the answer key', () => {
    for (const row of rows)
      expect(speaker(second, row.name).group, row.name).toBe(labels[row.group]);
  });

  it('finds a surname mention in a paragraph rejoined after a page break', () => {
    expect(firstWords(second, speaker(second, 'Anjali Raman').mentions)).toEqual([
      'Achieving Sustainable Development',
      'Moses Lubega, Managing',
    ]);
  });

  it('resolves UN-style country names', () => {
    expect(speaker(second, 'Nguyen Thi Thu Ha').countryCode).toBe('VN');
    expect(second.countries.find((c) => c.code === 'BO')!.written).toContain(
      'Plurinational State of Bolivia',
    );
  });
});

describe('organizations', () => {
  it('links a defined acronym and the full name both ways', () => {
    const ilo = bundled.organizations.find((o) => o.acronym === 'ILO')!;
    expect(ilo.name).toBe('International Labour Organization');
    expect(ilo.mentions.length).toBeGreaterThan(3);
  });

  it('takes only the name the acronym stands for', () => {
    expect(bundled.organizations.find((o) => o.acronym === 'EU')!.name).toBe('European Union');
    expect(second.organizations.find((o) => o.acronym === 'UNICEF')!.name).toBe(
      "United Nations Children's Fund",
    );
  });
});

describe('findCountries', () => {
  it.each([
    ['Russian Federation', 'RU'],
    ['Republic of Moldova', 'MD'],
    ['Syrian Arab Republic', 'SY'],
    ['Republic of Korea', 'KR'],
    ['Viet Nam', 'VN'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['United Republic of Tanzania', 'TZ'],
  ])('resolves %s to %s', (name, code) => {
    expect(findCountries(`Delegates from the ${name} spoke.`).map((c) => c.code)).toEqual([code]);
  });

  it('does not read two-letter codes as countries', () => {
    expect(findCountries('The PT and SL teams met.')).toEqual([]);
  });
});

describe('findFigures', () => {
  it('keeps numbers with their unit and sentence', () => {
    const figures = findFigures(
      'Currently, there are 50 million children on the move. In 2017, 92 per cent enrolled. It cost USD 1.5 billion.',
      'p1',
    );
    expect(figures.map((f) => [f.text, f.value, f.unit])).toEqual([
      ['50 million children', 50_000_000, 'children'],
      ['92 per cent', 92, 'per cent'],
      ['USD 1.5 billion', 1_500_000_000, 'USD'],
    ]);
    expect(figures[0]!.sentence).toBe('Currently, there are 50 million children on the move.');
  });

  it('marks the participation figures the text states', () => {
    const figures = findFigures(
      'The panels included 47 speakers and moderators; speakers, 16 of whom were women, came from all regions.',
      'p2',
    );
    expect(figures.map((f) => [f.value, f.participation])).toEqual([
      [47, true],
      [16, true],
    ]);
  });

  it('skips years, dates, list markers and numbered names', () => {
    expect(
      findFigures(
        'On 26 and 27 March 2018, Session 1 and Goal 6 and (1) items of Alliance 8.7 met in 2019.',
        'p3',
      ),
    ).toEqual([]);
  });
});

describe('classifyStakeholder', () => {
  it.each([
    ['Mayor of the City of Springfield', 'local-government'],
    ['Director General, International Labour Organization (ILO)', 'un-system'],
    ['Deputy Permanent Representative of Chile to the United Nations', 'government'],
    ['Permanent Observer of the African Union to the UN', 'international-organization'],
    ['Vice Minister of Foreign Affairs', 'government'],
    ['Professor, University of Ghana', 'academia'],
    ['Managing Director, Lakeside Utility Company', 'private-sector'],
    ['Founder, Women Migrants Network', 'civil-society'],
    ['Spokesperson', 'other'],
  ])('classifies "%s" as %s', (attribution, group) => {
    expect(classifyStakeholder(attribution)).toBe(group);
  });
});

describe('cutAppositive', () => {
  it('stops at the first lowercase word that is not a connector', () => {
    expect(
      cutAppositive(
        'Vice Minister of Foreign Affairs, Ministry of Foreign Affairs, Panama, described his work',
      ),
    ).toBe('Vice Minister of Foreign Affairs, Ministry of Foreign Affairs, Panama');
    expect(
      cutAppositive('Chair, Working Group of the Ministry of Libya the current situation'),
    ).toBe('Chair, Working Group of the Ministry of Libya');
  });

  it('is used to find attributions in running text', () => {
    expect(findAttributions('Ana Ruiz, Director, Water Fund, said so.', 'p1')).toEqual([
      {
        name: 'Ana Ruiz',
        role: 'Director',
        organization: 'Water Fund',
        raw: 'Ana Ruiz, Director, Water Fund',
        paragraph: 'p1',
      },
    ]);
  });
});

describe('findCountries on possessives and sentence ends', () => {
  it('finds "Portugal’s Minister" and "… in Haiti."', () => {
    expect(findCountries("Portugal's Minister spoke of aid to Haiti.").map((c) => c.code)).toEqual([
      'PT',
      'HT',
    ]);
  });
});
