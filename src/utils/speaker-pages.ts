/**
 * The site's people (one page per person across meetings) and the links to their pages. The
 * people are grouped once per build: every page with paragraphs needs them to link mentions.
 */
import type { Meeting, Speaker } from '../schemas/meeting.ts';
import { personUrl } from './links.ts';
import { loadMeetings } from './meetings.ts';
import { mentionLinks, type MentionLink } from './mention-links.ts';
import { oncePerBuild, ofMeeting } from './memo.ts';
import { groupPeople, type Person } from './people.ts';

/**
 * Meetings oldest first: a person's id is taken by their first appearance, so a newer meeting
 * with a homonym gets the suffixed id and the older page keeps its URL.
 */
function oldestFirst(meetings: Meeting[]): Meeting[] {
  return [...meetings].sort(
    (a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.slug.localeCompare(b.slug),
  );
}

async function collectPeople(): Promise<Person[]> {
  return groupPeople(oldestFirst((await loadMeetings()).map(({ meeting }) => meeting)));
}

/** Every person of every meeting, each with their appearances; once per build. */
export const loadPeople: () => Promise<Person[]> = oncePerBuild(collectPeople);

/** The page of a meeting's speaker, with the lookup built once per build. */
export const loadPersonHref: () => Promise<
  (meetingSlug: string, speaker: Pick<Speaker, 'id'>) => string | undefined
> = oncePerBuild(async () => personHrefs(await loadPeople()));

/** Looks up the page of a meeting's speaker among `people`. */
export function personHrefs(
  people: readonly Person[],
): (meetingSlug: string, speaker: Pick<Speaker, 'id'>) => string | undefined {
  const byKey = new Map(
    people.flatMap((person) =>
      person.appearances.map(
        (a) => [`${a.meeting.slug}/${a.speaker.id}`, personUrl(person.id)] as const,
      ),
    ),
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
