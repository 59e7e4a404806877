/**
 * Nothing is lost, by construction: over generated summaries — any mix of Markdown and
 * plain-text headings, list items, long and hard-wrapped lines, blank lines or none, and page
 * breaks with page numbers — every paragraph ends up in exactly one page paragraph, in order,
 * and every heading is kept as a title, a part or text. The split's own accounting check runs
 * on every case too: an internal error fails the property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMeeting } from '../../scripts/lib/parse.ts';
import { normalizeLineEnds } from '../../scripts/lib/read-source.ts';
import type { Meeting } from '../../src/schemas/meeting.ts';

const WORDS = [
  'water',
  'cities',
  'data',
  'policy',
  'partners',
  'rivers',
  'finance',
  'energy',
  'soil',
  'climate',
  'the',
  'of',
  'and',
  'for',
  'local',
  'national',
  'review',
  'support',
  'action',
  'plan',
];
const word = fc.constantFrom(...WORDS);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A sentence with a unique marker word, so each paragraph can be found again. */
const sentence = (marker: string) =>
  fc
    .array(word, { minLength: 6, maxLength: 18 })
    .map((words) => `${capital(words.join(' '))} ${marker} ${words.slice(0, 3).join(' ')}.`);

const titleWords = fc.array(
  fc.constantFrom('Water', 'Cities', 'Data', 'Energy', 'Finance', 'Soil', 'Rivers', 'Policy'),
  { minLength: 1, maxLength: 4 },
);

type Element =
  | { kind: 'heading'; text: string; title: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; text: string };

const heading = (markdown: boolean) =>
  fc.oneof(
    titleWords.map((w) => ({ text: w.join(' ').toUpperCase(), title: w.join(' ').toUpperCase() })),
    fc.tuple(fc.integer({ min: 1, max: 9 }), titleWords).map(([n, w]) => ({
      text: `Session ${n}: ${w.join(' ')}`,
      title: `Session ${n}: ${w.join(' ')}`,
    })),
    titleWords.map((w) => ({
      text: `${w.join(' ')} and Action`,
      title: `${w.join(' ')} and Action`,
    })),
    ...(markdown
      ? [
          fc.tuple(fc.integer({ min: 1, max: 4 }), titleWords).map(([level, w]) => ({
            text: `${'#'.repeat(level)} ${w.join(' ')}`,
            title: w.join(' '),
          })),
        ]
      : []),
  );

const documentArb = fc
  .record({
    markdown: fc.boolean(),
    blankLines: fc.boolean(),
    wrap: fc.option(fc.integer({ min: 50, max: 90 }), { nil: undefined }),
    pageBreakEvery: fc.option(fc.integer({ min: 4, max: 12 }), { nil: undefined }),
    shapes: fc.array(fc.constantFrom('heading', 'paragraph', 'paragraph', 'item'), {
      minLength: 3,
      maxLength: 25,
    }),
  })
  .chain((doc) =>
    fc
      .tuple(
        ...doc.shapes.map((shape, i): fc.Arbitrary<Element> => {
          const marker = `marker${i}x`;
          if (shape === 'heading')
            return heading(doc.markdown).map((h) => ({ kind: 'heading' as const, ...h }));
          if (shape === 'item')
            return sentence(marker).map((s) => ({ kind: 'item' as const, text: `- ${s}` }));
          return fc
            .array(sentence(marker), { minLength: 1, maxLength: 3 })
            .map((s) => ({ kind: 'paragraph' as const, text: s.join(' ') }));
        }),
      )
      .map((elements) => ({ ...doc, elements })),
  );

function wrapLines(text: string, width: number | undefined): string[] {
  if (!width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + w.length + 1 > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...lines, line];
}

const LEAD =
  'The meeting on rivers and cities gathered partners from local and national governments, and this lead paragraph is long enough to count as running text.';

function render(doc: {
  blankLines: boolean;
  wrap: number | undefined;
  pageBreakEvery: number | undefined;
  elements: Element[];
}): string {
  const lines = ['Forum on Rivers and Cities 2030', '', LEAD, ''];
  let page = 1;
  let sinceBreak = 0;
  for (const element of doc.elements) {
    const body = element.kind === 'heading' ? [element.text] : wrapLines(element.text, doc.wrap);
    for (const line of body) {
      lines.push(line);
      if (doc.pageBreakEvery && ++sinceBreak >= doc.pageBreakEvery) {
        lines.push('', String(page++), '\f', '');
        sinceBreak = 0;
      }
    }
    if (doc.blankLines) lines.push('');
  }
  return normalizeLineEnds(`${lines.join('\n')}\n`);
}

const fold = (text: string) => text.replace(/\s+/g, '');

function pageParagraphs(meeting: Meeting): string[] {
  return meeting.sections
    .flatMap((s) => s.paragraphs)
    .sort((a, b) => a.n - b.n)
    .map((p) => fold(p.text));
}

function headingTexts(meeting: Meeting): string[] {
  return meeting.sections
    .flatMap((s) => [
      s.title,
      ...(s.parts ?? []).map((p) => p.title),
      ...(s.under ? [s.under] : []),
    ])
    .map(fold);
}

describe('the split keeps every paragraph and heading of generated summaries', () => {
  it('holds all text once and in order: paragraphs in page paragraphs, headings as titles, parts or text', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const { meeting } = parseMeeting(render(doc), 'generated.txt', 'generated');
        // The page paragraphs in reading order, as one stream the generated text must spell out.
        const paragraphs = pageParagraphs(meeting);
        const stream = paragraphs.join('');
        const headings = headingTexts(meeting);
        let at = fold(LEAD).length;
        expect(stream.startsWith(fold(LEAD))).toBe(true);
        for (const element of doc.elements) {
          const wanted = fold(element.text);
          if (stream.startsWith(wanted, at)) {
            at += wanted.length;
            // With blank lines around it, a heading is never run into a paragraph.
            if (element.kind === 'heading' && doc.blankLines)
              expect(paragraphs, `"${element.text}" stands alone`).toContain(wanted);
            continue;
          }
          expect(element.kind, `"${element.text.slice(0, 50)}" is next in the page text`).toBe(
            'heading',
          );
          expect(headings, `heading "${element.text}" is kept`).toContain(
            fold(element.kind === 'heading' ? element.title : ''),
          );
        }
        expect(at, 'no page text is left over or repeated').toBe(stream.length);
      }),
      { numRuns: 100 },
    );
  });
});
