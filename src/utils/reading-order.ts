/**
 * The order a reader walks a meeting in: the pages that hold text, in the order the document
 * has that text. Pages without text of their own (indexes, thematic sessions the summary only
 * lists, "About") are reached from the programme and the navigation, never as a stop.
 */
import type { PageFrontmatter } from '../schemas/meeting.ts';
import { pageUrl } from './meetings.ts';

/** One stop of the walk. */
export interface NavLink {
  /** Site-relative URL with the base path. */
  href: string;
  /** What a link to it says. */
  title: string;
}

/**
 * Generated pages that have paragraphs, ordered by their first paragraph's number: the
 * document's own order, whatever order the splitter listed the pages in.
 */
export function readingOrder(
  meeting: { slug: string },
  pages: readonly { data: PageFrontmatter }[],
): NavLink[] {
  return pages
    .filter(({ data }) => data.paragraphs.length > 0)
    .sort(
      (a, b) => a.data.paragraphs[0]!.n - b.data.paragraphs[0]!.n || a.data.order - b.data.order,
    )
    .map(({ data }) => ({
      href: pageUrl(meeting.slug, data.kind, data.slug),
      title: data.shortTitle,
    }));
}

/** The stops before and after `href` in a walk. */
export function neighbours(
  walk: readonly NavLink[],
  href: string,
): { previous?: NavLink | undefined; next?: NavLink | undefined } {
  const at = walk.findIndex((link) => link.href === href);
  if (at === -1) return {};
  return { previous: walk[at - 1], next: walk[at + 1] };
}
