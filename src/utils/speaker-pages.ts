/**
 * The site's people (one page per person across meetings) and the links to their pages. The
 * people are grouped once per build: every page with paragraphs needs them to link mentions.
 */
import type { Meeting, Speaker } from '../schemas/meeting.ts';
import { personUrl } from './links.ts';
import { loadMeetings } from './meetings.ts';
import { mentionTargets, type MentionTarget } from './mention-links.ts';
import { groupPeople, type Person } from './people.ts';

let cached: Promise<Person[]> | undefined;
let cachedTargets: Promise<Map<string, Map<string, MentionTarget[]>>> | undefined;

/**
 * Meetings oldest first: a person's id is taken by their first appearance, so a newer meeting
 * with a homonym gets the suffixed id and the older page keeps its URL.
 */
function oldestFirst(meetings: Meeting[]): Meeting[] {
  return [...meetings].sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.slug.localeCompare(b.slug));
}

async function collectPeople(): Promise<Person[]> {
  return groupPeople(oldestFirst((await loadMeetings()).map(({ meeting }) => meeting)));
}

/** Every person of every meeting, each with their appearances. */
export async function loadPeople(): Promise<Person[]> {
  // The dev server re-splits as editors type: there the people must be read afresh.
  if (import.meta.env.DEV) return collectPeople();
  cached ??= collectPeople();
  return cached;
}

let cachedHref: Promise<(meetingSlug: string, speaker: Pick<Speaker, 'id'>) => string | undefined> | undefined;

/** The page of a meeting's speaker, with the lookup built once per build. */
export async function loadPersonHref(): Promise<(meetingSlug: string, speaker: Pick<Speaker, 'id'>) => string | undefined> {
  if (import.meta.env.DEV) return personHrefs(await collectPeople());
  cachedHref ??= loadPeople().then(personHrefs);
  return cachedHref;
}

/** Looks up the page of a meeting's speaker among `people`. */
export function personHrefs(people: readonly Person[]): (meetingSlug: string, speaker: Pick<Speaker, 'id'>) => string | undefined {
  const byKey = new Map(people.flatMap((person) => person.appearances.map((a) => [`${a.meeting.slug}/${a.speaker.id}`, personUrl(person.id)] as const)));
  return (meetingSlug, speaker) => byKey.get(`${meetingSlug}/${speaker.id}`);
}

async function collectTargets(): Promise<Map<string, Map<string, MentionTarget[]>>> {
  const [meetings, personHref] = await Promise.all([loadMeetings(), loadPersonHref()]);
  return new Map(meetings.map(({ meeting }) => [meeting.slug, mentionTargets(meeting.speakers ?? [], (speaker) => personHref(meeting.slug, speaker))]));
}

/**
 * The speakers each paragraph of a meeting names, by paragraph id, with the link to their page.
 * A paragraph asks for them itself: the MDX body passes it only its number, id and text.
 */
export async function mentionTargetsOf(meetingSlug: string): Promise<Map<string, MentionTarget[]>> {
  if (import.meta.env.DEV) return (await collectTargets()).get(meetingSlug) ?? new Map();
  cachedTargets ??= collectTargets();
  return (await cachedTargets).get(meetingSlug) ?? new Map();
}
