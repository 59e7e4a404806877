import { describe, expect, it } from 'vitest';
import { joinWrappedLines, normalizeText } from '../../scripts/lib/normalize.ts';
import { normalizeLineEnds } from '../../scripts/lib/read-source.ts';

const LONG =
  'This opening paragraph is long enough to count as running text of a summary, and like every sentence in it, it ends with a full stop.';

describe('normalizeText', () => {
  it('repairs a paragraph split by a page break before a lowercase word', () => {
    const { blocks, report } = normalizeText(
      `${LONG}\n\nThere was a consensus\n\nthat partnerships work.\n`,
    );
    expect(blocks.map((b) => b.text)).toEqual([
      LONG,
      'There was a consensus that partnerships work.',
    ]);
    expect(report.pageBreaksRepaired).toBe(1);
  });

  it('repairs a split that continues with a capitalized name', () => {
    const { blocks } = normalizeText(
      `${LONG}\n\nHe hailed four joint initiatives, among them, the\n\nInternational Forum on Statistics.\n`,
    );
    expect(blocks.at(-1)!.text).toBe(
      'He hailed four joint initiatives, among them, the International Forum on Statistics.',
    );
  });

  it('leaves a heading on its own', () => {
    const { blocks, report } = normalizeText(`${LONG}\n\nConclusion\n\nThe meeting ended.\n`);
    expect(blocks.map((b) => b.text)).toEqual([LONG, 'Conclusion', 'The meeting ended.']);
    expect(report.pageBreaksRepaired).toBe(0);
  });

  it('drops page numbers and running headers that PDF tools leave, and rejoins the sentence', () => {
    const page = (n: number, body: string) => `Forum 2020 – Summary\n\n${body}\n\n${n}\n`;
    const text = normalizeLineEnds(
      [
        page(1, `${LONG}\n\nThe second paragraph runs over the`),
        page(2, 'page break and ends here.'),
        page(3, 'A last paragraph.'),
      ].join('\f'),
    );
    const { blocks, report } = normalizeText(text);
    expect(blocks.map((b) => b.text)).toEqual([
      'Forum 2020 – Summary',
      LONG,
      'The second paragraph runs over the page break and ends here.',
      'A last paragraph.',
    ]);
    expect(report.pageNumbersDropped).toBe(3);
    expect(report.runningHeadersDropped).toBe(2);
    expect(report.pageBreaksRepaired).toBe(1);
  });

  it('drops a running header that starts on page 2, with the form feed on its own line', () => {
    const text = [
      LONG,
      'Delegates from the upper basin asked that the dam releases',
      '1',
      '\fRiver Bulletin',
      'be announced a week ahead. Cities along the delta stressed that',
      '2',
      '\fRiver Bulletin',
      'flood maps are out of date.',
    ];
    const { blocks, report } = normalizeText(`${text.join('\n\n')}\n`);
    expect(report).toMatchObject({
      runningHeadersDropped: 2,
      pageNumbersDropped: 2,
      pageBreaksRepaired: 2,
    });
    expect(blocks.map((b) => b.text).join(' ')).not.toContain('River Bulletin');
  });

  it('keeps a short line that recurs in the text when it stands alone at the top of a page', () => {
    // Found by the nothing-lost property: "water." ends several wrapped paragraphs.
    const text = `${LONG}\n\nPartners met on water\nwater.\nCities spoke of water\nwater.\nNational water policies need\n\n1\n\n\f\n\nwater.\n`;
    const { blocks, report } = normalizeText(text);
    expect(report.runningHeadersDropped).toBe(0);
    expect(blocks.at(-1)!.text).toMatch(/need water\.$/);
  });

  it('splits a bulleted list into one block per item, and a numbered one once it has begun', () => {
    const { blocks } = normalizeText(
      `${LONG}\n\nThe forum agreed:\n1. Maps must be shared\nwith villages.\n2. Funds must flow.\n- One bullet\n- Another bullet\n`,
    );
    expect(blocks.slice(1).map((b) => b.text)).toEqual([
      'The forum agreed:',
      '1. Maps must be shared with villages.',
      '2. Funds must flow.',
      '- One bullet',
      '- Another bullet',
    ]);
  });

  it('joins hard-wrapped lines and keeps the line numbers of blocks', () => {
    const { blocks } = normalizeText(`Title\n\n${LONG}\nand a wrapped\nline.\n`);
    expect(blocks[1]).toMatchObject({ text: `${LONG} and a wrapped line.`, line: 3 });
    expect(blocks[0]!.lines).toEqual(['Title']);
  });
});

describe('joinWrappedLines', () => {
  it('keeps a hyphen at a line end and joins without a space', () => {
    expect(joinWrappedLines(['capacity-', 'building matters'])).toBe('capacity-building matters');
  });
});
