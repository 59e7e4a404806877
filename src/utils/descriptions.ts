/** Meta descriptions: unique per page, built from the model's own words. */
import type { MeetingInfo, Section } from '../schemas/meeting.ts';
import { formatDateRange, truncateText } from './format.ts';

/** "Summary of conclusions of the X, 26–27 March 2018, Venue." */
export function describeMeeting(meeting: MeetingInfo): string {
  const when = [formatDateRange(meeting.startDate, meeting.endDate), meeting.venue]
    .filter(Boolean)
    .join(', ');
  const theme = meeting.theme ? ` Theme: ${meeting.theme}.` : '';
  return `${meeting.documentType ?? 'Summary'} of the ${meeting.title}${when ? `, ${when}` : ''}.${theme}`;
}

/** A section's description: its statement, its first paragraph, or what a thematic session is. */
export function describeSection(meeting: MeetingInfo, section: Section): string {
  if (section.statement) return truncateText(section.statement);
  const first = section.paragraphs[0]?.text;
  if (first) return truncateText(first);
  const place = section.programmeNumber
    ? `theme ${section.programmeNumber} of the programme`
    : 'a theme of the programme';
  return truncateText(
    `${section.title}: ${place} of the ${meeting.title}, with the key conclusions that discuss it.`,
  );
}
