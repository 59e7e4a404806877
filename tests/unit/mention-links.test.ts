import { describe, expect, it } from 'vitest';
import type { MentionPlace, Speaker } from '../../src/schemas/meeting.ts';
import {
  mentionLinks,
  quoteNaming,
  splitAtMentions,
  type MentionLink,
} from '../../src/utils/mention-links.ts';

const speaker = (name: string, places: MentionPlace[]): Speaker => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  group: 'other',
  attribution: name,
  attributions: [name],
  mentions: [...new Set(places.map((place) => place.paragraph))],
  forms: [name],
  places,
});
/** A link at the first occurrence of `form` in `text`. */
const linkAt = (text: string, form: string, name = form): MentionLink => ({
  start: text.indexOf(form),
  end: text.indexOf(form) + form.length,
  name,
  href: `/speakers/${name}/`,
});
const joined = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

describe('splitAtMentions', () => {
  it('links the places it is given and gives the text back unchanged', () => {
    const text = 'Ana Ruiz, Director, said that Dr Ruiz and Li Wei agree. Ruiz added more.';
    const pieces = splitAtMentions(text, [linkAt(text, 'Li Wei'), linkAt(text, 'Ana Ruiz')]);
    expect(joined(pieces)).toBe(text);
    expect(pieces.filter((p) => p.target).map((p) => p.text)).toEqual(['Ana Ruiz', 'Li Wei']);
  });

  it('keeps text with characters a regular expression or HTML would read', () => {
    const text = 'A <b>(1+1)</b> & {x} [y] — Ana Ruiz.';
    expect(joined(splitAtMentions(text, [linkAt(text, 'Ana Ruiz')]))).toBe(text);
    expect(splitAtMentions(text, [])).toEqual([{ text }]);
  });

  it('refuses a place that does not fit the text, instead of dropping the link', () => {
    expect(() =>
      splitAtMentions('Short.', [{ start: 2, end: 40, name: 'Ana Ruiz', href: '/x/' }]),
    ).toThrow(/split the source again/);
  });
});

describe('mentionLinks', () => {
  it('links each speaker once per paragraph, at their first place, leaving out speakers without a page', () => {
    const ruiz = speaker('Ana Ruiz', [
      { paragraph: 'p1', start: 0, end: 8 },
      { paragraph: 'p1', start: 30, end: 34 },
      { paragraph: 'p2', start: 5, end: 9 },
    ]);
    const wei = speaker('Li Wei', [{ paragraph: 'p2', start: 0, end: 3 }]);
    const links = mentionLinks([ruiz, wei], (s) =>
      s.name === 'Li Wei' ? undefined : `/speakers/${s.id}/`,
    );
    expect([...links].map(([id, list]) => [id, list.map((l) => [l.start, l.href])])).toEqual([
      ['p1', [[0, '/speakers/ana-ruiz/']]],
      ['p2', [[5, '/speakers/ana-ruiz/']]],
    ]);
  });
});

describe('quoteNaming', () => {
  const target = { name: 'Ana Ruiz', href: '/speakers/ana-ruiz/' };

  it('quotes the sentences that hold a place, marking a gap with an ellipsis, the first place linked', () => {
    const text = 'Ana Ruiz opened. Others spoke. Many agreed. Ruiz closed. Ruiz thanked all.';
    const places = [0, text.indexOf('Ruiz closed'), text.lastIndexOf('Ruiz')].map((start, i) => ({
      start,
      end: start + (i === 0 ? 8 : 4),
    }));
    const pieces = quoteNaming(text, places, target);
    expect(joined(pieces)).toBe('Ana Ruiz opened. … Ruiz closed. Ruiz thanked all.');
    expect(pieces.filter((p) => p.target).map((p) => p.text)).toEqual(['Ana Ruiz']);
  });

  it('quotes the whole paragraph when no sentence holds a place', () => {
    expect(quoteNaming('The Director spoke.', [], target)).toEqual([
      { text: 'The Director spoke.' },
    ]);
  });
});
