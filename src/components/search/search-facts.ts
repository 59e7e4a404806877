/** The search filters and result metadata of one page, from the document model only. */
import { KIND_LABELS, KIND_PLURALS } from '../../constants.ts';
import type { Meeting, Section } from '../../schemas/meeting.ts';
import { GROUP_LABELS } from '../../utils/stakeholder-groups.ts';

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
  /** Speakers the page's paragraphs name. */
  speakers: string[];
  /** Stakeholder groups of those speakers. */
  groups: string[];
  /** Organizations the page's paragraphs name, with their acronym: "International Labour Organization (ILO)". */
  organizations: string[];
  /** Countries the page's paragraphs name, by common name. */
  countries: string[];
  /** A page with no text of its own (a theme of the programme): it ranks after pages that answer. */
  textless: boolean;
}

/** Who and what a page's paragraphs name, for the speaker, group, organization and country filters. */
function entitiesOf(
  meeting: Meeting,
  section: Section,
): Pick<SearchFacts, 'speakers' | 'groups' | 'organizations' | 'countries'> {
  const ids = new Set(section.paragraphs.map((p) => p.id));
  const named = <T extends { mentions: string[] }>(entities: readonly T[]) =>
    entities.filter((e) => e.mentions.some((id) => ids.has(id)));
  const speakers = named(meeting.speakers);
  return {
    speakers: speakers.map((s) => s.name),
    groups: [...new Set(speakers.map((s) => GROUP_LABELS[s.group]))],
    organizations: named(meeting.organizations).map((o) =>
      o.acronym && o.acronym !== o.name ? `${o.name} (${o.acronym})` : o.name,
    ),
    countries: named(meeting.countries).map((c) => c.name),
  };
}

/** The sessions a page belongs to, for the session filter. */
function sessionsOf(meeting: Meeting, section: Section): string[] {
  if (section.kind === 'session') return [section.shortTitle];
  if (section.kind !== 'conclusion') return [];
  return meeting.sections
    .filter(
      (s) =>
        s.kind === 'session' &&
        s.relatedConclusions.some((related) => related.slug === section.slug),
    )
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
    ...entitiesOf(meeting, section),
    textless: section.paragraphs.length === 0,
  };
}
