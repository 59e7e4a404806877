import { describe, expect, it } from 'vitest';
import { indexConclusions, relateConclusions } from '../../scripts/lib/relate.ts';

const conclusions = indexConclusions([
  {
    slug: 'data',
    statement: 'Policy needs data.',
    paragraphs: ['Policy needs data. Statistics guide decisions on water.'],
  },
  {
    slug: 'labour',
    statement: 'Forced labour must end.',
    paragraphs: ['Forced labour must end. Slavery and trafficking persist in water supply chains.'],
  },
  {
    slug: 'cities',
    statement: 'Cities matter.',
    paragraphs: ['Cities matter. Session 2 explicitly addressed local water utilities.'],
  },
]);

describe('relateConclusions', () => {
  it('relates a session to the conclusion whose paragraph names it, with full confidence', () => {
    const related = relateConclusions(
      { title: 'Local utilities', programmeNumber: 2 },
      conclusions,
    );
    expect(related[0]).toMatchObject({
      slug: 'cities',
      score: 1,
      derived: true,
      reason: 'a paragraph names session 2',
    });
  });

  it('relates a session to the conclusion sharing the rare words of its title', () => {
    const related = relateConclusions(
      { title: 'Eliminating forced labour and modern slavery', programmeNumber: 5 },
      conclusions,
    );
    expect(related.map((r) => r.slug)).toEqual(['labour']);
    expect(related[0]!.reason).toMatch(/“forced”/);
  });

  it('relates nothing when no conclusion shares the theme', () => {
    expect(
      relateConclusions({ title: 'Outer space governance', programmeNumber: 9 }, conclusions),
    ).toEqual([]);
  });
});
