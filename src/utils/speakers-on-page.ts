/** The speakers a page's paragraphs name, for its "Speakers on this page" list and its contents. */
import type { Meeting, Speaker } from '../schemas/meeting.ts';

/** Fragment id and heading of the list, so the table of contents names it as the list does. */
export const SPEAKERS_ON_PAGE = { id: 'speakers-on-page', title: 'Speakers on this page' } as const;

/** Speakers named in `paragraphIds`, in order of first mention on the page. */
export function speakersOnPage(
  meeting: Pick<Meeting, 'speakers'>,
  paragraphIds: readonly string[],
): Speaker[] {
  const onPage = new Set(paragraphIds);
  const firstOnPage = (mentions: string[]) => paragraphIds.findIndex((id) => mentions.includes(id));
  return meeting.speakers
    .filter((speaker) => speaker.mentions.some((id) => onPage.has(id)))
    .sort((a, b) => firstOnPage(a.mentions) - firstOnPage(b.mentions));
}
