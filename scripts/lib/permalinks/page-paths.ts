/** A section's path inside its meeting's URL space, as the lockfile records it. */
import { KIND_FOLDERS } from '../../../src/constants.ts';
import type { Section } from '../../../src/schemas/meeting.ts';

/** `conclusions/some-slug`, or the empty path for the overview. */
export function sectionPath(section: Pick<Section, 'kind' | 'slug'>): string {
  return section.kind === 'overview' ? '' : `${KIND_FOLDERS[section.kind]}/${section.slug}`;
}
