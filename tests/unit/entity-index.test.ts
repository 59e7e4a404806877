import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/schemas/meeting.ts';
import { affiliationOf } from '../../src/utils/affiliation.ts';
import { countryIndex, organizationIndex } from '../../src/utils/entity-index.ts';
import { groupSpeakers } from '../../src/utils/stakeholder-groups.ts';

const speaker = (name: string, fields: Partial<Speaker> = {}): Speaker => ({
  id: name,
  name,
  group: 'other',
  attribution: name,
  attributions: [name],
  mentions: [],
  forms: [name],
  places: [],
  ...fields,
});

describe('organizationIndex', () => {
  it('sorts by name and lists a defined acronym under its own letter, pointing to the name', () => {
    const entries = organizationIndex([
      { id: 'ilo', name: 'International Labour Organization', acronym: 'ILO', mentions: ['p1'] },
      { id: 'unicef', name: 'UNICEF', acronym: 'UNICEF', mentions: ['p2'] },
      { id: 'african-union', name: 'African Union', mentions: ['p3'] },
    ]);
    expect(
      entries.map((e) =>
        e.kind === 'see' ? `${e.acronym} → ${e.organization.name}` : e.organization.name,
      ),
    ).toEqual([
      'African Union',
      'ILO → International Labour Organization',
      'International Labour Organization',
      'UNICEF',
    ]);
  });
});

describe('countryIndex', () => {
  it('sorts by common name, accents aside, with the speakers the text places there', () => {
    const entries = countryIndex(
      [
        { code: 'TR', name: 'Türkiye', written: ['Turkey'], mentions: ['p1'] },
        { code: 'TH', name: 'Thailand', written: ['Thailand'], mentions: ['p2'] },
        {
          code: 'TZ',
          name: 'Tanzania',
          written: ['United Republic of Tanzania'],
          mentions: ['p3'],
        },
      ],
      [speaker('Ana Ruiz', { countryCode: 'TR' })],
    );
    expect(entries.map((e) => [e.country.name, e.speakers.map((s) => s.name)])).toEqual([
      ['Tanzania', []],
      ['Thailand', []],
      ['Türkiye', ['Ana Ruiz']],
    ]);
  });
});

describe('affiliationOf', () => {
  it('joins role, organization and country, leaving out what an earlier part already says', () => {
    expect(affiliationOf({ role: 'Executive Director of UNICEF', organization: 'UNICEF' })).toBe(
      'Executive Director of UNICEF',
    );
    expect(
      affiliationOf({ role: 'Mayor', organization: 'City of Clarkston', country: 'USA' }),
    ).toBe('Mayor, City of Clarkston, USA');
    expect(affiliationOf({})).toBe('');
  });
});

describe('groupSpeakers', () => {
  it('groups speakers in the stakeholder groups’ order, keeping their order within a group', () => {
    const groups = groupSpeakers([
      speaker('A', { group: 'civil-society' }),
      speaker('B', { group: 'local-government' }),
      speaker('C', { group: 'civil-society' }),
    ]);
    expect(groups.map((g) => [g.id, g.label, g.speakers.map((s) => s.name)])).toEqual([
      ['group-local-government', 'Local government', ['B']],
      ['group-civil-society', 'Civil society', ['A', 'C']],
    ]);
  });
});
