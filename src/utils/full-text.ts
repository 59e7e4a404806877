/**
 * The whole text of a meeting in the document's order, cut into runs of paragraphs that belong
 * to the same page. A page's paragraphs need not be contiguous (an overview's introduction may
 * resume after the sessions), so a page can have several runs; each names its page.
 */
import type { Paragraph, Section } from '../schemas/meeting.ts';

/** Consecutive paragraphs of one section, as the one-page view shows them under one heading. */
export interface TextRun {
  /** The section the paragraphs belong to. */
  section: Section;
  /** The run's paragraphs, in the document's order. */
  paragraphs: Paragraph[];
  /** 1 for a section's first run, 2 for where it resumes, and so on. */
  part: number;
  /** Whether the heading carries on its section: where it resumes, or where a part of the text cut it. */
  continued: boolean;
  /** Fragment id of the run's heading; never of the paragraph id form. */
  id: string;
  /** The ids this heading had in earlier editions, when the section's slug has since changed. */
  formerIds: string[];
}

/** Every paragraph once, in the order of their numbers, grouped into runs by section. */
export function textRuns(sections: readonly Section[]): TextRun[] {
  const placed = sections.flatMap((section) =>
    section.paragraphs.map((paragraph) => ({ section, paragraph })),
  );
  placed.sort((a, b) => a.paragraph.n - b.paragraph.n);
  const runs: TextRun[] = [];
  const parts = new Map<Section, number>();
  for (const { section, paragraph } of placed) {
    const last = runs.at(-1);
    if (last?.section === section) {
      last.paragraphs.push(paragraph);
      continue;
    }
    const part = (parts.get(section) ?? 0) + 1;
    parts.set(section, part);
    const suffix = part === 1 ? '' : `-${part}`;
    const base = section.kind === 'overview' ? 'introduction' : `${section.kind}-${section.slug}`;
    // A published link to this heading names the slug of its day: every former one stays an anchor.
    const former = (section.formerPaths ?? [])
      .map((path) => `${section.kind}-${path.slice(path.indexOf('/') + 1)}${suffix}`)
      .filter((id) => id !== `${base}${suffix}`);
    runs.push({
      section,
      paragraphs: [paragraph],
      part,
      continued: part > 1,
      id: `${base}${suffix}`,
      formerIds: [...new Set(former)],
    });
  }
  return runs;
}
