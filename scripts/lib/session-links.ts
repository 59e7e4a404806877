/**
 * Step 3d: links the text to its sessions the way the document numbers them. A summary refers
 * to a session by the number its programme or its headings give it ("Session 1 explicitly
 * addressed…", "SESSION ONE: OPENING SESSION", "the third session addressed…"); Readout records
 * each such reference, and for every thematic session the paragraphs of its related conclusions
 * that discuss the theme, so its page can quote them. Runs after frontmatter overrides, so the
 * slugs it records are the published ones.
 */
import type { RelatedConclusion, Section, SessionReference } from '../../src/schemas/meeting.ts';
import { termsWithSurface } from './relate.ts';

const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];
const ROMAN = [
  'i',
  'ii',
  'iii',
  'iv',
  'v',
  'vi',
  'vii',
  'viii',
  'ix',
  'x',
  'xi',
  'xii',
  'xiii',
  'xiv',
  'xv',
  'xvi',
  'xvii',
  'xviii',
  'xix',
  'xx',
];

/** A session's number as a digit, a number word or a Roman numeral. */
const NUMBER = `(?:\\d{1,2}|${NUMBER_WORDS.join('|')}|${[...ROMAN].reverse().join('|')})`;
/** "Session 1", "Panel III", "session two": the word, then the number. */
const NAMED = `(?:session|panel)\\s+${NUMBER}`;
/**
 * "the third session": an ordinal before the word. "The first session of COP-1" and "at its
 * second session" name another body's meeting, so "of" after and "its/their" before exclude it.
 */
const ORDINAL = `(?<!\\b(?:its|their)\\s+)the\\s+(?:${ORDINALS.join('|')})\\s+(?:session|panel)(?!s?\\s+of\\b)`;
const REFERENCE = new RegExp(
  `(?<![\\p{L}\\p{N}-])(?:${NAMED}|${ORDINAL})(?![\\p{L}\\p{N}-])`,
  'giu',
);
/** A heading that numbers its own session: "SESSION ONE: OPENING SESSION", "Session III". */
const NUMBERED_TITLE = new RegExp(`^\\s*session\\s+(${NUMBER})(?![\\p{L}\\p{N}])`, 'iu');

/** The value of a number written as digits, a word, an ordinal or a Roman numeral; undefined otherwise. */
export function numberValue(written: string): number | undefined {
  const word = written.toLowerCase();
  if (/^\d+$/.test(word)) return Number(word);
  for (const list of [NUMBER_WORDS, ORDINALS, ROMAN]) {
    const index = list.indexOf(word);
    if (index !== -1) return index + 1;
  }
  return undefined;
}

/**
 * The number the document gives a session: the one its own heading states, else its place in
 * the programme's enumerated list. Undefined when the document does not number it.
 */
export function documentNumber(
  section: Pick<Section, 'kind' | 'title' | 'programmeNumber'>,
): number | undefined {
  if (section.kind !== 'session') return undefined;
  const titled = NUMBERED_TITLE.exec(section.title)?.[1];
  return titled === undefined ? section.programmeNumber : numberValue(titled);
}

/**
 * Sessions by the number the document gives them. Numbers from headings win over the
 * programme's; a number two sessions share names neither, so no reference to it is linked.
 */
export function sessionsByNumber(sections: readonly Section[]): Map<number, string> {
  const titled = new Map<number, string[]>();
  const listed = new Map<number, string[]>();
  for (const section of sections) {
    if (section.kind !== 'session') continue;
    const fromTitle = NUMBERED_TITLE.test(section.title);
    const number = documentNumber(section);
    if (number === undefined) continue;
    const into = fromTitle ? titled : listed;
    into.set(number, [...(into.get(number) ?? []), section.slug]);
  }
  const numbered = new Map<number, string>();
  for (const source of titled.size > 0 ? [titled] : [listed]) {
    for (const [number, slugs] of source) if (slugs.length === 1) numbered.set(number, slugs[0]!);
  }
  return numbered;
}

/** Every reference in a paragraph to a session the document numbers, except to its own section. */
export function findSessionReferences(
  paragraph: { id: string; text: string },
  numbered: ReadonlyMap<number, string>,
  ownSlug?: string,
): SessionReference[] {
  const found: SessionReference[] = [];
  for (const match of paragraph.text.matchAll(REFERENCE)) {
    const words = match[0].split(/\s+/);
    const number = numberValue(/^the$/i.test(words[0]!) ? words[1]! : words.at(-1)!);
    const session = number === undefined ? undefined : numbered.get(number);
    if (session && session !== ownSlug)
      found.push({ paragraph: paragraph.id, start: match.index, text: match[0], session });
  }
  return found;
}

/** How many conclusion paragraphs a thematic session's page quotes per related conclusion. */
const MAX_QUOTED = 2;
/** A paragraph whose theme score is below this share of the best one's only repeats the thesis. */
const QUOTE_CUTOFF = 0.6;

/**
 * The paragraphs of a conclusion that discuss a theme: those that name the session by its
 * number, else those that share the most of the theme's rarer words. At most {@link MAX_QUOTED}.
 */
export function paragraphsOnTheme(
  theme: { title: string; number?: number | undefined },
  paragraphs: readonly { id: string; text: string }[],
  weightOf: (term: string) => number,
  termsOf: (paragraph: { text: string }) => ReadonlySet<string> = (p) =>
    new Set(termsWithSurface(p.text).keys()),
): string[] {
  if (theme.number !== undefined) {
    const naming = paragraphs.filter(
      (p) => findSessionReferences(p, new Map([[theme.number!, 'theme']])).length > 0,
    );
    if (naming.length > 0) return naming.slice(0, MAX_QUOTED).map((p) => p.id);
  }
  const terms = [...termsWithSurface(theme.title).keys()];
  const scored = paragraphs.map((p) => {
    const own = termsOf(p);
    return {
      id: p.id,
      score: terms.reduce((sum, term) => sum + (own.has(term) ? weightOf(term) : 0), 0),
    };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return [];
  const chosen = new Set(
    [...scored]
      .filter((s) => s.score >= best * QUOTE_CUTOFF)
      .sort((a, b) => b.score - a.score)
      .slice(0, MAX_QUOTED)
      .map((s) => s.id),
  );
  return paragraphs.filter((p) => chosen.has(p.id)).map((p) => p.id);
}

/** Rarer words weigh more: a word every conclusion paragraph uses says nothing about a theme. */
function termWeights(
  paragraphs: readonly { text: string }[],
  termsOf: (paragraph: { text: string }) => ReadonlySet<string>,
): (term: string) => number {
  const frequency = new Map<string, number>();
  for (const p of paragraphs)
    for (const term of termsOf(p)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return (term) => Math.log((paragraphs.length + 1) / ((frequency.get(term) ?? 0) + 1));
}

/** Records session references on every section and the quoted paragraphs on every relation. */
export function linkSessions(sections: Section[]): Section[] {
  const numbered = sessionsByNumber(sections);
  const conclusions = new Map(
    sections.filter((s) => s.kind === 'conclusion').map((s) => [s.slug, s]),
  );
  // Each paragraph's words are extracted once, however many sessions quote from it.
  const terms = new Map<{ text: string }, ReadonlySet<string>>();
  const termsOf = (p: { text: string }) =>
    terms.get(p) ?? terms.set(p, new Set(termsWithSurface(p.text).keys())).get(p)!;
  // Weighed among the conclusions some session relates to: the ones whose paragraphs are quoted.
  const quoted = new Set(sections.flatMap((s) => s.relatedConclusions.map((r) => r.slug)));
  const weightOf = termWeights(
    [...quoted].flatMap((slug) => conclusions.get(slug)?.paragraphs ?? []),
    termsOf,
  );
  const quote = (section: Section, relation: RelatedConclusion): RelatedConclusion => {
    const conclusion = conclusions.get(relation.slug);
    if (!conclusion) return relation;
    return {
      ...relation,
      paragraphs: paragraphsOnTheme(
        { title: section.title, number: documentNumber(section) },
        conclusion.paragraphs,
        weightOf,
        termsOf,
      ),
    };
  };
  return sections.map((section) => {
    const references = section.paragraphs.flatMap((p) =>
      findSessionReferences(p, numbered, section.kind === 'session' ? section.slug : undefined),
    );
    return {
      ...section,
      relatedConclusions: section.relatedConclusions.map((relation) => quote(section, relation)),
      ...(references.length > 0 ? { sessionReferences: references } : {}),
    };
  });
}
