import { describe, expect, it } from 'vitest';
import type { Meeting, Speaker } from '../../src/schemas/meeting.ts';
import { atAGlance, figureContext, MAX_KEY_FIGURES } from '../../src/utils/at-a-glance.ts';

const section = (kind: Meeting['sections'][number]['kind'], slug: string) => ({
  kind,
  slug,
  title: slug,
  shortTitle: slug,
  relatedConclusions: [],
  paragraphs: [],
});
const speaker = (name: string, group: Speaker['group']): Speaker => ({
  id: name,
  name,
  group,
  attribution: name,
  attributions: [name],
  mentions: [],
  forms: [name],
  places: [],
});
const figure = (text: string, participation = false) => ({
  text,
  value: 1,
  unit: 'x',
  participation,
  sentence: `We saw ${text} there.`,
  paragraph: 'p1',
});

describe('atAGlance', () => {
  const meeting: Meeting = {
    slug: 'm',
    title: 'M',
    source: 'm.txt',
    sections: [
      section('overview', 'overview'),
      section('session', 'a'),
      section('session', 'b'),
      section('conclusion', 'c'),
      section('outcome', 'o'),
    ],
    speakers: [speaker('A', 'government'), speaker('B', 'un-system'), speaker('C', 'government')],
    organizations: [{ id: 'o', name: 'O', mentions: [] }],
    countries: [],
    figures: [
      figure('47 speakers', true),
      ...Array.from({ length: 10 }, (_, i) => figure(`${i + 1} projects`)),
    ],
  };

  it('counts sessions, key conclusions, speakers, countries and organizations from the model', () => {
    const glance = atAGlance(meeting);
    expect([
      glance.sessions,
      glance.conclusions,
      glance.speakers,
      glance.countries,
      glance.organizations,
    ]).toEqual([2, 1, 3, 0, 1]);
  });

  it('keeps participation figures apart and shows at most eight key figures in reading order', () => {
    const glance = atAGlance(meeting);
    expect(glance.participation.map((f) => f.text)).toEqual(['47 speakers']);
    expect(glance.keyFigures).toHaveLength(MAX_KEY_FIGURES);
    expect(glance.keyFigures[0]?.text).toBe('1 projects');
    expect(glance.figureCount).toBe(10);
  });

  it('counts speakers per stakeholder group in the groups’ order, leaving out empty groups', () => {
    expect(atAGlance(meeting).groups.map((g) => [g.label, g.count])).toEqual([
      ['UN system', 1],
      ['Government', 2],
    ]);
  });
});

describe('figureContext', () => {
  it('keeps a short sentence whole around the figure', () => {
    expect(
      figureContext({
        text: '92 per cent',
        sentence: 'Of all children, 92 per cent are enrolled.',
      }),
    ).toEqual({ before: 'Of all children, ', figure: '92 per cent', after: ' are enrolled.' });
  });

  it('cuts a long sentence at word boundaries with ellipses, keeping the figure', () => {
    const sentence = `${'word '.repeat(40)}then 50 million children moved, ${'and more '.repeat(30)}end.`;
    const { before, figure, after } = figureContext({ text: '50 million children', sentence }, 80);
    expect(figure).toBe('50 million children');
    expect(before.startsWith('…')).toBe(true);
    expect(after.endsWith('…')).toBe(true);
    expect(before.length + figure.length + after.length).toBeLessThanOrEqual(82);
    expect(sentence).toContain(before.slice(1));
    expect(after).not.toMatch(/[,;:\s]…$/);
  });

  it('shows the figure alone when its sentence does not hold it as written', () => {
    expect(figureContext({ text: '2 years', sentence: 'For two years.' })).toEqual({
      before: '',
      figure: '2 years',
      after: '',
    });
  });
});
