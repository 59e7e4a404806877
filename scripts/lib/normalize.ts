/**
 * Step 2 of the pipeline: text in, blocks out. A block is what the author meant as one
 * paragraph (or one title-block entry): PDF page numbers and running headers are dropped,
 * hard-wrapped lines are joined, and paragraphs split by a page break are put back together.
 */

/** One paragraph-like block of the source. */
export interface Block {
  /** The block's lines as the source has them (kept for the title block, where lines are structure). */
  lines: string[];
  /** The lines joined into running text. */
  text: string;
  /** 1-based line of the source where the block starts, for error messages. */
  line: number;
}

/** What normalizing changed, for the split summary. */
export interface NormalizeReport {
  /** Paragraphs re-joined because a page break had split a sentence. */
  pageBreaksRepaired: number;
  /** Page-number lines dropped. */
  pageNumbersDropped: number;
  /** Running-header or running-footer lines dropped. */
  runningHeadersDropped: number;
  /** Stray control characters (U+0085 and other C1 controls, stray C0 ones) read as spaces. */
  controlsAsSpaces: number;
}

/** Normalized source: blocks in reading order and a report of the repairs. */
export interface NormalizedText {
  blocks: Block[];
  report: NormalizeReport;
  /** 1-based numbers of the lines dropped on purpose (page numbers, running headers). */
  dropped: Set<number>;
}

const TERMINAL = /[.!?:;…"”’)\]]$/u;
const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** Splits text (LF line ends) into repaired blocks. */
export function normalizeText(text: string): NormalizedText {
  const report: NormalizeReport = {
    pageBreaksRepaired: 0,
    pageNumbersDropped: 0,
    runningHeadersDropped: 0,
    controlsAsSpaces: 0,
  };
  const all = controlsToSpaces(text, report).split('\n');
  const lines = dropPageFurniture(all, report);
  const layout = readLayout(lines);
  const blocks = repairPageBreaks(
    groupBlocks(lines).flatMap((block) => splitPastedLines(block, layout)),
    report,
  );
  const keptLines = new Set(lines.map((l) => l.line));
  const dropped = new Set(all.map((_, i) => i + 1).filter((n) => !keptLines.has(n)));
  return { blocks, report, dropped };
}

/** How the text was laid out: unwrapped (a paragraph per line) or hard-wrapped, with or without blank lines. */
interface Layout {
  /** Some line is longer than anyone hard-wraps: each line holds a whole paragraph. */
  unwrapped: boolean;
  /** Almost no blank lines: paragraphs follow each other line after line. */
  noBlankLines: boolean;
  /** The width hard-wrapped lines fill (90th percentile of line lengths). */
  wrapWidth: number;
}

/** Nobody hard-wraps text wider than this; a longer line is a paragraph pasted whole. */
const UNWRAPPED_LINE = 200;

function readLayout(lines: SourceLine[]): Layout {
  const lengths = lines
    .map((l) => l.text.trim().length)
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  const blank = lines.length - lengths.length;
  return {
    unwrapped: (lengths.at(-1) ?? 0) > UNWRAPPED_LINE,
    noBlankLines: blank <= lengths.length * 0.02,
    wrapWidth: lengths[Math.floor(lengths.length * 0.9)] ?? 0,
  };
}

const SENTENCE_END = /[.!?…"”)]$/u;
const MARKDOWN_HEADING = /^#{1,6}\s/;

/** A line in capitals ("SESSION ONE: OPENING"), the genre's commonest plain-text heading. */
export function isCapitalsLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 3 &&
    letters === letters.toLocaleUpperCase('en') &&
    letters !== letters.toLocaleLowerCase('en') &&
    line.split(/\s+/).length <= 30
  );
}

/**
 * A block of several lines is one hard-wrapped paragraph, or several paragraphs pasted a line
 * each without blank lines between (from Word, a web page or an e-mail). The evidence decides:
 * a Markdown heading is always a line of its own; in unwrapped text a line that ends a sentence,
 * or sits before a whole paragraph, ends its block; in hard-wrapped text with no blank lines, a
 * sentence end well short of the wrap width or a line in capitals does. A list item ("- …",
 * "2. …" once a list has begun) starts a block of its own, so each item can be a conclusion. A
 * line starting in lowercase always continues the one before.
 */
function splitPastedLines(block: Block, layout: Layout): Block[] {
  if (block.lines.length < 2) return [block];
  const parts: string[][] = [[]];
  let inEmphasis = false;
  let listBegun = false;
  block.lines.forEach((line, i) => {
    parts.at(-1)!.push(line);
    inEmphasis = (line.match(/\*\*|__/g)?.length ?? 0) % 2 === 1 ? !inEmphasis : inEmphasis;
    listBegun ||= NUMBERED_ITEM.test(line);
    const next = block.lines[i + 1];
    if (next !== undefined && !inEmphasis && endsParagraph(line, next, layout, listBegun))
      parts.push([]);
  });
  if (parts.length === 1) return [block];
  let line = block.line;
  return parts.map((lines) => {
    const part = { lines, text: joinWrappedLines(lines), line };
    line += lines.length;
    return part;
  });
}

/** A capitals line of two words or more that is not a sentence: "SESSION ONE", "WATER AND CITIES". */
function isHeadingLine(line: string): boolean {
  return (
    isCapitalsLine(line) &&
    /\p{L}{2,}\s+\S*\p{L}{2,}|^\p{L}{4,}:?$/u.test(line) &&
    !SENTENCE_END.test(line) &&
    !/,$/.test(line)
  );
}

/** A bulleted list item ("- ", "* ", "• "): each is an entry of its own in any layout. */
const BULLET_ITEM = /^[-*•·–]\s+\S/u;
/** A numbered list item ("1. ", "2) "): an entry of its own once a list has begun. */
const NUMBERED_ITEM = /^\d{1,2}[.)]\s+\S/u;

/** A list item's text without its marker, for titles and statements; the paragraph keeps it. */
export function withoutListMarker(text: string): string {
  return BULLET_ITEM.test(text) || NUMBERED_ITEM.test(text)
    ? text.replace(/^(?:[-*•·–]|\d{1,2}[.)])\s+/u, '')
    : text;
}

function endsParagraph(line: string, next: string, layout: Layout, listBegun: boolean): boolean {
  if (MARKDOWN_HEADING.test(line) || MARKDOWN_HEADING.test(next)) return true;
  if (BULLET_ITEM.test(next)) return true;
  if (NUMBERED_ITEM.test(next) && (listBegun || /:$/.test(line))) return true;
  if (/^\p{Ll}/u.test(next)) return false;
  // Pasted without blank lines and without wrapping, every line is an entry of its own.
  if (layout.unwrapped && layout.noBlankLines) return true;
  if (layout.unwrapped) {
    const wholeParagraph = (text: string) => text.length >= 120 && SENTENCE_END.test(text);
    return (
      SENTENCE_END.test(line) ||
      isCapitalsLine(line) ||
      isCapitalsLine(next) ||
      wholeParagraph(next)
    );
  }
  // A line in capitals is a heading in any layout, never a wrapped line of a paragraph.
  if (isHeadingLine(line) || isHeadingLine(next)) return true;
  if (!layout.noBlankLines) return false;
  return SENTENCE_END.test(line) && line.length < layout.wrapWidth * 0.8;
}

/** Controls other than line feed, tab and form feed (a page break). */
// eslint-disable-next-line no-control-regex -- stray control characters are what it finds
const STRAY_CONTROL = /[\u0000-\u0008\u000b\u000d-\u001f\u007f-\u009f]/g;

/**
 * Converters leave stray controls in text (U+0085 for a lost line break or ellipsis): they are
 * white space to a reader, so they become spaces — never an error, never a dropped character.
 */
function controlsToSpaces(text: string, report: NormalizeReport): string {
  return text.replace(STRAY_CONTROL, () => {
    report.controlsAsSpaces++;
    return ' ';
  });
}

interface SourceLine {
  text: string;
  line: number;
}

/** Removes page numbers and lines that repeat on every page (running headers and footers). */
function dropPageFurniture(rawLines: string[], report: NormalizeReport): SourceLine[] {
  const lines = rawLines.map((text, i) => ({ text: text.replace(/[ \t]+$/u, ''), line: i + 1 }));
  const pages = lines.filter((l) => l.text.startsWith('\f')).length + 1;
  // A running header often skips the first page; the first page's own copy may be the title.
  const firstBreak = lines.find((l) => l.text.startsWith('\f'))?.line ?? Infinity;
  // Only lines standing alone at a page's edge can be running headers; count those alone, so
  // a short line of text that recurs elsewhere ("water.") is never taken for one.
  const atEdge = (entry: SourceLine) => isStandalone(lines, entry) && isAtPageEdge(lines, entry);
  const repeats = countRepeats(lines.filter(atEdge));
  const enough = Math.max(2, Math.min(3, pages - 1));
  const kept: SourceLine[] = [];
  const seen = new Set<string>();
  for (const entry of lines) {
    const trimmed = entry.text.trim();
    if (trimmed === '') {
      kept.push({ text: '', line: entry.line });
      continue;
    }
    if (isStandalone(lines, entry) && PAGE_NUMBER.test(trimmed)) {
      report.pageNumbersDropped++;
      continue;
    }
    const key = furnitureKey(trimmed);
    const isRunning = pages > 1 && (repeats.get(key) ?? 0) >= enough && atEdge(entry);
    // An occurrence on the first page may be the real title; those after are page furniture.
    if (isRunning && (seen.has(key) || entry.line >= firstBreak)) {
      report.runningHeadersDropped++;
      continue;
    }
    if (isRunning) seen.add(key);
    kept.push(entry);
  }
  return kept;
}

/** Short lines, digits folded, so "Report — page 3" and "Report — page 4" count as one. */
function furnitureKey(line: string): string {
  return line.replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

function countRepeats(lines: SourceLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { text } of lines) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === '\f' || trimmed.split(/\s+/).length > 14) continue;
    const key = furnitureKey(trimmed);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Running headers and footers sit at a page's edge: no text line between them and a page break
 * (or the file's start or end). A heading repeated inside pages ("Discussion") is text.
 */
function isAtPageEdge(lines: SourceLine[], entry: SourceLine): boolean {
  // Text tools put the form feed before the next page's first line, on the same line.
  if (entry.text.startsWith('\f')) return true;
  const index = entry.line - 1;
  const edgeFrom = (step: number) => {
    for (let i = index + step; i >= 0 && i < lines.length; i += step) {
      if (lines[i]!.text.startsWith('\f')) return true;
      const text = lines[i]!.text.trim();
      if (text !== '' && !PAGE_NUMBER.test(text)) return false;
    }
    return true;
  };
  return edgeFrom(-1) || edgeFrom(1);
}

/** A line with a blank line (or the file's edge) on both sides. */
function isStandalone(lines: SourceLine[], entry: SourceLine): boolean {
  const index = entry.line - 1;
  const blank = (i: number) => i < 0 || i >= lines.length || /^\s*\f?\s*$/.test(lines[i]!.text);
  return blank(index - 1) && blank(index + 1);
}

function groupBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  let current: SourceLine[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push(toBlock(current));
    current = [];
  };
  for (const entry of lines) {
    if (entry.text.trim() === '') flush();
    else current.push(entry);
  }
  flush();
  return blocks;
}

function toBlock(lines: SourceLine[]): Block {
  const texts = lines.map((l) => l.text.trim());
  return { lines: texts, text: joinWrappedLines(texts), line: lines[0]!.line };
}

/** Joins hard-wrapped lines; a line ending in a hyphen keeps it and joins without a space. */
export function joinWrappedLines(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (text === '') return line;
    return /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line) ? text + line : `${text} ${line}`;
  }, '');
}

/** Words a heading never ends on, but a sentence cut by a page break often does. */
const DANGLING =
  /\b(?:a|an|the|of|to|in|on|for|and|or|but|with|by|from|at|as|that|which|is|are|was|were)$/i;

/** A short line without final punctuation: a heading such as "Conclusion". */
export function isHeadingLike(block: Block): boolean {
  const words = block.text.split(/\s+/).length;
  return (
    block.lines.length === 1 &&
    words <= 8 &&
    !TERMINAL.test(block.text) &&
    !/,$/.test(block.text) &&
    !DANGLING.test(block.text) &&
    !/^\p{Ll}/u.test(block.text)
  );
}

/** Running text: a sentence of some length, or several, ending like a sentence. */
export function isBodyParagraph(block: Block): boolean {
  const words = block.text.split(/\s+/).length;
  return (block.text.length >= 120 || words >= 12) && /[.!?…"”)]$/u.test(block.text);
}

/**
 * A paragraph that stops without final punctuation, followed by one that is not a heading, is
 * one paragraph that a page break cut in two: the PDF-to-text tool saw two blocks.
 */
export function repairPageBreaks(blocks: Block[], report: NormalizeReport): Block[] {
  const firstBody = blocks.findIndex(isBodyParagraph);
  if (firstBody === -1) return blocks;
  const repaired = blocks.slice(0, firstBody);
  // A repaired block collects its parts and is joined once at the end: joining at every repair
  // would copy the text again each time, quadratic in a long run of cut paragraphs.
  const parts = new Map<Block, string[]>();
  for (const block of blocks.slice(firstBody)) {
    const previous = repaired.at(-1);
    const previousParts = previous && parts.get(previous);
    // Only its lines and its last character decide whether a block was cut short.
    const view =
      previous && previousParts ? { ...previous, text: previousParts.at(-1)! } : previous;
    if (previous && view && repaired.length > firstBody && isCutShort(view, block)) {
      if (previousParts) {
        for (const line of block.lines) previous.lines.push(line);
        previousParts.push(block.text);
      } else {
        const merged = {
          lines: [...previous.lines, ...block.lines],
          text: '',
          line: previous.line,
        };
        parts.set(merged, [previous.text, block.text]);
        repaired[repaired.length - 1] = merged;
      }
      report.pageBreaksRepaired++;
    } else {
      repaired.push(block);
    }
  }
  for (const [block, texts] of parts) block.text = texts.join(' ');
  return repaired;
}

function isCutShort(previous: Block, next: Block): boolean {
  if (isHeadingLike(next) || /^#{1,6}\s/.test(next.text) || TERMINAL.test(previous.text))
    return false;
  // A heading never runs on into the paragraph under it, however long it is.
  if (
    MARKDOWN_HEADING.test(previous.text) ||
    (previous.lines.length === 1 && isCapitalsLine(previous.text))
  )
    return false;
  // A short unpunctuated line is a heading, unless the next block carries on in lowercase.
  return !isHeadingLike(previous) || /^\p{Ll}/u.test(next.text);
}
