/**
 * A long meeting's full text cut into parts, each a page within the page budget. Parts follow
 * the document's order and end where a section ends when they can; a section too long for one
 * part is cut between paragraphs, and its next part opens with a heading that says it continues.
 */
import type { Paragraph } from '../schemas/meeting.ts';
import type { TextRun } from './full-text.ts';
import { paragraphRange } from './labels.ts';

/** How much text one part may hold. */
export interface PartBudget {
  /** The most a part may weigh, in the unit `weigh` counts. */
  budget: number;
  /** The estimated weight of runs shown together on one part. */
  weigh: (runs: readonly TextRun[]) => number;
}

/** The first `count` paragraphs of a run, and the rest under a heading of its own that continues it. */
function cutRun(run: TextRun, count: number, origin: TextRun): [TextRun, TextRun] {
  const rest = run.paragraphs.slice(count);
  const first = rest[0] as Paragraph;
  return [
    { ...run, paragraphs: run.paragraphs.slice(0, count) },
    // Named after the paragraph it starts at, so the id stays the same however the parts fall.
    {
      ...run,
      paragraphs: rest,
      continued: true,
      id: `${origin.id}-from-${first.id}`,
      formerIds: [],
    },
  ];
}

/**
 * The runs cut into parts in the document's order: every paragraph in exactly one part, each
 * part within `budget` unless one paragraph alone weighs more (it then gets a part of its own).
 * A run goes whole into the part that has room for it, or opens the next part if that one has;
 * only a run too long for any part is cut, filling the part it starts in.
 */
export function cutIntoParts(runs: readonly TextRun[], { budget, weigh }: PartBudget): TextRun[][] {
  const parts: TextRun[][] = [];
  let current: TextRun[] = [];
  const fits = (candidate: TextRun[]) => weigh(candidate) <= budget;
  const close = () => {
    if (current.length > 0) parts.push(current);
    current = [];
  };
  for (const run of runs) {
    if (fits([...current, run])) {
      current.push(run);
      continue;
    }
    if (fits([run])) {
      close();
      current.push(run);
      continue;
    }
    let rest = run;
    for (;;) {
      const count = paragraphsThatFit(rest, current, fits);
      if (count === rest.paragraphs.length) {
        current.push(rest);
        break;
      }
      if (count > 0) {
        const [head, tail] = cutRun(rest, count, run);
        current.push(head);
        rest = tail;
      }
      close();
    }
  }
  close();
  return parts;
}

/**
 * How many of the run's first paragraphs fit after `current`; at least one on an empty part.
 * A binary search, since each weighing gzips the whole part: a long run costs a few weighings,
 * not one per paragraph. Only a count found to fit is returned.
 */
function paragraphsThatFit(
  run: TextRun,
  current: TextRun[],
  fits: (candidate: TextRun[]) => boolean,
): number {
  const withFirst = (count: number) => [
    ...current,
    { ...run, paragraphs: run.paragraphs.slice(0, count) },
  ];
  let fitting = 0;
  let tooMany = run.paragraphs.length;
  if (fits(withFirst(tooMany))) fitting = tooMany;
  while (tooMany - fitting > 1) {
    const middle = Math.floor((fitting + tooMany) / 2);
    if (fits(withFirst(middle))) fitting = middle;
    else tooMany = middle;
  }
  return current.length === 0 ? Math.max(fitting, 1) : fitting;
}

/** One page of the full text, as its page and the list of parts show it. */
export interface FullTextPart {
  /** 1 for the first part. */
  n: number;
  /** Site-relative URL of the part's page. */
  href: string;
  /** The runs the part shows. */
  runs: TextRun[];
  /** Its paragraphs' numbers, as "¶ 12–40". */
  range: string;
  /** The headings a reader can jump to: each section that starts here, and one it continues. */
  headings: { id: string; title: string }[];
}

/** URL of part `n` of the full text: the full-text page itself for the first, `…/full/n/` after. */
export function fullTextPartUrl(fullHref: string, n: number): string {
  return n === 1 ? fullHref : `${fullHref}${n}/`;
}

/** A run's section as the contents name it: "Introduction" for the overview's own text. */
export function shortTitleOf({ section }: TextRun): string {
  return section.kind === 'overview' ? 'Introduction' : section.shortTitle;
}

/** The parts with their URLs, ¶ ranges and headings, for the pages and their navigation. */
export function describeParts(parts: readonly TextRun[][], fullHref: string): FullTextPart[] {
  return parts.map((runs, index) => ({
    n: index + 1,
    href: fullTextPartUrl(fullHref, index + 1),
    runs,
    range: paragraphRange(runs.flatMap((run) => run.paragraphs)) ?? '',
    headings: runs
      .filter((run, i) => !run.continued || i === 0)
      .map((run) => ({
        id: run.id,
        title: run.continued ? `${shortTitleOf(run)}, continued` : shortTitleOf(run),
      })),
  }));
}
