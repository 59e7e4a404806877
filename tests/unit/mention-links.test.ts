import { describe, expect, it } from 'vitest';
import type { Speaker } from '../../src/schemas/meeting.ts';
import { mentionTargets, quoteNaming, sentencesOf, shortForms, splitAtMentions, type MentionTarget } from '../../src/utils/mention-links.ts';

const speaker = (name: string, mentions: string[] = ['p1']): Speaker => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  group: 'other',
  attribution: name,
  attributions: [name],
  mentions,
});
const target = (name: string, forms: string[] = [name]): MentionTarget => ({ name, forms, href: `/speakers/${name}/` });
const joined = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

describe('shortForms', () => {
  it('offers the surname and, for longer names, the last two words', () => {
    expect(shortForms([speaker('Ana María Ruiz'), speaker('Li Wei')])).toEqual(
      new Map([
        ['ana-mar-a-ruiz', ['María Ruiz', 'Ruiz']],
        ['li-wei', ['Wei']],
      ]),
    );
  });

  it('drops a short form two speakers share, and lowercase particles', () => {
    const forms = shortForms([speaker('Ana Ruiz'), speaker('Pedro Ruiz'), speaker('José da Silva')]);
    expect(forms.get('ana-ruiz')).toEqual([]);
    expect(forms.get('jos-da-silva')).toEqual(['Silva']);
  });
});

describe('splitAtMentions', () => {
  it('links the first mention of each speaker and gives the text back unchanged', () => {
    const text = 'Ana Ruiz, Director, said that Dr Ruiz and Li Wei agree. Ruiz added more.';
    const pieces = splitAtMentions(text, [target('Ana Ruiz', ['Ana Ruiz', 'Ruiz']), target('Li Wei')]);
    expect(joined(pieces)).toBe(text);
    expect(pieces.filter((p) => p.target).map((p) => p.text)).toEqual(['Ana Ruiz', 'Li Wei']);
  });

  it('links a later short form when the full name is not in the paragraph', () => {
    const pieces = splitAtMentions('In closing, Director General Ruiz thanked all.', [target('Ana Ruiz', ['Ana Ruiz', 'Ruiz'])]);
    expect(pieces.map((p) => [p.text, Boolean(p.target)])).toEqual([
      ['In closing, Director General ', false],
      ['Ruiz', true],
      [' thanked all.', false],
    ]);
  });

  it('matches whole words only', () => {
    expect(splitAtMentions('Ruizes and Ruiz-Lopez are not Ruiz.', [target('Ana Ruiz', ['Ruiz'])]).filter((p) => p.target).map((p) => p.text)).toEqual(['Ruiz']);
  });

  it('keeps text with characters a regular expression or HTML would read', () => {
    const text = 'A <b>(1+1)</b> & {x} [y] — Ana Ruiz.';
    expect(joined(splitAtMentions(text, [target('Ana Ruiz')]))).toBe(text);
    expect(splitAtMentions(text, [])).toEqual([{ text }]);
  });
});

describe('mentionTargets', () => {
  it('lists each paragraph’s speakers with their page, leaving out speakers without one', () => {
    const targets = mentionTargets([speaker('Ana Ruiz', ['p1', 'p2']), speaker('Li Wei', ['p2'])], (s) => (s.name === 'Li Wei' ? undefined : `/speakers/${s.id}/`));
    expect([...targets].map(([id, list]) => [id, list.map((t) => t.href)])).toEqual([
      ['p1', ['/speakers/ana-ruiz/']],
      ['p2', ['/speakers/ana-ruiz/']],
    ]);
  });
});

describe('sentencesOf', () => {
  it('splits at sentence ends but not after an honorific or an initial', () => {
    expect(sentencesOf('Dr. Ruiz spoke. J. Smith agreed! Then “we” left.')).toEqual(['Dr. Ruiz spoke.', 'J. Smith agreed!', 'Then “we” left.']);
  });
});

describe('quoteNaming', () => {
  it('quotes the sentences that name the speaker, marking a gap with an ellipsis', () => {
    const text = 'Ana Ruiz opened. Others spoke. Many agreed. Ruiz closed. Ruiz thanked all.';
    expect(quoteNaming(text, target('Ana Ruiz', ['Ana Ruiz', 'Ruiz']))).toBe('Ana Ruiz opened. … Ruiz closed. Ruiz thanked all.');
  });

  it('quotes the whole paragraph when no sentence names the speaker by these forms', () => {
    expect(quoteNaming('The Director spoke.', target('Ana Ruiz'))).toBe('The Director spoke.');
  });
});
