/** Loads meetings and their pages in reading order, and builds their URLs under the base path. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { KIND_FOLDERS } from '../constants.ts';
import type { Meeting, Section } from '../schemas/meeting.ts';
import { withBase } from './base.ts';
import { oncePerBuild } from './memo.ts';

/** A generated page entry. */
export type PageEntry = CollectionEntry<'pages'>;

/** A meeting with its page entries in reading order. */
export interface MeetingWithPages {
  meeting: Meeting;
  pages: PageEntry[];
}

/** Every meeting, newest first, with its pages sorted by reading order; once per build. */
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
    .sort(
      (a, b) =>
        (b.meeting.startDate ?? '').localeCompare(a.meeting.startDate ?? '') ||
        a.meeting.slug.localeCompare(b.meeting.slug),
    );
}

/** Site-relative URL of a page, with the configured base path and a trailing slash. */
export function pageUrl(meetingSlug: string, kind: Section['kind'], slug: string): string {
  const path =
    kind === 'overview' ? `${meetingSlug}/` : `${meetingSlug}/${KIND_FOLDERS[kind]}/${slug}/`;
  return withBase(path);
}
