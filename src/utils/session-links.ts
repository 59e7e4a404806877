/** The session references of every meeting's paragraphs, linked to the sessions' pages once per build. */
import { loadMeetings, pageUrl } from './meetings.ts';
import { oncePerBuild, ofMeeting } from './memo.ts';
import { sessionLinks, type PlacedLink } from './text-links.ts';

async function collectSessionLinks(): Promise<Map<string, Map<string, PlacedLink[]>>> {
  return new Map(
    (await loadMeetings()).map(({ meeting }) => [
      meeting.slug,
      sessionLinks(meeting, (slug) => pageUrl(meeting.slug, 'session', slug)),
    ]),
  );
}

const loadSessionLinks = oncePerBuild(collectSessionLinks);

/** A meeting's session references by paragraph id, linked to the sessions' pages. */
export async function sessionLinksOf(meetingSlug: string): Promise<Map<string, PlacedLink[]>> {
  return ofMeeting(await loadSessionLinks(), meetingSlug, 'session links');
}
