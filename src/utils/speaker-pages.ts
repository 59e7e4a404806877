/**
 * The site's people (one page per person across meetings) and the links to their pages. The
 * people are grouped once per build from the cross-meeting index (archive.ts): every page with
 * paragraphs needs them to link mentions, in a shard build too, where the other meetings'
 * models are not loaded.
 */
import type { Speaker } from '../schemas/meeting.ts';
import type { CrossMeetingIndex } from './archive-data.ts';
import { loadIndex } from './archive.ts';
import { personUrl } from './links.ts';
import { loadMeetings } from './meetings.ts';
import { mentionLinks, type MentionLink } from './mention-links.ts';
import { oncePerBuild, ofMeeting } from './memo.ts';

/** The page of a meeting's speaker, with the lookup built once per build. */
export const loadPersonHref: () => Promise<
  (meetingSlug: string, speaker: Pick<Speaker, 'id'>) => string | undefined
> = oncePerBuild(async () => personHrefs((await loadIndex()).people));

/** Looks up the page of a meeting's speaker among `people` (every person's id and appearances). */
export function personHrefs(
  people: CrossMeetingIndex['people'],
): (meetingSlug: string, speaker: Pick<Speaker, 'id'>) => string | undefined {
  const byKey = new Map(
    people.flatMap(([id, appearances]) => appearances.map((key) => [key, personUrl(id)] as const)),
  );
  return (meetingSlug, speaker) => byKey.get(`${meetingSlug}/${speaker.id}`);
}

async function collectTargets(): Promise<Map<string, Map<string, MentionLink[]>>> {
  const [meetings, personHref] = await Promise.all([loadMeetings(), loadPersonHref()]);
  return new Map(
    meetings.map(({ meeting }) => [
      meeting.slug,
      mentionLinks(meeting.speakers, (speaker) => personHref(meeting.slug, speaker)),
    ]),
  );
}

const loadTargets = oncePerBuild(collectTargets);

/** The speakers each paragraph of a meeting names, by paragraph id, with the link to their page. */
export async function mentionTargetsOf(meetingSlug: string): Promise<Map<string, MentionLink[]>> {
  return ofMeeting(await loadTargets(), meetingSlug, 'speaker mentions');
}
