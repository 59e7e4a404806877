/**
 * Where a text's sentences begin and end: one rule for the splitter (which reads cues in a
 * paragraph's first sentence and finds speakers sentence by sentence) and the site (which quotes
 * the sentences naming a speaker), so a quote on a person's page holds the sentence the pipeline
 * found the person in.
 */

const ABBREVIATIONS =
  /(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Sr|Jr|No|Nos|Art|Vol|para|paras|cf|vs|etc|e\.g|i\.e|approx)|\b\p{Lu})\.$/u;

/** Longer than any abbreviation with the character before it, so `\b` reads as in the whole text. */
const ABBREVIATION_WINDOW = 12;

/** One sentence of a text and its offset in it. */
export interface SentenceSpan {
  start: number;
  text: string;
}

/**
 * The sentences of running text with their offsets, each with its closing stop and quote: a stop,
 * then space, then a capital or a digit (after an optional opening quote), except after a title
 * such as "Dr." or an initial. The text between two sentences is only the space that parted them.
 */
export function sentenceSpans(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = 0;
  const boundary = /[.!?…]["”’)]*\s+(?=["“‘(]?[\p{Lu}\d])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].trimEnd().length;
    // Only the stop and the word before it decide: testing the whole sentence so far at every
    // "Dr." or initial would be quadratic in a long run of them.
    const stop = match.index + 1;
    if (ABBREVIATIONS.test(text.slice(Math.max(start, stop - ABBREVIATION_WINDOW), stop))) continue;
    sentences.push({ start, text: text.slice(start, end) });
    start = match.index + match[0].length;
  }
  const rest = text.slice(start);
  const trimmed = rest.trim();
  if (trimmed !== '') sentences.push({ start: start + rest.indexOf(trimmed), text: trimmed });
  return sentences;
}
