/** A section's path inside its meeting's URL space, as the lockfile records it. */
import type { Section } from '../../../src/schemas/meeting.ts';

/** Folder of each kind's pages inside a meeting (the overview is the meeting's own URL). */
export const KIND_FOLDERS: Record<Section['kind'], string> = { overview: '', session: 'sessions', conclusion: 'conclusions', outcome: 'outcome', background: 'background', annex: 'annex' };

/** `conclusions/some-slug`, or the empty path for the overview. */
export function sectionPath(section: Pick<Section, 'kind' | 'slug'>): string {
  return section.kind === 'overview' ? '' : `${KIND_FOLDERS[section.kind]}/${section.slug}`;
}
