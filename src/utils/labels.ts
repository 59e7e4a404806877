/** Short descriptions of pages for listings and eyebrows, from the model's fields only. */
import type { PageFrontmatter, RelatedConclusion } from '../schemas/meeting.ts';

/** "¶ 3–6", "¶ 13" or undefined for a page without paragraphs. */
export function paragraphRange(
  paragraphs: readonly { n: number; label?: string | undefined }[],
): string | undefined {
  const printed = (p: { n: number; label?: string | undefined } | undefined) =>
    p && (p.label ?? String(p.n));
  const first = printed(paragraphs[0]);
  const last = printed(paragraphs.at(-1));
  if (first === undefined || last === undefined) return undefined;
  return first === last ? `¶ ${first}` : `¶ ${first}–${last}`;
}

/** How a session entered the programme, in words: "Opening", "Closing", "Theme 2 of the programme". */
export function sessionRoleLabel(page: Pick<PageFrontmatter, 'role' | 'programmeNumber'>): string {
  switch (page.role) {
    case 'opening':
      return 'Opening';
    case 'closing':
      return 'Closing';
    case 'thematic':
      return page.programmeNumber
        ? `Theme ${page.programmeNumber} of the programme`
        : 'Theme of the programme';
    default:
      return 'Session';
  }
}

/** How a relation between a session and a key conclusion was made, as both their pages label it. */
export function relationLabel(relation: Pick<RelatedConclusion, 'derived'>): string {
  return relation.derived ? 'related (derived)' : 'related (stated)';
}

/** What explains the derived label, shown once above a list of relations that has one. */
export const DERIVED_NOTE =
  '“Related (derived)” means the link was computed from the text (shared words, or the session’s number named in a paragraph), not stated by an editor; the reason is shown so you can check it.';
