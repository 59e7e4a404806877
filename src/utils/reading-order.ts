/** The order a reader walks a meeting in: every page once, each index before its first entry. */
import type { PageFrontmatter } from '../schemas/meeting.ts';
import { meetingLinks } from './links.ts';
import { pageUrl } from './meetings.ts';

/** One stop of the walk. */
export interface NavLink {
  /** Site-relative URL with the base path. */
  href: string;
  /** What a link to it says. */
  title: string;
}

/**
 * Generated pages in their `order`, with the sessions and key conclusions indexes placed just
 * before their first entry and "About this edition" last.
 */
export function readingOrder(meeting: { slug: string; source: string }, pages: readonly { data: PageFrontmatter }[]): NavLink[] {
  const links = meetingLinks(meeting);
  const indexBefore: Partial<Record<PageFrontmatter['kind'], NavLink>> = {
    session: { href: links.sessions, title: 'Sessions' },
    conclusion: { href: links.conclusions, title: 'Key conclusions' },
  };
  const walk: NavLink[] = [];
  for (const { data } of [...pages].sort((a, b) => a.data.order - b.data.order)) {
    const index = indexBefore[data.kind];
    if (index) {
      walk.push(index);
      delete indexBefore[data.kind];
    }
    walk.push({ href: pageUrl(meeting.slug, data.kind, data.slug), title: data.shortTitle });
  }
  walk.push(...Object.values(indexBefore), { href: links.about, title: 'About this edition' });
  return walk;
}

/** The stops before and after `href` in a walk. */
export function neighbours(walk: readonly NavLink[], href: string): { previous?: NavLink | undefined; next?: NavLink | undefined } {
  const at = walk.findIndex((link) => link.href === href);
  if (at === -1) return {};
  return { previous: walk[at - 1], next: walk[at + 1] };
}
