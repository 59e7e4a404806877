/** Static paths shared by the meeting routes, so each route file only renders. */
import type { Meeting, Section } from '../schemas/meeting.ts';
import { loadMeetings, type PageEntry } from './meetings.ts';
import { ownsMeeting } from './shard.ts';

/** Props of a route that renders something about a whole meeting. */
export interface MeetingProps {
  meeting: Meeting;
  /** The meeting's generated pages in reading order. */
  pages: PageEntry[];
}

/** Props of a route that renders one generated page. */
export interface SectionProps extends MeetingProps {
  /** The generated page. */
  page: PageEntry;
  /** The same section in the meeting model, with its paragraphs' text. */
  section: Section | undefined;
}

/** The meetings whose pages this build renders: all, or a shard's own (see shard.ts). */
export async function ownMeetings(): ReturnType<typeof loadMeetings> {
  return (await loadMeetings()).filter(({ meeting }) => ownsMeeting(meeting.slug));
}

/** One path per meeting: `/<meeting>/…`. */
export async function meetingPaths(): Promise<
  { params: { meeting: string }; props: MeetingProps }[]
> {
  const meetings = await ownMeetings();
  return meetings.map(({ meeting, pages }) => ({
    params: { meeting: meeting.slug },
    props: { meeting, pages },
  }));
}

/** One path per generated page of a kind: `/<meeting>/<kind>/<slug>/`. */
export async function sectionPaths(
  kind: Section['kind'],
): Promise<{ params: { meeting: string; slug: string }; props: SectionProps }[]> {
  const meetings = await ownMeetings();
  return meetings.flatMap(({ meeting, pages }) =>
    pages
      .filter((page) => page.data.kind === kind)
      .map((page) => ({
        params: { meeting: meeting.slug, slug: page.data.slug },
        props: {
          meeting,
          pages,
          page,
          section: meeting.sections.find((s) => s.kind === kind && s.slug === page.data.slug),
        },
      })),
  );
}

/** The generated pages of one kind, in reading order. */
export function pagesOfKind(pages: readonly PageEntry[], kind: Section['kind']): PageEntry[] {
  return pages.filter((page) => page.data.kind === kind);
}
