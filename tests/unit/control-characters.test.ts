/**
 * Control characters (issue 9, §4): a stray C1 control in body text is white space, counted and
 * never lost; nothing printed to a terminal carries a control character.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSourceError, SourceError } from '../../scripts/lib/errors.ts';
import { normalizeText } from '../../scripts/lib/normalize.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';
import { printable } from '../../scripts/lib/printable.ts';
import { formatSplitSummary } from '../../scripts/lib/summary.ts';

const BUNDLED = readFileSync('content/sources/idm-2018.txt', 'utf8');

describe('stray control characters in body text', () => {
  it('reads U+0085 as a space, counts it, and keeps the words on both sides', () => {
    const { blocks, report } = normalizeText(
      'Migration data\u0085matters to policy\u0085\u0086and to people.',
    );
    expect(blocks.map((b) => b.text)).toEqual(['Migration data matters to policy  and to people.']);
    expect(report.controlsAsSpaces).toBe(3);
  });

  it('splits a summary holding U+0085 with exit 0 and says how many it read as spaces', () => {
    const text = BUNDLED.replace('. ', '.\u0085 ');
    const parsed = parseMeeting(text, 'x.txt', 'x');
    expect(parsed.report.controlsAsSpaces).toBe(1);
    expect(formatSplitSummary([parsed], 1)).toMatch(/control characters read as spaces: 1/);
  });

  it('keeps form feeds as page breaks and tabs as they were', () => {
    expect(normalizeText('a\tb').report.controlsAsSpaces).toBe(0);
    expect(normalizeText('page one\n\f\npage two').report.controlsAsSpaces).toBe(0);
  });
});

describe('what Readout prints', () => {
  it('strips terminal escape sequences from a title in the split summary', () => {
    const parsed = parseMeeting(BUNDLED, 'x.txt', 'x');
    parsed.meeting.title = 'Title\u001b[2J\u001b]0;owned\u0007 end';
    const summary = formatSplitSummary([parsed], 1);
    expect(summary).not.toMatch(/\p{Cc}(?<!\n)/u);
    expect(summary).toContain('Title?[2J?]0;owned? end');
  });

  it('keeps an error on one line when the file name holds a line break or an escape', () => {
    const line = formatSourceError(new SourceError('a\n\u001b[31mb.txt', 'problem', 'fix', 3));
    expect(line).toBe('error: a ?[31mb.txt:3: problem — fix');
  });

  it('shows bidirectional overrides as ?, so a name cannot reorder what the terminal shows', () => {
    expect(printable('abc\u202edef')).toBe('abc?def');
  });
});
