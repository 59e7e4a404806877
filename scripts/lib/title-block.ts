/**
 * Reads the title block, the short lines before the first paragraph of running text:
 * organizer, meeting title and theme, dates and venue, and the kind of document.
 */
import { findDateRange } from './dates.ts';
import type { Block } from './normalize.ts';

/** What the title block says about the meeting; every field is optional. */
export interface TitleBlockFacts {
  organizer?: string;
  tagline?: string;
  title?: string;
  theme?: string;
  startDate?: string;
  endDate?: string;
  venue?: string;
  documentType?: string;
}

const DOCUMENT_TYPES =
  /^(summary of (?:the )?(?:conclusions|discussions|proceedings)|chair(?:'|’)?s summary|co-chairs(?:'|’)? summary|summary report|meeting report|report of the (?:meeting|conference|session)|outcome document|proceedings|conclusions|key messages)$/i;

/**
 * The venue as the lead sentence gives it when the title block does not: "… was held from 6-7
 * May at the City Hall in Lyon, France." → "City Hall, Lyon, France". Only a sentence that says
 * the meeting was held, took place, met or convened, and only what follows "at" and "in".
 */
export function venueFromLead(lead: string | undefined): string | undefined {
  const text = (lead ?? '').replace(/\s+/g, ' ');
  const sentence = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).find((s) => HELD.test(s));
  if (!sentence) return undefined;
  const after = sentence.slice(sentence.search(HELD));
  const place = after.match(
    /\bat (?:the )?((?:[\p{Lu}\d][^,.;]*?|[\p{Ll}]+ of the [^,.;]*?))(?: in |, )((?:\p{Lu}[\p{L}'’-]*)(?:[ ,]+(?:of |the )?\p{Lu}[\p{L}'’-]*)*)/u,
  );
  if (place) return `${place[1]!.trim()}, ${place[2]!.trim()}`.replace(/[,\s]+$/u, '');
  const city = after.match(/\bin ((?:\p{Lu}[\p{L}'’-]*)(?:[ ,]+(?:of |the )?\p{Lu}[\p{L}'’-]*)*)/u);
  return city && !MONTH_WORD.test(city[1]!) ? city[1]!.replace(/[,\s]+$/u, '') : undefined;
}

const HELD = /\b(?:was held|were held|held (?:a|an|the|its)\b|took place|met|convened)\b/;
const MONTH_WORD =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** Extracts facts from the blocks that precede the body text. */
export function readTitleBlock(blocks: Block[]): TitleBlockFacts {
  const facts: TitleBlockFacts = {};
  const rest: string[][] = [];
  let datedTitle: number | undefined;
  for (const block of blocks) {
    const lines = block.lines.map(stripEmphasis).filter(Boolean);
    const joined = lines.join(' ');
    const dates = findDateRange(joined);
    if (dates && !facts.startDate && isTitleWithDates(joined, dates.matched)) {
      // "Summary of the workshop on soils: 10-13 July 2030" is the title, and carries the dates.
      facts.startDate = dates.startDate;
      facts.endDate = dates.endDate;
      datedTitle = rest.length;
      rest.push([joined]);
    } else if (dates && !facts.startDate) {
      facts.startDate = dates.startDate;
      facts.endDate = dates.endDate;
      const venue = joined.replace(dates.matched, '').replace(/^[\s,;–—-]+|[\s,;–—-]+$/gu, '');
      if (venue) facts.venue = venue;
    } else if (DOCUMENT_TYPES.test(joined) && !facts.documentType) {
      facts.documentType = joined;
    } else {
      rest.push(lines);
    }
  }
  assignNames(rest, blocks, facts, datedTitle);
  return facts;
}

/** Three words or more before the dates make the line a title, not a dates-and-venue line. */
function isTitleWithDates(line: string, matched: string): boolean {
  const before = line.slice(0, line.indexOf(matched));
  return before.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length >= 3;
}

/**
 * Of the remaining entries, the emphasized one (or the last) is the meeting; its first line
 * is the title and the rest the theme. The first entry before it is the organizer; entries in
 * between are taglines.
 */
function assignNames(
  entries: string[][],
  blocks: Block[],
  facts: TitleBlockFacts,
  datedTitle?: number,
): void {
  if (entries.length === 0) return;
  const emphasized = blocks.findIndex((b) => /^\*\*|^__|^#\s/.test(b.text));
  const titleEntry =
    datedTitle ??
    (emphasized >= 0 ? entryIndexOf(entries, blocks[emphasized]!) : entries.length - 1);
  const meeting = entries[titleEntry === -1 ? entries.length - 1 : titleEntry]!;
  const lines = joinContinuations(meeting);
  if (lines[0]) facts.title = lines[0];
  if (lines.length > 1) facts.theme = lines.slice(1).join(' ');
  const index = titleEntry === -1 ? entries.length - 1 : titleEntry;
  if (index > 0) facts.organizer = entries[0]!.join(' ');
  const others = entries.filter((_, i) => i !== index && !(i === 0 && index > 0));
  if (others.length > 0) facts.tagline = others.map((lines) => lines.join(' ')).join(' · ');
}

function entryIndexOf(entries: string[][], block: Block): number {
  const first = stripEmphasis(block.lines[0]!);
  return entries.findIndex((entry) => entry[0] === first);
}

/** A line starting in lowercase continues the one before it (a hard wrap, not a new line). */
function joinContinuations(lines: string[]): string[] {
  const joined: string[] = [];
  for (const line of lines) {
    if (joined.length > 0 && /^\p{Ll}/u.test(line))
      joined[joined.length - 1] = `${joined.at(-1) ?? ''} ${line}`;
    else joined.push(line);
  }
  return joined;
}

/** Markdown emphasis and heading marks are layout, not text. */
function stripEmphasis(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(\*\*|__)|(\*\*|__)$/g, '')
    .trim();
}
