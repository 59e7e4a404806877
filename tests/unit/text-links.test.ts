import { describe, expect, it } from 'vitest';
import { splitAtMentions } from '../../src/utils/mention-links.ts';
import { linkReferences, sessionLinks } from '../../src/utils/text-links.ts';

const text = 'Dr Ruiz spoke. Session 1 explicitly addressed data, as Session 3 did.';
const ruiz = { start: 0, end: 7, name: 'Ana Ruiz', href: '/speakers/ana-ruiz/' };
const joined = (pieces: { text: string }[]) => pieces.map((p) => p.text).join('');

describe('linkReferences', () => {
  it('links each session reference and keeps the mention links, the text unchanged', () => {
    const pieces = linkReferences(splitAtMentions(text, [ruiz]), [
      { start: 15, text: 'Session 1', href: '/m/sessions/data/' },
      { start: 55, text: 'Session 3', href: '/m/sessions/cities/' },
    ]);
    expect(joined(pieces)).toBe(text);
    expect(pieces.filter((p) => p.link).map((p) => [p.text, p.link!.kind, p.link!.href])).toEqual([
      ['Dr Ruiz', 'mention', '/speakers/ana-ruiz/'],
      ['Session 1', 'session', '/m/sessions/data/'],
      ['Session 3', 'session', '/m/sessions/cities/'],
    ]);
  });

  it('leaves a reference unlinked when the text no longer holds it where the model says', () => {
    const pieces = linkReferences(splitAtMentions(text, []), [
      { start: 16, text: 'Session 1', href: '/x/' },
    ]);
    expect(pieces).toEqual([{ text }]);
  });

  it('never links inside a mention', () => {
    const pieces = linkReferences(splitAtMentions(text, [ruiz]), [
      { start: 0, text: 'Dr', href: '/x/' },
    ]);
    expect(joined(pieces)).toBe(text);
    expect(pieces.filter((p) => p.link?.kind === 'session')).toEqual([]);
  });
});

describe('sessionLinks', () => {
  it('gathers the references of every section by paragraph, each with its session’s page', () => {
    const sections = [
      { sessionReferences: [{ paragraph: 'p20', start: 3, text: 'Session 1', session: 'data' }] },
      {},
    ];
    expect(
      sessionLinks({ sections } as never, (slug) => `/m/sessions/${slug}/`).get('p20'),
    ).toEqual([{ start: 3, text: 'Session 1', href: '/m/sessions/data/' }]);
  });
});
