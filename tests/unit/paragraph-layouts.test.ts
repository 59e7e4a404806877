/**
 * Paragraph boundaries as people paste them, and the accounting that makes losing text an
 * error instead of a quieter site. Fixtures are written for these tests, except where noted.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assertAccounted } from '../../scripts/lib/account.ts';
import { formatSourceError, SourceError } from '../../scripts/lib/errors.ts';
import { normalizeText } from '../../scripts/lib/normalize.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';

const BUNDLED = readFileSync('content/sources/idm-2018.txt', 'utf8');
const withoutBlankLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .join('\n');
const shape = (text: string) =>
  parseMeeting(text, 'x.txt', 'idm-2018').meeting.sections.map((s) => [
    s.kind,
    s.slug,
    s.paragraphs.map((p) => p.text),
  ]);

describe('one paragraph per line, no blank lines', () => {
  it('splits the bundled summary saved that way exactly as the original', () => {
    const { meeting, warnings } = parseMeeting(withoutBlankLines(BUNDLED), 'x.txt', 'idm-2018');
    expect(shape(withoutBlankLines(BUNDLED))).toEqual(shape(BUNDLED));
    expect(meeting).toMatchObject({
      title: 'International Dialogue on Migration 2018',
      startDate: '2018-03-26',
      endDate: '2018-03-27',
    });
    expect(warnings).toEqual([]);
  });

  it('keeps joining hard-wrapped lines, and splits where a short line ends a sentence', () => {
    const text = [
      'The delegates met for three days to discuss the management of rivers that cross',
      'borders, and agreed on a plan.',
      'The next day was given to finance.',
      'Speakers from national banks described the loans they make to river authorities',
      'and the guarantees that regional funds can give them in the first years.',
    ].join('\n');
    expect(normalizeText(text).blocks.map((b) => b.lines.length)).toEqual([2, 1, 2]);
  });
});

describe('page-break repair', () => {
  const LONG =
    'This opening paragraph is long enough to count as running text of a summary, and it ends with a full stop.';

  it('never runs a Markdown heading on into its paragraph, however long the heading', () => {
    const heading =
      '## Institutional issues related to a comprehensive compliance system under the protocol and the';
    const { blocks } = normalizeText(
      `${LONG}\n\n${heading}\n\nThe working group considered eligibility.\n`,
    );
    expect(blocks.map((b) => b.text)).toEqual([
      LONG,
      heading,
      'The working group considered eligibility.',
    ]);
  });

  it('never runs a line in capitals on into its paragraph', () => {
    const heading =
      'AFFORESTATION, REFORESTATION AND DEFORESTATION UNDER THE PROTOCOL ARTICLE ON SINKS';
    const { blocks } = normalizeText(
      `${LONG}\n\n${heading}\n\nOn Monday the workshop considered sinks.\n`,
    );
    expect(blocks.map((b) => b.text)).toEqual([
      LONG,
      heading,
      'On Monday the workshop considered sinks.',
    ]);
  });
});

describe('accounting for every character', () => {
  it('fails with one line naming the file and the first line the split did not place', () => {
    const lines = ['Title', '', 'First paragraph.', '', 'Second paragraph.'];
    const placed = [
      { lines: ['Title'], text: 'Title', line: 1 },
      { lines: ['First paragraph.'], text: 'First paragraph.', line: 3 },
    ];
    let error: unknown;
    try {
      assertAccounted('summary.txt', lines, 0, new Set(), placed);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect(formatSourceError(error as SourceError)).toMatch(
      /^error: summary\.txt:5: internal error: .*"Second paragraph\."/,
    );
  });

  it('fails when a paragraph is placed twice', () => {
    const block = { lines: ['Only paragraph.'], text: 'Only paragraph.', line: 1 };
    expect(() =>
      assertAccounted('x.txt', ['Only paragraph.'], 0, new Set(), [block, block]),
    ).toThrow(SourceError);
  });

  it('accepts lines dropped on purpose', () => {
    const block = { lines: ['Text.'], text: 'Text.', line: 1 };
    expect(() =>
      assertAccounted('x.txt', ['Text.', '', '12'], 0, new Set([3]), [block]),
    ).not.toThrow();
  });
});
