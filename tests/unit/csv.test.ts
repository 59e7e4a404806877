import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/utils/csv.ts';

describe('csvCell', () => {
  it('quotes cells holding commas, quotes or line breaks', () => {
    expect(csvCell('Director, ILO')).toBe('"Director, ILO"');
    expect(csvCell('the "Partnership"')).toBe('"the ""Partnership"""');
  });

  it('keeps a leading formula character as text', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
  });
});

describe('toCsv', () => {
  it('writes a header and CRLF-terminated rows', () => {
    expect(toCsv(['a', 'b'], [[1, undefined]])).toBe('a,b\r\n1,\r\n');
  });
});
