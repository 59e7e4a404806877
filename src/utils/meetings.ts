/** Loads meetings and their pages in reading order, and builds their URLs under the base path. */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Meeting, Section } from '../schemas/meeting.ts';

/** A generated page entry. */
export type PageEntry = CollectionEntry<'pages'>;

/** A meeting with its page entries in reading order. */
export interface MeetingWithPages {
  meeting: Meeting;
  pages: PageEntry[];
}

let cached: Promise<MeetingWithPages[]> | undefined;

/**
 * Every meeting, newest first, with its pages sorted by reading order. Pages ask for this as
 * they render, so a build computes it once: per page, it would make a site of many meetings
 * quadratic. The dev server, where sources change as editors type, reads it afresh.
 */
export function loadMeetings(): Promise<MeetingWithPages[]> {
  if (import.meta.env.DEV) return collectMeetings();
  cached ??= collectMeetings();
  return cached;
}

async function collectMeetings(): Promise<MeetingWithPages[]> {
  const [meetings, pages] = await Promise.all([getCollection('meetings'), getCollection('pages')]);
  const pagesOf = new Map<string, PageEntry[]>();
  for (const page of pages) pagesOf.set(page.data.meeting, [...(pagesOf.get(page.data.meeting) ?? []), page]);
  return meetings
    .map(({ data }) => ({ meeting: data, pages: (pagesOf.get(data.slug) ?? []).sort((a, b) => a.data.order - b.data.order) }))
    .sort((a, b) => (b.meeting.startDate ?? '').localeCompare(a.meeting.startDate ?? '') || a.meeting.slug.localeCompare(b.meeting.slug));
}

/** URL segment of each kind's pages inside a meeting. */
const KIND_PATHS: Record<Section['kind'], string> = { overview: '', session: 'sessions/', conclusion: 'conclusions/', outcome: 'outcome/', background: 'background/', annex: 'annex/' };

/** Site-relative URL of a page, with the configured base path and a trailing slash. */
export function pageUrl(meetingSlug: string, kind: Section['kind'], slug: string): string {
  const path = kind === 'overview' ? `${meetingSlug}/` : `${meetingSlug}/${KIND_PATHS[kind]}${slug}/`;
  return withBase(path);
}

/** Prefixes a site-relative path with the base path (BASE_PATH), exactly one slash between. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}
