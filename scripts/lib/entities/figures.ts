/**
 * Key figures: numbers with their unit ("50 million children", "92 per cent", "USD 1.5 billion")
 * and the sentence they come from. Years, dates, list markers and numbered names ("Session 1",
 * "Goal 6", "Target 8.7") are not figures.
 */
import { splitSentences, textBefore } from '../text.ts';

/** A number the text states, with what it counts. */
export interface FigureFound {
  /** The figure as written, with its unit: "350,000 registered Syrian refugees". */
  text: string;
  /** The number itself, scaled: 350000, 50000000, 92. */
  value: number;
  /** What is counted or measured: "registered Syrian refugees", "per cent". */
  unit: string;
  /** True for counts of the meeting's own participants ("47 speakers", "16 … women"). */
  participation: boolean;
  sentence: string;
  paragraph: string;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const FIGURE =
  /(?<![\p{L}\p{N}.,])((?:USD|US\$|EUR|CHF|GBP|\$|€|£)\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion))?(\s*(?:per cent|percent|%)|\s+of whom (?:were|are) \p{L}+|\s+out of \d+|(?:\s+(?!(?:of|on|in|that|to|and|or|the|with|at|for|by|from|is|are|was|were|which|who|as|per)\b)[\p{L}][\p{L}-]*){1,3})?/gu;
const MONTHS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const PARTICIPANTS =
  /^(?:speakers?|participants?|moderators?|panell?ists?|delegat\w*|representatives|attendees|member States)\b|of whom (?:were|are) (?:women|men|youth)/u;
/** "paragraph 4", "No. 12": lowercase words that number things. */
const NUMBERED_NAME = /(?:\bNo\.?|\bparagraphs?|\bparas?\.?|\bSDGs?)\s*$/i;
/** "Session 1", "Goal 6", "Article 3.3": a number right after a capitalized word inside a sentence labels that thing. */
const LABELLED = /\S\s+\p{Lu}[\p{L}-]*\s$/u;

/** Every figure in one paragraph, in order. */
export function findFigures(text: string, paragraph: string): FigureFound[] {
  const figures: FigureFound[] = [];
  for (const sentence of splitSentences(text)) {
    for (const m of sentence.matchAll(FIGURE)) {
      const [, currency, digits, scale, tail] = m;
      // Only the words just before the number decide; the whole sentence would be read once per number.
      const before = textBefore(sentence, m.index);
      const after = sentence.slice(m.index + m[0].length);
      const number = Number(digits!.replace(/,/g, ''));
      if (isNotAFigure(digits!, scale, tail, before, after)) continue;
      const counted = currency ? '' : trimUnit((tail ?? '').trim());
      const unit = currency ? currency.trim() : counted;
      if (!unit) continue;
      const text = currency
        ? m[0].slice(0, m[0].length - (tail ?? '').length)
        : m[0].slice(0, m[0].length - (tail ?? '').length) +
          (tail ? tail.slice(0, tail.indexOf(counted) + counted.length) : '');
      figures.push({
        text: text.trim(),
        value: number * (scale ? SCALE[scale]! : 1),
        unit,
        participation: PARTICIPANTS.test((tail ?? '').trim()),
        sentence,
        paragraph,
      });
    }
  }
  return figures;
}

/** Words that end what a figure counts: verbs and adverbs that follow it. */
const AFTER_UNIT =
  /^(?:still|lack|lacks|share|shares|depend|depends|over|under|available|live|lives|need|needs|have|has|had|were|are|was|is|will|would|can|could|must|now|also|each|every|alone|more|less|already|only|since|until|this|that|across|worldwide|globally)$/i;

/** "people still lack" → "people"; "data records available" → "data records": a noun phrase ends at its plural or before a verb. */
function trimUnit(tail: string): string {
  if (/^(?:per cent|percent|%)$|^of whom|^out of/.test(tail)) return tail;
  const kept: string[] = [];
  for (const word of tail.split(/\s+/)) {
    if (AFTER_UNIT.test(word) || /ly$/.test(word)) break;
    kept.push(word);
    if (/[^su]s$/.test(word) && word.length > 3) break;
  }
  return kept.join(' ');
}

function isNotAFigure(
  digits: string,
  scale: string | undefined,
  tail: string | undefined,
  before: string,
  after: string,
): boolean {
  if (!/^\(/.test(after) && /\($/.test(before)) return true;
  if (
    NUMBERED_NAME.test(before) ||
    (LABELLED.test(before) &&
      !MONTHS.test(before.trimEnd().split(/\s+/).at(-1)!) &&
      !/(?:USD|EUR|CHF|GBP|US)\s$/.test(before))
  )
    return true;
  if (
    MONTHS.test(after.trimStart()) ||
    MONTHS.test((tail ?? '').trim()) ||
    /(?:January|February|March|April|May|June|July|August|September|October|November|December)\s*$/.test(
      before,
    )
  )
    return true;
  if (/^\s*(?:and|–|-)\s*\d/.test(after) || /\d\s*(?:and|–|-)\s*$/.test(before)) return true;
  const isYear = /^(?:19|20)\d{2}$/.test(digits) && !scale && !/per cent|%/.test(tail ?? '');
  return isYear;
}
