import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/schemas/meeting.ts';
import { textRuns, type TextRun } from '../../src/utils/full-text.ts';
import { cutIntoParts, describeParts } from '../../src/utils/full-text-parts.ts';
import { fullTextParts } from '../../src/utils/full-text-weight.ts';

/** A section whose paragraphs n have texts of the given lengths. */
const section = (slug: string, paragraphs: [n: number, length: number][]): Section => ({
  kind: slug === 'overview' ? 'overview' : 'session',
  slug,
  title: slug,
  shortTitle: slug,
  relatedConclusions: [],
  paragraphs: paragraphs.map(([n, length]) => ({ n, id: `p${n}`, text: 'x'.repeat(length) })),
});
/** Weight = characters of text: easy to reason about. */
const weigh = (runs: readonly TextRun[]) =>
  runs.reduce((sum, run) => sum + run.paragraphs.reduce((s, p) => s + p.text.length, 0), 0);
const numbers = (part: TextRun[]) => part.flatMap((run) => run.paragraphs.map((p) => p.n));

describe('cutIntoParts', () => {
  it('keeps text that fits as one part, runs untouched', () => {
    const runs = textRuns([section('overview', [[1, 10]]), section('a', [[2, 10]])]);
    expect(cutIntoParts(runs, { budget: 100, weigh })).toEqual([runs]);
  });

  it('ends a part where a section ends when the next section fits a part of its own', () => {
    const runs = textRuns([
      section('a', [
        [1, 30],
        [2, 30],
      ]),
      section('b', [
        [3, 30],
        [4, 30],
      ]),
    ]);
    const parts = cutIntoParts(runs, { budget: 100, weigh });
    expect(parts.map((part) => part.map((run) => run.section.slug))).toEqual([['a'], ['b']]);
    expect(parts.map(numbers)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('cuts a section too long for one part between paragraphs, and titles the rest as continued', () => {
    const runs = textRuns([
      section('a', [[1, 50]]),
      section('b', [
        [2, 40],
        [3, 40],
        [4, 40],
        [5, 40],
      ]),
    ]);
    const parts = cutIntoParts(runs, { budget: 100, weigh });
    expect(parts.map(numbers)).toEqual([[1, 2], [3, 4], [5]]);
    const b = parts.flat().filter((run) => run.section.slug === 'b');
    expect(b.map((run) => [run.id, run.continued])).toEqual([
      ['session-b', false],
      ['session-b-from-p3', true],
      ['session-b-from-p5', true],
    ]);
  });

  it('gives a paragraph heavier than the budget a part of its own', () => {
    const runs = textRuns([
      section('a', [
        [1, 10],
        [2, 500],
        [3, 10],
      ]),
    ]);
    expect(cutIntoParts(runs, { budget: 100, weigh }).map(numbers)).toEqual([[1], [2], [3]]);
  });

  const sectionsArb = fc
    .array(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 8 }), {
      minLength: 1,
      maxLength: 12,
    })
    .chain((lengths) => {
      const count = lengths.flat().length;
      return fc
        .shuffledSubarray(
          Array.from({ length: count }, (_, i) => i + 1),
          { minLength: count, maxLength: count },
        )
        .map((order) => {
          let next = 0;
          return lengths.map((ls, s) =>
            section(
              s === 0 ? 'overview' : `s${s}`,
              ls.map((length) => [order[next++]!, length]),
            ),
          );
        });
    });

  it('puts every paragraph in exactly one part, in order, each part within budget unless one paragraph alone is heavier', () => {
    fc.assert(
      fc.property(sectionsArb, fc.integer({ min: 50, max: 1000 }), (sections, budget) => {
        const runs = textRuns(sections);
        const parts = cutIntoParts(runs, { budget, weigh });
        const all = runs.flatMap((run) => run.paragraphs.map((p) => p.n));
        expect(parts.flatMap(numbers)).toEqual(all);
        for (const part of parts) {
          expect(part.length).toBeGreaterThan(0);
          if (numbers(part).length > 1) expect(weigh(part)).toBeLessThanOrEqual(budget);
        }
        const ids = parts.flat().map((run) => run.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(cutIntoParts(runs, { budget, weigh })).toEqual(parts);
      }),
      { numRuns: 200 },
    );
  });
});

describe('fullTextParts', () => {
  it('keeps a short meeting on one page', () => {
    const parts = fullTextParts([section('overview', [[1, 2000]]), section('a', [[2, 3000]])]);
    expect(parts).toHaveLength(1);
  });

  it('cuts a long meeting into several parts', () => {
    // Text that gzip cannot shrink much: a long meeting's worth of varied words.
    let seed = 7;
    const word = () => {
      seed = (seed * 48271) % 2147483647;
      return seed.toString(36);
    };
    const sections = Array.from({ length: 20 }, (_, s): Section => ({
      ...section(s === 0 ? 'overview' : `s${s}`, []),
      paragraphs: Array.from({ length: 8 }, (_, i) => ({
        n: s * 8 + i + 1,
        id: `p${s * 8 + i + 1}`,
        text: Array.from({ length: 80 }, word).join(' '),
      })),
    }));
    const parts = fullTextParts(sections);
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.flatMap(numbers)).toEqual(Array.from({ length: 160 }, (_, i) => i + 1));
  });
});

describe('describeParts', () => {
  const runs = textRuns([
    section('overview', [[1, 10]]),
    section('a', [
      [2, 60],
      [3, 60],
    ]),
    section('b', [[4, 10]]),
  ]);
  const parts = describeParts(cutIntoParts(runs, { budget: 100, weigh }), '/m/full/');

  it('puts the first part at the full-text page and the others under it, by number', () => {
    expect(parts.map((part) => [part.n, part.href])).toEqual([
      [1, '/m/full/'],
      [2, '/m/full/2/'],
    ]);
  });

  it('names each part’s ¶ range and the headings to jump to, a continued section by its title', () => {
    expect(parts.map((part) => part.range)).toEqual(['¶ 1–2', '¶ 3–4']);
    expect(parts.map((part) => part.headings)).toEqual([
      [
        { id: 'introduction', title: 'Introduction' },
        { id: 'session-a', title: 'a' },
      ],
      [
        { id: 'session-a-from-p3', title: 'a, continued' },
        { id: 'session-b', title: 'b' },
      ],
    ]);
  });
});
