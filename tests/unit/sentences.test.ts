import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../scripts/lib/text.ts';
import { sentenceSpans } from '../../src/utils/sentences.ts';

describe('sentenceSpans', () => {
  it('splits at sentence ends but not after an honorific or an initial', () => {
    expect(
      sentenceSpans('Dr. Ruiz spoke. J. Smith agreed! Then “we” left. 2019 was cited.').map(
        (s) => s.text,
      ),
    ).toEqual(['Dr. Ruiz spoke.', 'J. Smith agreed!', 'Then “we” left.', '2019 was cited.']);
  });

  it('gives each sentence its offset in the text, with only space between sentences', () => {
    const piece = fc.constantFrom(
      'Dr.',
      'Ms. Li',
      'J.',
      'spoke.',
      'Agreed!',
      '“Why?”',
      '2019',
      'e.g.',
      ' ',
      '\n',
      'a',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join(' ');
        const spans = sentenceSpans(text);
        let at = 0;
        for (const span of spans) {
          expect(span.text).not.toBe('');
          expect(text.slice(span.start, span.start + span.text.length)).toBe(span.text);
          expect(text.slice(at, span.start).trim()).toBe('');
          at = span.start + span.text.length;
        }
        expect(text.slice(at).trim()).toBe('');
      }),
    );
  });

  it('is the rule the splitter reads sentences with', () => {
    const text =
      'Mr. Ruiz (Spain) opened. Participants agreed… The Chair closed. 3 items remained.';
    expect(splitSentences(text)).toEqual(sentenceSpans(text).map((s) => s.text));
  });
});
