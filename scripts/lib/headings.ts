/**
 * Headings as the genre writes them, in Markdown (`#` … `######`) or in plain text (a line in
 * capitals, "SESSION ONE", "Session 2:", "PANEL 3 –", "PART II -", "1." / "I." numbered lines,
 * short title-case lines), and what a heading's words say about the part it opens. Every cue is
 * a general wording of meeting summaries, never one document's title.
 */
import { CLOSING_CUE, OPENING_CUE } from './cues.ts';
import { countryCalled } from './entities/countries.ts';
import { numberValue } from './session-links.ts';
import { isCapitalsLine, isHeadingLike, type Block } from './normalize.ts';

/** A heading found in the body. */
export interface Heading {
  /** The heading's text without Markdown marks, white space collapsed. */
  title: string;
  /** Markdown level 1–6; undefined for plain-text headings, whose level the text does not say. */
  level: number | undefined;
}

const DANGLING = /\b(?:a|an|the|of|to|in|on|for|and|or|with|by|from|at)$/i;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
const NUMBER_WORD =
  '(?:\\d+[a-z]?|[IVXLC]+|[A-H]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|final)';

const UNIT_WORDS =
  '(?:session|panel|part|segment|agenda item|item|round ?table|plenary|day|workshop|module|theme|track|dialogue)';

/** "SESSION ONE", "Session 2:", "PANEL 3 –", "PART II -", "AGENDA ITEM 4 …", "Day 2", "UNDP SESSION ON …". */
export const NAMED_UNIT = new RegExp(
  `^(?:${UNIT_WORDS}\\s+${NUMBER_WORD}\\b|(?:[\\p{L}\\d/-]+\\s+){0,3}session on\\b)`,
  'iu',
);

const BARE_UNIT_LABEL = new RegExp(`^${UNIT_WORDS}\\s+${NUMBER_WORD}\\s*:\\s*$`, 'iu');

/** A numbered unit's label with nothing after its colon ("ITEM 3:", "Session 2:"): no title of its own. */
export function isBareUnitLabel(title: string): boolean {
  return BARE_UNIT_LABEL.test(title);
}

/** "1. Title", "I. Title", "2) Title", "IV – Title": a numbered heading line. */
const NUMBERED_LINE = /^(?:\d{1,2}|[IVXLC]{1,6})(?:[.)]|\s+[–—-])\s+\p{Lu}/u;

/** The Markdown or plain-text heading a block is, or undefined for running text. */
export function headingOf(block: Block, markdownOnly: boolean): Heading | undefined {
  const marked = block.lines.length === 1 ? block.text.match(MARKDOWN_HEADING) : null;
  if (marked) return { title: collapse(marked[2]!), level: marked[1]!.length };
  if (markdownOnly || !isPlainHeading(block)) return undefined;
  return { title: collapse(block.text), level: undefined };
}

/** A plain-text heading: one line, no sentence end, and the look of a heading. */
export function isPlainHeading(block: Block): boolean {
  if (block.lines.length !== 1) return false;
  const text = block.text.trim();
  if (/[.!?…;,]$/u.test(text) || text.split(/\s+/).length > 24) return false;
  // An address or a line stopping on "of" / "the" is text, or a fragment of one, not a heading.
  if (/@|https?:\/\/|www\./i.test(text)) return false;
  // …unless its words name a part of the genre ("THINGS TO LOOK FOR", "WHAT TO WATCH FOR").
  if (DANGLING.test(text) && !(isCapitalsLine(text) && classifyHeading(text) !== 'plain'))
    return false;
  return (
    isCapitalsLine(text) ||
    NAMED_UNIT.test(text) ||
    NUMBERED_LINE.test(text) ||
    isHeadingLike(block) ||
    isLabelHeading(text)
  );
}

/** "Discussion:", "Group I:", "Conclusions of the Chair:": a short title-case label ending in a colon. */
function isLabelHeading(text: string): boolean {
  const words = text.replace(/\s*:$/u, '').split(/\s+/);
  return (
    /:$/u.test(text) &&
    words.length <= 6 &&
    words.every((w, i) => /^[\p{Lu}\d(]/u.test(w) || (i > 0 && FUNCTION_WORD.test(w)))
  );
}

const FUNCTION_WORD = /^(?:a|an|the|of|to|in|on|for|and|or|with|by|from|at)$/;

/** A plain-text heading strong enough to show that the text is laid out with headings. */
export function isMarkedPlainHeading(block: Block): boolean {
  return (
    isPlainHeading(block) &&
    (isCapitalsLine(block.text) || NAMED_UNIT.test(block.text) || NUMBERED_LINE.test(block.text))
  );
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What a heading's words say the part under it is. */
export type HeadingClass =
  | 'background'
  | 'annex'
  | 'container'
  | 'conclusion-group'
  | 'conclusion'
  | 'conclusion-part'
  | 'outcome'
  | 'opening'
  | 'closing'
  | 'named'
  | 'part'
  | 'plain';

const BACKGROUND =
  /^(?:an? )?(?:brief |short )?(?:history|background|historical background)\b|\bbrief history\b|^background\b/i;
const ANNEX =
  /\b(?:upcoming (?:[\w-]+ ){0,3}(?:meetings|events|workshops|conferences|sessions)|forthcoming (?:meetings|events)|future meetings|things to look for|calendar|in the corridors|(?:brief )?analysis of|^contacts?$|contact (?:information|details|persons?)|glossary|acronyms|abbreviations|list of participants|further information|for more information)\b|^(?:annex(?:es)?|appendix|appendices)(?:\s+(?:\d+|[A-Z]|[IVX]+))?\s*(?:[:.–—-]|$)/i;
const CONTAINER =
  /^(?:(?:summary )?report of the (?:[\p{L}\d-]+ ){0,3}?(?:workshop|seminar|meeting|session|conference|dialogue|forum|symposium)s?|(?:[\p{L}\d-]+ ){1,3}report|(?:workshop|seminar|meeting|conference) proceedings|proceedings)$/iu;
const CONCLUSION_GROUP =
  /^(?:(?:the )?(?:key|main) (?:conclusions|messages|findings|takeaways|points)|conclusions and (?:recommendations|next steps)|recommendations|conclusions|key conclusions and recommendations)$|\b(?:key|main) (?:conclusions|messages|findings)\b/i;
const CONCLUSION_UNIT =
  /\b(?:conclusions?|key messages|key findings|recommend-?ations|chair(?:'|’)?s?(?:'|’)? (?:summary|conclusions)|co-chairs?(?:'|’)? (?:summary|conclusions)|summary of (?:the )?(?:main|key) (?:issues|points|messages|findings)|(?:the )?way forward)\b/i;
const CONCLUSION_PART =
  /^(?:[\p{L}'’-]+\s+){0,2}(?:conclusions|recommendations|key messages|key findings|summary)$/iu;
const OUTCOME =
  /^(?:conclusion|outcomes?|next steps|(?:the )?way forward|closing)$|\bresolutions?\b|\breport on the (?:session|meeting)\b|\b(?:decisions|texts) adopted\b/i;
const PART =
  /^(?:(?:[\p{L}-]+\s+){0,3}(?:presentations?|discussions?|debate|discussants|interventions|q\s?&\s?a|question[- ]and[- ]answer(?: session)?)|(?:[\p{L}-]+\s+)?overview|(?:breakout |working |discussion )?groups? (?:[A-Z]|\d+|[IVX]+)\b.*|(?:working )?group reports?)$/iu;

/** Classifies a heading by its words alone; the outline adds what the levels say. */
export function classifyHeading(title: string): HeadingClass {
  const text = title.replace(/[\s:.–—-]+$/u, '').trim();
  if (BACKGROUND.test(text)) return 'background';
  if (ANNEX.test(text)) return 'annex';
  if (CONTAINER.test(text)) return 'container';
  // "Conclusions:" with its colon labels a part of the session above it.
  if (CONCLUSION_PART.test(text) && (!CONCLUSION_GROUP.test(text) || /:\s*$/u.test(title)))
    return 'conclusion-part';
  if (CONCLUSION_GROUP.test(text) && text.split(/\s+/).length <= 5) return 'conclusion-group';
  if (OUTCOME.test(text)) return 'outcome';
  if (CONCLUSION_UNIT.test(text)) return 'conclusion';
  if (/\bopening\b|^welcom/i.test(text) || OPENING_CUE.test(text)) return 'opening';
  if (/\bclosing\b|\bclose of\b/i.test(text) || CLOSING_CUE.test(text)) return 'closing';
  if (NAMED_UNIT.test(text)) return 'named';
  if (PART.test(text)) return 'part';
  return 'plain';
}

/** Classes that open a new top-level part wherever they stand (unless nested deeper in Markdown). */
export function isStrong(kind: HeadingClass): boolean {
  return kind !== 'plain' && kind !== 'part' && kind !== 'conclusion-part';
}

/**
 * A heading that is nothing but a country ("PHILIPPINES", "Sri Lanka:"): the delegation whose
 * statement follows, a part of the session it stands in, never a unit of its own.
 */
export function namesCountry(title: string): boolean {
  const text = title.replace(/[\s:.–—-]+$/u, '').trim();
  if (text.split(/\s+/).length > 5) return false;
  const written = isCapitalsLine(text)
    ? text
        .toLowerCase()
        .replace(
          /(^|[\s-])(\p{L})/gu,
          (_, before: string, letter: string) => before + letter.toUpperCase(),
        )
        .replace(/\b(?:And|Of|The)\b/g, (word) => word.toLowerCase())
    : text;
  return countryCalled(written) !== undefined;
}

/** The number a unit's heading gives it: "Session 2", "PANEL THREE", "Part IV", "Session two:". */
export function unitNumber(title: string): number | undefined {
  const word =
    /^(?:session|panel|part|segment|theme|track|round ?table|module)\s+([\p{L}\d]+)\b/iu.exec(
      title,
    )?.[1];
  return word === undefined ? undefined : numberValue(word);
}
