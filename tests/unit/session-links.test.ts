import { describe, expect, it } from 'vitest';
import {
  documentNumber,
  findSessionReferences,
  linkSessions,
  numberValue,
  paragraphsOnTheme,
  sessionsByNumber,
} from '../../scripts/lib/session-links.ts';
import type { Section } from '../../src/schemas/meeting.ts';

const session = (slug: string, title: string, extra: Partial<Section> = {}): Section => ({
  kind: 'session',
  role: 'named',
  slug,
  title,
  shortTitle: title,
  relatedConclusions: [],
  paragraphs: [],
  ...extra,
});
const paragraph = (id: string, text: string) => ({ id, text });

describe('documentNumber', () => {
  it('takes the number a heading gives its session, in words, digits or Roman numerals', () => {
    expect(documentNumber(session('a', 'SESSION ONE: OPENING SESSION'))).toBe(1);
    expect(documentNumber(session('b', 'Session 4: Proposed actions'))).toBe(4);
    expect(documentNumber(session('c', 'SESSION III'))).toBe(3);
  });

  it('falls back on the place of a thematic session in the programme', () => {
    expect(
      documentNumber(session('t', 'Local utilities', { role: 'thematic', programmeNumber: 2 })),
    ).toBe(2);
  });

  it('numbers nothing the document does not number', () => {
    expect(documentNumber(session('o', 'Opening session', { role: 'opening' }))).toBeUndefined();
    expect(documentNumber(session('s', 'Sessional arrangements'))).toBeUndefined();
  });
});

describe('sessionsByNumber', () => {
  it('prefers the numbers of headings over the programme list', () => {
    const numbered = sessionsByNumber([
      session('one', 'SESSION ONE: OPENING'),
      session('theme', 'Water', { role: 'thematic', programmeNumber: 1 }),
    ]);
    expect(numbered.get(1)).toBe('one');
  });

  it('leaves a number two sessions share unresolved', () => {
    expect(
      sessionsByNumber([session('a', 'Session 1: Water'), session('b', 'Session 1: Soil')]).has(1),
    ).toBe(false);
  });
});

describe('findSessionReferences', () => {
  const numbered = new Map([
    [1, 'data'],
    [3, 'finance'],
  ]);

  it('finds "Session 1" where the text names it, with its place and wording', () => {
    const text = 'Right now, more is needed. Session 1 explicitly addressed how to share data.';
    expect(findSessionReferences(paragraph('p20', text), numbered)).toEqual([
      { paragraph: 'p20', start: 27, text: 'Session 1', session: 'data' },
    ]);
  });

  it('reads numbers as words, Roman numerals and ordinals', () => {
    const text =
      'Session three heard experts; panel I followed; the third session addressed finance.';
    expect(
      findSessionReferences(paragraph('p1', text), numbered).map((r) => [r.text, r.session]),
    ).toEqual([
      ['Session three', 'finance'],
      ['panel I', 'data'],
      ['the third session', 'finance'],
    ]);
  });

  it('ignores sessions of other bodies and numbers the document does not give', () => {
    const text =
      'The first session of the COP met; at its third session, the body agreed. Session 2 closed. Session 10 ended.';
    expect(findSessionReferences(paragraph('p1', text), numbered)).toEqual([]);
  });

  it('ignores a year after the word and a reference of a session to itself', () => {
    expect(
      findSessionReferences(
        paragraph('p1', 'Session 2018 began. Session 1 then split.'),
        numbered,
        'data',
      ),
    ).toEqual([]);
  });

  it('records references whose text is exactly the slice of the paragraph it points at', () => {
    const words = [
      'Session 1',
      'session 3',
      'the first panel',
      'Panel III',
      'water',
      'Session',
      '1',
      'the',
      'of',
      'its',
      '.',
    ];
    // Every ordered pair and triple of these pieces: references at the start, the end and between words.
    const texts = words.flatMap((a) => words.flatMap((b) => words.map((c) => `${a} ${b} ${c}`)));
    for (const text of texts) {
      for (const reference of findSessionReferences(paragraph('p1', text), numbered)) {
        expect(text.slice(reference.start, reference.start + reference.text.length)).toBe(
          reference.text,
        );
        expect(['data', 'finance']).toContain(reference.session);
      }
    }
    expect(findSessionReferences(paragraph('p1', 'water Session 1 of'), numbered)).toHaveLength(1);
  });
});

describe('numberValue', () => {
  it('reads digits, words, ordinals and Roman numerals alike', () => {
    expect(['7', 'seven', 'seventh', 'VII'].map(numberValue)).toEqual([7, 7, 7, 7]);
    expect(numberValue('many')).toBeUndefined();
  });
});

describe('paragraphsOnTheme', () => {
  const paragraphs = [
    paragraph('p1', 'Forced labour must end. Partnerships matter.'),
    paragraph('p2', 'Trafficking and modern slavery persist in supply chains; forced labour too.'),
    paragraph('p3', 'Cities cooperate on housing.'),
  ];
  const even = () => 1;

  it('quotes the paragraphs that share most of the theme’s words', () => {
    expect(
      paragraphsOnTheme(
        { title: 'Eliminating forced labour, modern slavery and trafficking' },
        paragraphs,
        even,
      ),
    ).toEqual(['p2']);
  });

  it('quotes a paragraph that names the session by its number before any other', () => {
    const naming = [...paragraphs, paragraph('p4', 'Session 5 explicitly addressed it.')];
    expect(
      paragraphsOnTheme({ title: 'Eliminating forced labour', number: 5 }, naming, even),
    ).toEqual(['p4']);
  });

  it('quotes nothing when no paragraph shares the theme', () => {
    expect(paragraphsOnTheme({ title: 'Outer space' }, paragraphs, even)).toEqual([]);
  });
});

describe('linkSessions', () => {
  it('records the reference on the section holding it and the quoted paragraphs on each relation', () => {
    const sections: Section[] = [
      session('data-theme', 'Working together to make data available', {
        role: 'thematic',
        programmeNumber: 1,
        relatedConclusions: [{ slug: 'data', derived: true, score: 1, reason: 'r' }],
      }),
      {
        kind: 'conclusion',
        slug: 'data',
        title: 'Data',
        shortTitle: 'Data',
        statement: 'Data.',
        relatedConclusions: [],
        paragraphs: [
          { n: 1, id: 'p1', text: 'Data matters. Session 1 explicitly addressed it.' },
          { n: 2, id: 'p2', text: 'Other words.' },
        ],
      },
    ];
    const [theme, conclusion] = linkSessions(sections);
    expect(conclusion!.sessionReferences).toEqual([
      { paragraph: 'p1', start: 14, text: 'Session 1', session: 'data-theme' },
    ]);
    expect(theme!.relatedConclusions[0]!.paragraphs).toEqual(['p1']);
    expect(theme!.sessionReferences).toBeUndefined();
  });
});
