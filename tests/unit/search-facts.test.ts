import { describe, expect, it } from 'vitest';
import { searchFacts } from '../../src/components/search/search-facts.ts';
import type { Meeting, Speaker } from '../../src/schemas/meeting.ts';

const speaker = (name: string, group: Speaker['group'], mentions: string[]): Speaker => ({
  id: name,
  name,
  group,
  attribution: name,
  attributions: [name],
  mentions,
  forms: [name],
  places: [],
});
const paragraph = (n: number) => ({ n, id: `p${n}`, text: `Paragraph ${n}.` });
const session = {
  kind: 'session' as const,
  slug: 's',
  title: 'A session',
  shortTitle: 'A session',
  relatedConclusions: [],
  paragraphs: [paragraph(1), paragraph(2)],
};
const meeting: Meeting = {
  slug: 'm',
  title: 'A meeting',
  source: 'm.txt',
  sections: [
    session,
    { ...session, slug: 't', title: 'Other', shortTitle: 'Other', paragraphs: [paragraph(3)] },
  ],
  speakers: [
    speaker('Ana Ruiz', 'government', ['p1']),
    speaker('Li Wei', 'government', ['p2', 'p3']),
    speaker('Jo Park', 'academia', ['p3']),
  ],
  organizations: [
    { id: 'ilo', name: 'International Labour Organization', acronym: 'ILO', mentions: ['p2'] },
    { id: 'unicef', name: 'UNICEF', acronym: 'UNICEF', mentions: ['p1'] },
    { id: 'who', name: 'World Health Organization', mentions: ['p3'] },
  ],
  countries: [{ code: 'MD', name: 'Moldova', written: ['Republic of Moldova'], mentions: ['p1'] }],
  figures: [],
};

describe('searchFacts', () => {
  it('filters a page by the speakers, groups, organizations and countries its paragraphs name', () => {
    const facts = searchFacts(meeting, session);
    expect(facts.speakers).toEqual(['Ana Ruiz', 'Li Wei']);
    expect(facts.groups).toEqual(['Government']);
    expect(facts.organizations).toEqual(['International Labour Organization (ILO)', 'UNICEF']);
    expect(facts.countries).toEqual(['Moldova']);
  });

  it('gives a meeting whose text names no one no entity filters', () => {
    const bare = { ...meeting, speakers: [], organizations: [], countries: [], figures: [] };
    expect(searchFacts(bare, session)).toMatchObject({
      speakers: [],
      groups: [],
      organizations: [],
      countries: [],
    });
  });
});
