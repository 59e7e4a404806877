/** Loads meetings and their pages in reading order, and builds their URLs under the base path. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { KIND_FOLDERS } from '../constants.ts';
import type { Meeting, Section } from '../schemas/meeting.ts';
import { newerFirst } from './archive-data.ts';
import { withBase } from './base.ts';
import { oncePerBuild } from './memo.ts';

/** A generated page entry. */
export type PageEntry = CollectionEntry<'pages'>;

/** A meeting with its page entries in reading order. */
export interface MeetingWithPages {
  meeting: Meeting;
  pages: PageEntry[];
}

/**
 * Every meeting this build renders (all, or a shard's own: see content.config.ts), newest
 * first, with its pages sorted by reading order; once per build. Pages that list the whole
 * archive read its index instead (archive.ts).
 */
export const loadMeetings: () => Promise<MeetingWithPages[]> = oncePerBuild(collectMeetings);

async function collectMeetings(): Promise<MeetingWithPages[]> {
  const [meetings, pages] = await Promise.all([getCollection('meetings'), getCollection('pages')]);
  const pagesOf = new Map<string, PageEntry[]>();
  for (const page of pages)
    pagesOf.set(page.data.meeting, [...(pagesOf.get(page.data.meeting) ?? []), page]);
  return meetings
    .map(({ data }) => ({
      meeting: data,
      pages: (pagesOf.get(data.slug) ?? []).sort((a, b) => a.data.order - b.data.order),
    }))
    .sort((a, b) => newerFirst(a.meeting, b.meeting));
}

/** Site-relative URL of a page, with the configured base path and a trailing slash. */
export function pageUrl(meetingSlug: string, kind: Section['kind'], slug: string): string {
  const path =
    kind === 'overview' ? `${meetingSlug}/` : `${meetingSlug}/${KIND_FOLDERS[kind]}/${slug}/`;
  return withBase(path);
}
