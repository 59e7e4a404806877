/**
 * Step 3b: thematic sessions have no text of their own in a summary, so Readout records which
 * key conclusions discuss each one's theme. A paragraph that names the session ("Session 3
 * addressed…") is the strongest evidence; otherwise the rarer words of the session's title
 * that a conclusion shares decide, weighted by how few conclusions use them.
 */
import { stemmer } from 'stemmer';
import type { RelatedConclusion } from '../../src/schemas/meeting.ts';

/** What relating needs to know of a thematic session. */
export interface ThemeInput {
  title: string;
  programmeNumber: number;
}

/** What relating needs to know of a key conclusion. */
export interface ConclusionInput {
  slug: string;
  statement: string;
  paragraphs: string[];
}

const STOPWORDS = new Set(
  'the and for with from into that this these those their there which while what when where will would could should have has had been being are was were its our your not but all any can may also more most such than then them they very over under about among across between through within including level'.split(
    ' ',
  ),
);

/** Key of the weight given to a theme word no conclusion uses. */
const UNSEEN = '';

/** Score above which a shared vocabulary counts as discussing the theme. */
const MIN_SCORE = 0.34;
/** Conclusions scoring well below the best match are noise, not discussion of the theme. */
const RELATIVE_CUTOFF = 0.75;
/** A session is related to at most this many conclusions, the strongest first. */
const MAX_RELATED = 3;

/** A conclusion's words, extracted once however many sessions are related to it. */
interface IndexedConclusion {
  slug: string;
  paragraphs: string[];
  statementTerms: Set<string>;
  bodyTerms: Set<string>;
}

/** Prepared conclusions and word weights, shared by every session of a meeting. */
export interface ConclusionIndex {
  conclusions: IndexedConclusion[];
  idf: Map<string, number>;
}

/** Extracts each conclusion's words and their weights once. */
export function indexConclusions(conclusions: ConclusionInput[]): ConclusionIndex {
  const indexed = conclusions.map((c) => ({
    slug: c.slug,
    paragraphs: c.paragraphs,
    statementTerms: new Set(termsWithSurface(c.statement).keys()),
    bodyTerms: new Set(termsWithSurface(c.paragraphs.join(' ')).keys()),
  }));
  return { conclusions: indexed, idf: inverseDocumentFrequency(indexed) };
}

/** The key conclusions related to a thematic session, strongest first, each with its reason. */
export function relateConclusions(
  session: ThemeInput,
  index: ConclusionIndex,
): RelatedConclusion[] {
  const themeTerms = termsWithSurface(session.title);
  const related = index.conclusions.map((conclusion) =>
    scoreConclusion(session, themeTerms, conclusion, index.idf),
  );
  const found = related
    .filter((r): r is RelatedConclusion => r !== undefined)
    .sort((a, b) => b.score - a.score);
  const best = found[0]?.score ?? 0;
  return found.filter((r) => r.score >= best * RELATIVE_CUTOFF).slice(0, MAX_RELATED);
}

function scoreConclusion(
  session: ThemeInput,
  themeTerms: Map<string, string>,
  conclusion: IndexedConclusion,
  idf: Map<string, number>,
): RelatedConclusion | undefined {
  const naming = new RegExp(`\\b(?:session|panel)\\s+${session.programmeNumber}\\b`, 'i');
  if (conclusion.paragraphs.some((p) => naming.test(p))) {
    return {
      slug: conclusion.slug,
      derived: true,
      score: 1,
      reason: `a paragraph names session ${session.programmeNumber}`,
    };
  }
  let total = 0;
  let shared = 0;
  const sharedWords: string[] = [];
  for (const [term, surface] of themeTerms) {
    const weight = idf.get(term) ?? idf.get(UNSEEN)!;
    total += weight;
    const found = conclusion.statementTerms.has(term)
      ? 1
      : conclusion.bodyTerms.has(term)
        ? 0.7
        : 0;
    if (found > 0) sharedWords.push(surface);
    shared += weight * found;
  }
  const score = total === 0 ? 0 : round(shared / total);
  if (score < MIN_SCORE) return undefined;
  return {
    slug: conclusion.slug,
    derived: true,
    score,
    reason: `shares the theme's words ${sharedWords.map((w) => `“${w}”`).join(', ')}`,
  };
}

/** Words used by every conclusion say little about which one discusses a theme. */
function inverseDocumentFrequency(conclusions: IndexedConclusion[]): Map<string, number> {
  const documentFrequency = new Map<string, number>();
  for (const conclusion of conclusions) {
    const terms = new Set([...conclusion.statementTerms, ...conclusion.bodyTerms]);
    for (const term of terms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const idf = new Map<string, number>([[UNSEEN, Math.log(conclusions.length + 1)]]);
  for (const [term, df] of documentFrequency)
    idf.set(term, Math.log((conclusions.length + 1) / df));
  return idf;
}

/** Content words of a text as stem → first surface form. */
export function termsWithSurface(text: string): Map<string, string> {
  const terms = new Map<string, string>();
  for (const word of text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []) {
    for (const part of word.split('-')) {
      if (part.length < 3 || STOPWORDS.has(part)) continue;
      const stem = stemmer(part);
      if (!terms.has(stem)) terms.set(stem, part);
    }
  }
  return terms;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
