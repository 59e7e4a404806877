/** Where each paragraph of a meeting is read: its number, its page and that page's title. */
import type { Meeting, Section } from '../schemas/meeting.ts';
import { pageUrl } from './meetings.ts';

/** One paragraph's place in the site. */
export interface ParagraphPlace {
  /** Fragment id (`p12`). */
  id: string;
  /** Meeting-wide number. */
  n: number;
  /** The number as printed: `26`, or `26a` for a paragraph a correction inserted. */
  label: string;
  /** The paragraph's text. */
  text: string;
  /** URL of the paragraph: its page with the fragment. */
  href: string;
  /** The section whose page holds it. */
  section: Section;
}

/** Every paragraph of `meeting` by id. */
export function paragraphPlaces(
  meeting: Pick<Meeting, 'slug' | 'sections'>,
): Map<string, ParagraphPlace> {
  return new Map(
    meeting.sections.flatMap((section) =>
      section.paragraphs.map(
        (p) =>
          [
            p.id,
            {
              id: p.id,
              n: p.n,
              label: p.label ?? String(p.n),
              text: p.text,
              href: `${pageUrl(meeting.slug, section.kind, section.slug)}#${p.id}`,
              section,
            },
          ] as const,
      ),
    ),
  );
}

/** The places of `ids` that exist, in reading order. */
export function placesOf(
  ids: readonly string[],
  places: ReadonlyMap<string, ParagraphPlace>,
): ParagraphPlace[] {
  return ids.flatMap((id) => places.get(id) ?? []).sort((a, b) => a.n - b.n);
}
