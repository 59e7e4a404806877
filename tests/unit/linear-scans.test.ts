/**
 * The linear-time scans that replaced backtracking regular expressions find exactly what the
 * expressions found: random texts built from the characters that matter are checked against
 * the old expressions, kept here as the reference.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../scripts/bench/corpus.ts';
import { findDefinitions } from '../../scripts/lib/entities/definitions.ts';
import { escapeRegExp, findMentions } from '../../scripts/lib/entities/mentions.ts';
import { findOrganizations } from '../../scripts/lib/entities/organizations.ts';
import { findAttributions } from '../../scripts/lib/entities/speakers.ts';
import { splitSentences, textBefore } from '../../scripts/lib/text.ts';

const WORD = String.raw`(?:\p{Lu}[\p{L}'’\-/&]*|of|for|and|the|on|to|in|de|du|des|la|le|&|against)`;
const DEFINITION = new RegExp(
  String.raw`((?:${WORD}\s+)*${WORD})\s+\((\p{Lu}[\p{L}-]*\p{Lu}s?|\p{Lu}{2,}-\p{Lu}\p{Ll}+)\)`,
  'gu',
);

function randomText(random: () => number, pieces: string[], length: number): string {
  return Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
}

const PIECES = [
  'Foo',
  'Bar',
  'of',
  'the',
  'x',
  'proof',
  ' ',
  ' ',
  ' ',
  '  ',
  '(AB)',
  '(ABC)',
  '(AB',
  'AB)',
  '(',
  ')',
  '-',
  'É',
  '&',
  ',',
  '.',
  'UN-Habitat',
  '(UN-Habitat)',
  'Dr',
  'A',
  'A.',
  '\n',
];

describe('findDefinitions', () => {
  it('finds the same "Name (ACR)" definitions as the backtracking expression', () => {
    const random = seededRandom(11);
    for (let run = 0; run < 2000; run++) {
      const text = randomText(random, PIECES, 1 + Math.floor(random() * 30));
      const expected = [...text.matchAll(DEFINITION)].map((m) => ({ phrase: m[1], acronym: m[2] }));
      expect(findDefinitions(text), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('reads a name back to where the previous definition ended', () => {
    expect(
      findDefinitions('World Health Organization (WHO) Pan American Health Organization (PAHO)'),
    ).toEqual([
      { phrase: 'World Health Organization', acronym: 'WHO' },
      { phrase: 'Pan American Health Organization', acronym: 'PAHO' },
    ]);
  });
});

describe('findMentions', () => {
  /** The single alternation it replaced: longest form first, whole words only. */
  function reference(forms: string[], text: string): string[] {
    const alternation = [...forms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    return [
      ...text.matchAll(
        new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation})(?![\\p{L}\\p{N}-])`, 'gu'),
      ),
    ].map((m) => m[0]);
  }

  it('finds a form where the alternation of all forms finds it, longest first and whole words only', () => {
    const random = seededRandom(12);
    const pieces = [
      'Ana',
      'Ruiz',
      'Ana Ruiz',
      'IOM',
      'Fund',
      ' ',
      ' ',
      '-',
      '.',
      ',',
      'x',
      '9',
      'é',
      '(',
      ')',
    ];
    for (let run = 0; run < 500; run++) {
      const forms = [
        ...new Set(
          Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
            randomText(random, pieces, 1 + Math.floor(random() * 3)).trim(),
          ),
        ),
      ].filter(Boolean);
      const text = randomText(random, pieces, Math.floor(random() * 25));
      const owners = new Map(forms.map((form) => [form, [form]]));
      const found = findMentions(owners, [{ id: 'p1', text }]);
      const expected = new Set(reference(forms, text));
      for (const form of forms)
        expect(found.get(form), `${JSON.stringify(forms)} in ${JSON.stringify(text)}`).toEqual(
          expected.has(form) ? ['p1'] : [],
        );
    }
  });
});

describe('splitSentences', () => {
  it('keeps initials and titles attached however many of them a sentence holds', () => {
    const initials = 'A. '.repeat(5000);
    expect(splitSentences(`${initials}Smith spoke. Then Dr. Ruiz replied.`)).toEqual([
      `${initials}Smith spoke.`,
      'Then Dr. Ruiz replied.',
    ]);
  });
});

describe('textBefore', () => {
  it('keeps the white space before the end and a bounded stretch before that', () => {
    const text = `${'x'.repeat(1000)} on behalf of   `;
    expect(textBefore(text, text.length, 20)).toBe(`${'x'.repeat(7)} on behalf of   `);
    expect(textBefore('short of ', 9)).toBe('short of ');
  });
});

describe('a run of a million capitalized words', () => {
  // As single regular expressions, both readers overflowed the engine's backtracking stack (a crash with a stack trace).
  it('is read for speakers and organizations without overflowing', () => {
    const text = `${'A '.repeat(1_000_000)}said.`;
    expect(findAttributions(text, 'p1')).toEqual([]);
    expect(findOrganizations([{ id: 'p1', text }])).toEqual([]);
  }, 60_000);
});
