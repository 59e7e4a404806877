import { describe, expect, it } from 'vitest';
import {
  announcesConclusions,
  findEnumeratedItems,
  findNamedSession,
  opensWithThesis,
} from '../../scripts/lib/cues.ts';

describe('findNamedSession', () => {
  it('reads the quoted title of a session announced in the first sentence', () => {
    expect(
      findNamedSession(
        'The next session, "Rivers and roads: a shared future," was moderated by the Chair. It went well.',
      ),
    ).toBe('Rivers and roads: a shared future');
    expect(
      findNamedSession(
        'The high-level panel, “Water at the crossroads”, was chaired by a minister.',
      ),
    ).toBe('Water at the crossroads');
  });

  it('ignores a quotation that does not name a session', () => {
    expect(
      findNamedSession('This session was dedicated to the theme “Cities for all”.'),
    ).toBeUndefined();
  });
});

describe('findEnumeratedItems', () => {
  it('lists the items of an enumerated programme', () => {
    const text =
      'The meeting then held five sessions on these topics: (1) water and data; (2) finance; (3) rural access to services; (4) cities, and towns; and (5) health. Each was lively.';
    expect(findEnumeratedItems(text)).toEqual([
      'water and data',
      'finance',
      'rural access to services',
      'cities, and towns',
      'health',
    ]);
  });

  it('ignores an enumerated list that is not a programme of sessions', () => {
    expect(
      findEnumeratedItems(
        'An alliance for children would include: (1) safe laws; (2) no detention; and (3) better data.',
      ),
    ).toBeUndefined();
  });

  it('needs at least three items in sequence', () => {
    expect(findEnumeratedItems('Two sessions: (1) one; and (2) two.')).toBeUndefined();
  });
});

describe('opensWithThesis', () => {
  it.each([
    'Effective policymaking needs data and analysis. Right now, more needs to be done.',
    'Partnerships across sectors, from cities to regions, are critical to achieve the Sustainable Development Goals. Speakers agreed.',
  ])('recognizes a general thesis: %s', (text) => {
    expect(opensWithThesis(text)).toBe(true);
  });

  it.each([
    'Jane Doe, Minister of Water of Ruritania, described her plans.',
    'Others emphasized cooperation between local communities and states.',
    'In the same vein, Dr Ana Ruiz explained her work.',
    'Another example was described by the deputy minister.',
  ])('treats attributions and connectives as evidence: %s', (text) => {
    expect(opensWithThesis(text)).toBe(false);
  });
});

describe('announcesConclusions', () => {
  it.each([
    'Drawing from the comments above, the main conclusions and key areas of convergence are summarized below.',
    'The key messages that emerged from the deliberations are set out below.',
    'The following main points were agreed: see the list that follows.',
  ])('finds the marker sentence: %s', (text) => {
    expect(announcesConclusions(text)).toBe(true);
  });

  it('ignores a long paragraph that merely mentions conclusions', () => {
    expect(
      announcesConclusions(
        'She drew conclusions. Then she left. The next speaker followed below the stage. It rained.',
      ),
    ).toBe(false);
  });
});
