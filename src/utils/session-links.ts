/** The session references of every meeting's paragraphs, linked to the sessions' pages once per build. */
import { loadMeetings, pageUrl } from './meetings.ts';
import { sessionLinks, type PlacedLink } from './text-links.ts';

let cached: Promise<Map<string, Map<string, PlacedLink[]>>> | undefined;

async function collectSessionLinks(): Promise<Map<string, Map<string, PlacedLink[]>>> {
  return new Map((await loadMeetings()).map(({ meeting }) => [meeting.slug, sessionLinks(meeting, (slug) => pageUrl(meeting.slug, 'session', slug))]));
}

/**
 * A meeting's session references by paragraph id. A paragraph asks for them itself, like its
 * mentions: the MDX body passes it only its number, id and text. Read afresh in dev.
 */
export async function sessionLinksOf(meetingSlug: string): Promise<Map<string, PlacedLink[]>> {
  if (import.meta.env.DEV) return (await collectSessionLinks()).get(meetingSlug) ?? new Map();
  cached ??= collectSessionLinks();
  return (await cached).get(meetingSlug) ?? new Map();
}
