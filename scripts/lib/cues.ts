/**
 * The genre's signposts, written as general cues: how summaries of conclusions announce an
 * opening, a named session, a programme, closing remarks and the conclusions that follow.
 * Nothing here may name one document's sessions, speakers or sentences.
 */
import { REPORTING_VERBS } from './entities/vocabulary.ts';
import { withoutListMarker } from './normalize.ts';
import { splitSentences } from './text.ts';

/** "In his opening remarks", "welcome address", "opened the conference". */
export const OPENING_CUE =
  /\b(?:opening (?:remarks|session|statements?|address|ceremony|segment)|welcom(?:e|ing) (?:remarks|address|statement)|opened the (?:meeting|conference|session|dialogue|workshop|forum|event|summit)|at the opening)\b/i;

/** "In her closing remarks", "concluding session", "closed the meeting". */
export const CLOSING_CUE =
  /\b(?:closing (?:remarks|session|statements?|address|ceremony|segment)|concluding (?:remarks|session|statements?)|closed the (?:meeting|conference|session|dialogue|workshop|forum|event|summit))\b/i;

/** A sentence announcing that the conclusions follow: "…the main conclusions are summarized below." */
export const CONCLUSIONS_MARKER =
  /\b(?:conclusions?|key (?:messages|points|findings|takeaways|areas)|main (?:messages|points|findings|outcomes|themes)|recommendations|areas of (?:convergence|agreement))\b[^.]{0,160}\b(?:below|as follows|the following|follows?|following)\b/i;

const NAMED_SESSION =
  /\b(?:session|panel|segment|round ?table|plenary|debate|dialogue)\b,?\s*(?:entitled|titled|called|on)?\s*["“]([^"”]{3,240}?)[,.]?["”]/i;

/** Words that open a paragraph continuing the one before: evidence, not a new thesis. */
const CONTINUATION_OPENERS =
  /^(?:others?|also|another|in addition|additionally|similarly|likewise|moreover|furthermore|in the same vein|along the same lines|for|he|she|they|his|her|their|this|these|those|it|its|such|both|as well|further|finally|meanwhile|however|according to|speaking|representatives?|participants|panellists|panelists|speakers|several|many|some)\b/i;

/** Verbs with which a summary reports what a person said (one list, in the entities' vocabulary). */
const REPORTING_VERB = new RegExp(`\\b(?:${REPORTING_VERBS.join('|')})\\b`, 'i');

/** "Firstname Lastname," or "Dr Firstname Lastname," at the start: an attribution. */
const LEADING_NAME =
  /^(?:(?:Dr|Mr|Mrs|Ms|Prof|H\.?E\.?|Ambassador|Minister|Mayor|Senator|Judge)\.?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]*|da|de|del|della|der|di|dos|du|el|la|le|van|von|bin|ibn|al))+,/u;

/** The title of a named session announced in the paragraph's first sentence. */
export function findNamedSession(text: string): string | undefined {
  const first = splitSentences(text)[0] ?? '';
  return first.match(NAMED_SESSION)?.[1]?.trim();
}

/** The items of an enumerated programme "(1) …; (2) …; and (3) …", when the paragraph has one. */
export function findEnumeratedItems(text: string): string[] | undefined {
  const marks = [...text.matchAll(/\((\d{1,2})\)\s*/g)];
  const sequential = marks.filter((m, i) => Number(m[1]) === i + 1);
  if (sequential.length < 3 || sequential.length !== marks.length) return undefined;
  if (!introducesProgramme(text.slice(0, sequential[0]!.index))) return undefined;
  return sequential.map((mark, i) => {
    const end = sequential[i + 1]?.index ?? findListEnd(text, mark.index + mark[0].length);
    return cleanItem(text.slice(mark.index + mark[0].length, end));
  });
}

const PROGRAMME_WORDS =
  /\b(?:sessions?|panels?|segments?|round ?tables?|workshops?|break-?outs?|topics|themes|programme|program|agenda items)\b/i;

/** A list of sessions is introduced as such: the sentence holding "(1)" or the one before names them. */
function introducesProgramme(textBeforeList: string): boolean {
  const sentences = splitSentences(textBeforeList);
  return sentences.slice(-2).some((sentence) => PROGRAMME_WORDS.test(sentence));
}

/** The last item runs to the end of its sentence. */
function findListEnd(text: string, from: number): number {
  const stop = text.slice(from).search(/\.(?:\s|$)/);
  return stop === -1 ? text.length : from + stop;
}

function cleanItem(item: string): string {
  return item
    .trim()
    .replace(/[;,.]?\s*(?:and|or)?$/i, '')
    .replace(/[;,.\s]+$/u, '')
    .trim();
}

/**
 * A key conclusion opens with a general thesis: a sentence with no attribution, no reporting
 * verb and no connective tying it to the paragraph before.
 */
export function opensWithThesis(text: string): boolean {
  const first = splitSentences(withoutListMarker(text))[0] ?? '';
  const words = first.split(/\s+/).length;
  return (
    words >= 4 &&
    words <= 45 &&
    !CONTINUATION_OPENERS.test(first) &&
    !LEADING_NAME.test(first) &&
    !REPORTING_VERB.test(first)
  );
}

/** True for a paragraph that announces the conclusions below it. */
export function announcesConclusions(text: string): boolean {
  const sentences = splitSentences(text);
  return (
    sentences.length <= 2 &&
    sentences.some((s) => CONCLUSIONS_MARKER.test(s) || ANNOUNCED_LIST.test(s))
  );
}

/** "… agreed on the following key messages:", "These recommendations are:": the list comes next. */
const ANNOUNCED_LIST =
  /\b(?:the following|these)\s+(?:(?:key|main|principal)\s+)?(?:conclusions|messages|recommendations|findings|points|outcomes)\b[^.]{0,80}:$/i;
