/**
 * Step 3c: turns draft sections into the document model: numbers paragraphs in reading order
 * of the source, gives every section a unique slug and a short title, and relates thematic
 * sessions to key conclusions.
 */
import type { Section } from '../../src/schemas/meeting.ts';
import { indexConclusions, relateConclusions } from './relate.ts';
import type { DraftSection } from './structure.ts';
import { shortenTitle, slugify, uniqueSlug } from './text.ts';

/** Builds sections from drafts; paragraphs are numbered in the order the source has them. */
export function assembleSections(drafts: DraftSection[]): Section[] {
  const sourceOrder = drafts.flatMap((draft) => draft.blocks).sort((a, b) => a.line - b.line);
  const numberOf = new Map(sourceOrder.map((block, i) => [block, i + 1]));
  const taken = new Map<string, Set<string>>();
  const sections = drafts.map((draft): Section => {
    const shortTitle = shortenTitle(draft.title, draft.kind === 'conclusion' ? 12 : 8);
    const scope =
      draft.kind === 'conclusion'
        ? 'conclusion'
        : draft.kind === 'session'
          ? 'session'
          : draft.kind === 'outcome'
            ? 'page'
            : draft.kind;
    if (!taken.has(scope)) taken.set(scope, new Set(['index']));
    const slug =
      draft.kind === 'overview'
        ? 'overview'
        : uniqueSlug(slugify(shortTitle), taken.get(scope)!, draft.kind);
    return {
      kind: draft.kind,
      ...(draft.role ? { role: draft.role } : {}),
      slug,
      title: draft.title,
      shortTitle,
      ...(draft.statement ? { statement: draft.statement } : {}),
      ...(draft.programmeNumber ? { programmeNumber: draft.programmeNumber } : {}),
      relatedConclusions: [],
      paragraphs: draft.blocks.map((block) => {
        const n = numberOf.get(block)!;
        return { n, id: `p${n}`, text: block.text };
      }),
      ...(draft.parts && draft.parts.length > 0
        ? { parts: assembleParts(draft.parts, numberOf) }
        : {}),
      ...(draft.under ? { under: draft.under } : {}),
    };
  });
  linkStatedConclusions(drafts, sections);
  return relateThematicSessions(sections);
}

/** Sub-headings get anchors unique on their page ("discussion", "discussion-2"). */
function assembleParts(
  parts: NonNullable<DraftSection['parts']>,
  numberOf: Map<unknown, number>,
): NonNullable<Section['parts']> {
  const taken = new Set<string>();
  return parts.map((part) => {
    const n = part.before ? numberOf.get(part.before) : undefined;
    return {
      id: uniqueSlug(`part-${slugify(part.title)}`.replace(/-$/, ''), taken),
      title: part.title,
      ...(n ? { before: `p${n}` } : {}),
    };
  });
}

/** A session (or the outcome) that states its own conclusions links to their pages, the strongest relation. */
function linkStatedConclusions(drafts: DraftSection[], sections: Section[]): void {
  drafts.forEach((draft, i) => {
    if (!draft.statedIn) return;
    const session = sections[drafts.indexOf(draft.statedIn)];
    const where = session?.kind === 'outcome' ? 'the outcome' : 'the session';
    session?.relatedConclusions.push({
      slug: sections[i]!.slug,
      derived: true,
      score: 1,
      reason: `${where} states this conclusion`,
    });
  });
}

/** Fills `relatedConclusions` of each thematic session from the text. */
export function relateThematicSessions(sections: Section[]): Section[] {
  const index = indexConclusions(
    sections
      .filter((s) => s.kind === 'conclusion')
      .map((s) => ({
        slug: s.slug,
        statement: s.statement ?? s.title,
        paragraphs: s.paragraphs.map((p) => p.text),
      })),
  );
  return sections.map((section) =>
    section.role === 'thematic' && section.programmeNumber
      ? {
          ...section,
          relatedConclusions: relateConclusions(
            { title: section.title, programmeNumber: section.programmeNumber },
            index,
          ),
        }
      : section,
  );
}

/** The meeting title used when neither the title block nor frontmatter gives one. */
export function fallbackTitle(info: { title?: string | undefined }, slug: string): string {
  return info.title ?? slug.replace(/-/g, ' ');
}
