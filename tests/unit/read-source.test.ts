import { describe, expect, it } from 'vitest';
import { SourceError } from '../../scripts/lib/errors.ts';
import { readSource } from '../../scripts/lib/read-source.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readSource', () => {
  it('refuses an empty file, naming it', () => {
    expect(() => readSource(new Uint8Array(), 'a.txt')).toThrow(/empty/);
    try {
      readSource(new Uint8Array(), 'a.txt');
    } catch (error) {
      expect(error).toBeInstanceOf(SourceError);
      expect((error as SourceError).file).toBe('a.txt');
    }
  });

  it('refuses a file of white space only', () => {
    expect(() => readSource(bytes(' \n\t\r\n \f '), 'w.txt')).toThrow(/only white space/);
  });

  it('refuses binary input', () => {
    expect(() =>
      readSource(
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
        'x.png',
      ),
    ).toThrow(/binary/);
  });

  it('strips a UTF-8 byte-order mark', () => {
    expect(readSource(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('Title')]), 'b.txt')).toBe(
      'Title',
    );
  });

  it('turns CRLF and lone CR line ends into LF', () => {
    expect(readSource(bytes('one\r\ntwo\rthree\n'), 'c.txt')).toBe('one\ntwo\nthree\n');
  });

  it('keeps a form feed as a line of its own', () => {
    expect(readSource(bytes('page one\fpage two'), 'f.txt')).toBe('page one\n\f\npage two');
  });

  it('transcodes Windows-1252 text without mojibake', () => {
    const latin = new Uint8Array([
      ...bytes('S'),
      0xe3,
      ...bytes('o Paulo '),
      0x96,
      ...bytes(' caf'),
      0xe9,
    ]);
    expect(readSource(latin, 'l.txt')).toBe('São Paulo – café');
  });

  it('refuses 8-bit text that is not Windows-1252 rather than guess', () => {
    expect(() => readSource(new Uint8Array([...bytes('abc '), 0x81, 0x8d]), 'k.txt')).toThrow(
      /neither UTF-8 nor Windows-1252/,
    );
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from('Zoë').flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(readSource(utf16, 'u.txt')).toBe('Zoë');
  });
});

describe('readSource on damaged UTF-8 (issue 9, §4)', () => {
  it('refuses UTF-8 with one invalid byte at its line and column, rather than decode it all as Windows-1252', () => {
    const damaged = new Uint8Array([
      ...bytes('Café in São Paulo\nsecond line: na'),
      0xff,
      ...bytes('ve, déjà vu\n'),
    ]);
    expect(() => readSource(damaged, 'd.txt')).toThrow(SourceError);
    try {
      readSource(damaged, 'd.txt');
    } catch (error) {
      expect((error as SourceError).line).toBe(2);
      expect((error as SourceError).message).toBe(
        'byte 0xff at column 16 is not valid UTF-8 (1 such byte in the file)',
      );
    }
  });

  it('counts columns in characters, not bytes', () => {
    const damaged = new Uint8Array([...bytes('éé'), 0xc3, ...bytes(' é\n')]);
    expect(() => readSource(damaged, 'd.txt')).toThrow(/column 3 is not valid UTF-8/);
  });

  it('still reads Latin-1 text that has no UTF-8 sequence at all', () => {
    expect(readSource(new Uint8Array([...bytes('S'), 0xe3, ...bytes('o Paulo')]), 'l.txt')).toBe(
      'São Paulo',
    );
  });

  it('refuses an overlong or surrogate encoding as damaged, not as text', () => {
    expect(() =>
      readSource(new Uint8Array([...bytes('déjà vu, café, naïve '), 0xed, 0xa0, 0x80]), 's.txt'),
    ).toThrow(/not valid UTF-8/);
  });
});
