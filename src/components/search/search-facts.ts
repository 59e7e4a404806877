/** The search filters and result metadata of one page, from the document model only. */
import type { Meeting, Section, SectionKind } from '../../schemas/meeting.ts';

/** How results and the kind filter name each kind of page. */
export const KIND_LABELS: Record<SectionKind, string> = {
  overview: 'Overview',
  session: 'Session',
  conclusion: 'Key conclusion',
  outcome: 'Outcome',
};

/** The kind's pages as a breadcrumb names them. */
const KIND_PLURALS: Record<SectionKind, string | undefined> = {
  overview: undefined,
  session: 'Sessions',
  conclusion: 'Key conclusions',
  outcome: 'Outcome',
};

/** What search records about one page. */
export interface SearchFacts {
  /** Short title shown as the result's title. */
  title: string;
  /** Kind label: Overview, Session, Key conclusion or Outcome. */
  kind: string;
  /** Meeting title › kind, shown under the result's title. */
  breadcrumb: string;
  /** Meeting title, the meeting filter's value. */
  meeting: string;
  /** Sessions the page belongs to: its own title for a session, the related sessions for a key conclusion. */
  sessions: string[];
}

/** The sessions a page belongs to, for the session filter. */
function sessionsOf(meeting: Meeting, section: Section): string[] {
  if (section.kind === 'session') return [section.shortTitle];
  if (section.kind !== 'conclusion') return [];
  return meeting.sections
    .filter((s) => s.kind === 'session' && s.relatedConclusions.some((related) => related.slug === section.slug))
    .map((s) => s.shortTitle);
}

/** The filters and metadata of `section`'s page. */
export function searchFacts(meeting: Meeting, section: Section): SearchFacts {
  const plural = KIND_PLURALS[section.kind];
  return {
    title: section.shortTitle,
    kind: KIND_LABELS[section.kind],
    breadcrumb: plural ? `${meeting.title} › ${plural}` : meeting.title,
    meeting: meeting.title,
    sessions: sessionsOf(meeting, section),
  };
}
