/**
 * How many pages a meeting's full text takes: one when it fits the page budget every page
 * keeps (25 KiB gzip, with its CSS and JavaScript), else parts that each fit. A part's weight
 * is estimated from its text, gzipped as the server will send it, plus the markup each
 * paragraph and heading adds; the allowances were measured on built pages (see the weight test).
 */
import { gzipSync } from 'node:zlib';
import type { Section } from '../schemas/meeting.ts';
import { textRuns, type TextRun } from './full-text.ts';
import { cutIntoParts } from './full-text-parts.ts';

/** The most a page may weigh, gzip, before any interaction. */
const PAGE_BUDGET = 25 * 1024;
/** Room left unused, for what the estimate cannot see (a paragraph naming many speakers). */
const MARGIN = 1024;
/** The page around the text: header, navigation, footer, CSS and JavaScript, gzip. */
const CHROME = 9 * 1024;
/** A paragraph's markup: its anchor, ¶ link and the links in its text, gzip. */
const PER_PARAGRAPH = 60;
/** A heading's markup: eyebrow, title link, speakers line and its entry in the contents, gzip. */
const PER_RUN = 80;
/** One section's entry in the list of parts, which every part carries. */
const PER_PARTS_ENTRY = 20;

/** The estimated gzip weight of runs shown on one page, without the page around them. */
export function estimateTextWeight(runs: readonly TextRun[]): number {
  const paragraphs = runs.flatMap((run) => run.paragraphs);
  const text = paragraphs.map((p) => p.text).join('\n');
  return gzipSync(text).length + PER_PARAGRAPH * paragraphs.length + PER_RUN * runs.length;
}

/** Parts already cut, by the meeting's sections: the overview and each part's page ask again. */
const cut = new WeakMap<readonly Section[], TextRun[][]>();

/** The meeting's text as the pages of its full-text view: one part when it fits, else several. */
export function fullTextParts(sections: readonly Section[]): TextRun[][] {
  let parts = cut.get(sections);
  if (!parts) cut.set(sections, (parts = cutText(sections)));
  return parts;
}

function cutText(sections: readonly Section[]): TextRun[][] {
  const runs = textRuns(sections);
  const onePage = PAGE_BUDGET - MARGIN - CHROME;
  if (estimateTextWeight(runs) <= onePage) return [runs];
  // Every part lists all parts with their sections' titles: that much less room for text.
  const listed = runs.filter((run) => !run.continued).length;
  return cutIntoParts(runs, {
    budget: onePage - PER_PARTS_ENTRY * listed,
    weigh: estimateTextWeight,
  });
}
