/** Short descriptions of pages for listings and eyebrows, from the model's fields only. */
import type { PageFrontmatter } from '../schemas/meeting.ts';

/** "¶ 3–6", "¶ 13" or undefined for a page without paragraphs. */
export function paragraphRange(paragraphs: readonly { n: number; label?: string | undefined }[]): string | undefined {
  const printed = (p: { n: number; label?: string | undefined } | undefined) => p && (p.label ?? String(p.n));
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
      return page.programmeNumber ? `Theme ${page.programmeNumber} of the programme` : 'Theme of the programme';
    default:
      return 'Session';
  }
}
