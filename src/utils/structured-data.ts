/** schema.org JSON-LD for search engines: the meeting as an Event, pages as Reports, breadcrumbs. */
import type { MeetingInfo } from '../schemas/meeting.ts';
import { oneLine } from './one-line.ts';
import type { NavLink } from './reading-order.ts';

/** A JSON-LD node; kept loose because schema.org is. */
export type JsonLd = Record<string, unknown>;

/** The organizer as a schema.org Organization. */
function organization(meeting: MeetingInfo): JsonLd | undefined {
  return meeting.organizer ? { '@type': 'Organization', name: meeting.organizer } : undefined;
}

/** The meeting as a schema.org Event, identified by its overview URL. */
export function eventJsonLd(meeting: MeetingInfo, overviewUrl: string): JsonLd {
  return {
    '@type': 'Event',
    '@id': `${overviewUrl}#event`,
    name: meeting.title,
    description: meeting.theme,
    startDate: meeting.startDate,
    endDate: meeting.endDate,
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: meeting.venue
      ? { '@type': 'Place', name: meeting.venue, address: meeting.venue }
      : undefined,
    organizer: organization(meeting),
    url: overviewUrl,
  };
}

/** One page of the summary: a Report (overview, conclusions) or an Article (sessions, indexes). */
export function pageJsonLd(page: {
  type: 'Report' | 'Article';
  title: string;
  description: string;
  url: string;
  meeting: MeetingInfo;
  overviewUrl: string;
}): JsonLd {
  return {
    '@type': page.type,
    headline: page.title,
    name: page.title,
    description: page.description,
    url: page.url,
    inLanguage: 'en',
    author: organization(page.meeting),
    about: { '@id': `${page.overviewUrl}#event` },
  };
}

/** The breadcrumb trail as a schema.org BreadcrumbList with absolute URLs. */
export function breadcrumbJsonLd(
  crumbs: readonly NavLink[],
  toAbsolute: (href: string) => string,
): JsonLd {
  return {
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.title,
      item: toAbsolute(crumb.href),
    })),
  };
}

/**
 * A `<script type="application/ld+json">` body: every text on one line, and `<`, `>`, `&` and
 * U+2028/9 escaped so text can never close the script or break a reader.
 */
export function serializeJsonLd(nodes: readonly JsonLd[]): string {
  const json = JSON.stringify(
    { '@context': 'https://schema.org', '@graph': nodes },
    (_key, value: unknown) => (typeof value === 'string' ? oneLine(value) : value),
  );
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
