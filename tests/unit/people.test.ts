import { describe, expect, it } from 'vitest';
import type { Meeting, Speaker } from '../../src/schemas/meeting.ts';
import { groupPeople, nameKey } from '../../src/utils/people.ts';

const speaker = (name: string, fields: Partial<Speaker> = {}): Speaker => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  group: 'other',
  attribution: name,
  attributions: [name],
  mentions: ['p1'],
  forms: [name],
  places: [],
  ...fields,
});
const meeting = (slug: string, speakers: Speaker[]): Meeting => ({
  slug,
  title: slug,
  source: `${slug}.txt`,
  sections: [],
  speakers,
  organizations: [],
  countries: [],
  figures: [],
});

describe('groupPeople', () => {
  it('makes one person of the same name with the same organization in two meetings', () => {
    const people = groupPeople([
      meeting('a', [
        speaker('Ana Ruiz', { organization: 'International Labour Organization (ILO)' }),
      ]),
      meeting('b', [speaker('Ána Ruiz', { organization: 'ILO' })]),
    ]);
    expect(people).toHaveLength(1);
    expect(people[0]!.appearances.map((a) => a.meeting.slug)).toEqual(['a', 'b']);
  });

  it('keeps homonyms apart when their affiliations differ', () => {
    const people = groupPeople([
      meeting('a', [speaker('John Smith', { organization: 'Water Fund', countryCode: 'KE' })]),
      meeting('b', [
        speaker('John Smith', { organization: 'Ministry of Health', countryCode: 'CA' }),
      ]),
    ]);
    expect(people.map((p) => p.id)).toEqual(['john-smith', 'john-smith-2']);
  });

  it('joins a mention without affiliation to the person of that name', () => {
    expect(
      groupPeople([
        meeting('a', [speaker('Li Wei', { countryCode: 'CN' })]),
        meeting('b', [speaker('Li Wei')]),
      ]),
    ).toHaveLength(1);
  });
});

describe('nameKey', () => {
  it('ignores case, accents and punctuation', () => {
    expect(nameKey('José Graziano da Silva')).toBe(nameKey('Jose graziano DA silva'));
  });
});
