/**
 * One page per person across meetings. The same name in two meetings is one person only when
 * the affiliations agree (a shared organization or country) or one side states none: homonyms
 * with different affiliations stay apart.
 */
import type { Meeting, Speaker } from '../schemas/meeting.ts';

/** A speaker's appearance in one meeting. */
export interface Appearance {
  meeting: Pick<Meeting, 'slug' | 'title' | 'startDate'>;
  speaker: Speaker;
}

/** A person across the site's meetings. */
export interface Person {
  /** URL segment of the person's page, unique across the site. */
  id: string;
  name: string;
  appearances: Appearance[];
}

/** Case, accents and punctuation do not make two names different. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words of an affiliation that identify it: its acronyms and capitalized words. */
function affiliationWords(speaker: Speaker): Set<string> {
  const text = [speaker.organization, speaker.role].filter(Boolean).join(' ');
  const words = text.match(/\(?\p{Lu}[\p{L}-]+\)?/gu) ?? [];
  return new Set(
    words
      .map((w) => w.replace(/[()]/g, ''))
      .filter(
        (w) =>
          w.length > 2 &&
          !/^(?:The|Director|Minister|Deputy|Executive|General|Senior|Head|Chief|Special|Representative|Vice|Assistant|Office|Department|Ministry|Division|Of|For|And)$/.test(
            w,
          ),
      ),
  );
}

/** True when two attributions of one name can be the same person. */
export function sameAffiliation(a: Speaker, b: Speaker): boolean {
  const stated = (s: Speaker) => Boolean(s.organization || s.countryCode);
  if (!stated(a) || !stated(b)) return true;
  if (a.countryCode && a.countryCode === b.countryCode) return true;
  const wordsA = affiliationWords(a);
  return [...affiliationWords(b)].some((w) => wordsA.has(w));
}

/** Groups every meeting's speakers into people, in order of first appearance. */
export function groupPeople(
  meetings: readonly Pick<Meeting, 'slug' | 'title' | 'startDate' | 'speakers'>[],
): Person[] {
  const people: Person[] = [];
  // Only people of the same name can match: look them up by name, not through everyone.
  const byName = new Map<string, Person[]>();
  for (const meeting of meetings) {
    for (const speaker of meeting.speakers) {
      const appearance = {
        meeting: {
          slug: meeting.slug,
          title: meeting.title,
          ...(meeting.startDate ? { startDate: meeting.startDate } : {}),
        },
        speaker,
      };
      const key = nameKey(speaker.name);
      const namesakes = byName.get(key) ?? [];
      const match = namesakes.find((p) =>
        p.appearances.every((a) => sameAffiliation(a.speaker, speaker)),
      );
      if (match) {
        match.appearances.push(appearance);
      } else {
        const person = { id: speaker.id, name: speaker.name, appearances: [appearance] };
        people.push(person);
        byName.set(key, [...namesakes, person]);
      }
    }
  }
  const taken = new Map<string, number>();
  for (const person of people) {
    const count = (taken.get(person.id) ?? 0) + 1;
    taken.set(person.id, count);
    if (count > 1) person.id = `${person.id}-${count}`;
  }
  return people;
}
