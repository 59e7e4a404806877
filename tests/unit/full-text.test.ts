import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/schemas/meeting.ts';
import { textRuns } from '../../src/utils/full-text.ts';

const section = (kind: Section['kind'], slug: string, numbers: number[]): Section => ({
  kind,
  slug,
  title: slug,
  shortTitle: slug,
  relatedConclusions: [],
  paragraphs: numbers.map((n) => ({ n, id: `p${n}`, text: `Text ${n}.` })),
});

describe('textRuns', () => {
  const sections = [
    section('overview', 'overview', [1, 2, 5, 8]),
    section('session', 'opening', [3, 4]),
    section('session', 'theme', []),
    section('session', 'closing', [6, 7]),
    section('conclusion', 'data', [9]),
  ];
  const runs = textRuns(sections);

  it('puts every paragraph once in the order of its number', () => {
    expect(runs.flatMap((run) => run.paragraphs.map((p) => p.n))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it('starts a new run where the text moves to another page, and counts where a page resumes', () => {
    expect(runs.map((run) => [run.section.slug, run.part])).toEqual([
      ['overview', 1],
      ['opening', 1],
      ['overview', 2],
      ['closing', 1],
      ['overview', 3],
      ['data', 1],
    ]);
    expect(runs.map((run) => run.continued)).toEqual(runs.map((run) => run.part > 1));
  });

  it('gives every run a unique heading id that cannot be taken for a paragraph’s', () => {
    const ids = runs.map((run) => run.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => /^p\d/.test(id))).toEqual([]);
    expect(ids).toContain('introduction-2');
  });
});
