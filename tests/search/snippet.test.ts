import { describe, expect, it } from 'vitest';
import { afterTitle, snippetHtml } from '../../src/client/search/snippet.ts';

const THESIS = 'More needs to be done on forced labour.';
/** A conclusion page's indexed text: its heading (the thesis), then ¶ 1 opening with the thesis. */
const page =
  `${THESIS} ${THESIS} Although this is addressed, abuse <persists> & needs eradicating. Polaris, an NGO, shared 50,000 records.`.split(
    /\s+/,
  );

describe('snippetHtml', () => {
  it('leaves out every leading repetition of the thesis the result is titled with', () => {
    const html = snippetHtml(page, { start: 0, end: page.length }, new Set([25]), THESIS);
    expect(html.startsWith('Although this')).toBe(true);
    expect(html).not.toContain('forced');
  });

  it('marks the hits without their punctuation, and escapes the text', () => {
    const html = snippetHtml(page, { start: 0, end: page.length }, new Set([25]), THESIS);
    expect(html).toContain('<mark>Polaris</mark>,');
    expect(html).toContain('&#60;persists&#62; &#38;');
  });

  it('cuts a window around the most hits and says where it cut', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const html = snippetHtml(words, { start: 0, end: 100 }, new Set([60, 62]), '', 10);
    expect(html).toBe('… w56 w57 w58 w59 <mark>w60</mark> w61 <mark>w62</mark> w63 w64 w65 …');
  });

  it('keeps to the paragraph it is given', () => {
    const words = 'a b c d e f g h'.split(' ');
    expect(snippetHtml(words, { start: 2, end: 5 }, new Set([3]))).toBe('c <mark>d</mark> e');
  });

  it('is empty when the page holds nothing but its title', () => {
    expect(
      snippetHtml(
        'Opening session'.split(' '),
        { start: 0, end: 2 },
        new Set([0]),
        'Opening session',
      ),
    ).toBe('');
  });
});

describe('afterTitle', () => {
  it('ignores case and punctuation when matching the title', () => {
    expect(
      afterTitle(['much', 'More,', 'done.', 'Next'], { start: 0, end: 4 }, 'Much more done'),
    ).toBe(3);
  });

  it('leaves a range that does not open with the title alone', () => {
    expect(afterTitle(['Next', 'words'], { start: 0, end: 2 }, 'Much more')).toBe(0);
  });
});
