/**
 * Exports are line-based formats, and source text can hold anything (issue 9, §5): every field
 * of RIS, BibTeX, CSV, JSON-LD stays on one line and escaped for its format, and data.json
 * names the source file without the build machine's folders.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingInfo } from '../../src/schemas/meeting.ts';
import { toBibtex, toRis } from '../../src/utils/citation.ts';
import { csvCell, toCsv } from '../../src/utils/csv.ts';
import { publishedSourceName } from '../../src/utils/format.ts';
import { oneLine } from '../../src/utils/one-line.ts';
import { eventJsonLd, serializeJsonLd } from '../../src/utils/structured-data.ts';

const hostile: MeetingInfo = {
  slug: 'forum',
  title: 'Forum\r\nER  - \r\nTY  - JOUR\r\nTI  - Forged',
  organizer: 'Org}\n@misc{forged,\ntitle={x}',
  venue: 'Geneva\u2028</script><script>alert(1)</script>',
  startDate: '2018-03-26',
  source: '/home/ci/work/secret-project/content/sources/forum.txt',
};

describe('RIS', () => {
  it('keeps a title with CR/LF in it to one TI line, so it cannot forge a second record', () => {
    const ris = toRis(hostile, 'https://example.org/forum/');
    const lines = ris.split('\r\n').slice(0, -1);
    expect(lines.filter((l) => l.startsWith('TY  -'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('ER  -'))).toHaveLength(1);
    expect(lines.at(-1)).toBe('ER  - ');
    expect(lines.every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('BibTeX', () => {
  it('keeps each field on one line with its braces escaped, so no second entry can start', () => {
    const bib = toBibtex(hostile, 'https://example.org/forum/');
    expect(bib.match(/^@/gm)).toHaveLength(1);
    const fields = bib.trimEnd().split('\n').slice(1, -1);
    expect(fields.every((l) => /^ {2}\w+ = \{.*\},?$/.test(l))).toBe(true);
    expect(bib).toContain('Org\\} @misc\\{forged, title=\\{x\\}');
  });
});

describe('CSV', () => {
  it('quotes cells holding ; or , because spreadsheets in many locales split on ;', () => {
    expect(csvCell('Geneva; Switzerland')).toBe('"Geneva; Switzerland"');
    expect(csvCell('Director, ILO')).toBe('"Director, ILO"');
  });

  it('keeps every cell on one line', () => {
    const csv = toCsv(['name', 'role'], [['Ana\r\nBeta', 'Chair\u2028of, the\nboard']]);
    expect(csv.split('\r\n')).toEqual(['name,role', 'Ana Beta,"Chair of, the board"', '']);
  });

  it('still neutralizes a formula hidden behind a line break or tab', () => {
    expect(csvCell('\t=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe('JSON-LD', () => {
  it('writes every text on one line with <, >, & and U+2028 escaped', () => {
    const json = serializeJsonLd([eventJsonLd(hostile, 'https://example.org/forum/')]);
    expect(json).not.toMatch(/[<>&\n\r\u2028\u2029]/);
    const parsed = JSON.parse(json) as { '@graph': { name: string; location: { name: string } }[] };
    expect(parsed['@graph'][0]!.location.name).toBe('Geneva </script><script>alert(1)</script>');
    expect(parsed['@graph'][0]!.name).toBe('Forum ER  - TY  - JOUR TI  - Forged');
  });
});

describe('meta tags and data.json', () => {
  it('puts a title with line breaks and controls on one line', () => {
    expect(oneLine('A\r\n\tB\u0085C\u2028 D')).toBe('A B C D');
  });

  it('publishes the source’s file name, never the build machine’s path', () => {
    expect(publishedSourceName(hostile.source)).toBe('forum.txt');
    expect(publishedSourceName('C:\\ci\\sources\\forum.md')).toBe('forum.md');
    expect(publishedSourceName('forum.txt')).toBe('forum.txt');
  });
});
