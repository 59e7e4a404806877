/** The URLs of a meeting's own pages and downloads, all under the base path. */
import { withBase } from './base.ts';

/** Every fixed URL of one meeting, so no page spells a path by hand. */
export interface MeetingLinks {
  /** The meeting's overview page. */
  overview: string;
  /** The list of sessions. */
  sessions: string;
  /** The list of key conclusions. */
  conclusions: string;
  /** About this edition: provenance and downloads. */
  about: string;
  /** The whole text on one page, for Ctrl-F, print and a quick read. */
  full: string;
  /** The whole document model as JSON. */
  data: string;
  /** The bundled source text as published by the organizer. */
  source: string;
  /** BibTeX entry for the meeting's summary. */
  bibtex: string;
  /** RIS entry for the meeting's summary. */
  ris: string;
  /** Speakers as CSV. */
  speakers: string;
  /** The speakers index, by stakeholder group. */
  speakerIndex: string;
  /** The organizations index. */
  organizations: string;
  /** The countries index. */
  countries: string;
}

/** File name of the bundled source download: `source` plus the source's own extension. */
export function sourceFileName(source: string): string {
  const extension = /\.[a-z]+$/i.exec(source)?.[0].toLowerCase() ?? '.txt';
  return `source${extension}`;
}

/** The fixed URLs of a meeting's pages and downloads. */
export function meetingLinks(meeting: { slug: string; source: string }): MeetingLinks {
  const at = (path: string) => withBase(`${meeting.slug}/${path}`);
  return {
    overview: at(''),
    sessions: at('sessions/'),
    conclusions: at('conclusions/'),
    about: at('about/'),
    full: at('full/'),
    data: at('data.json'),
    source: at(sourceFileName(meeting.source)),
    bibtex: at('citation.bib'),
    ris: at('citation.ris'),
    speakers: at('speakers.csv'),
    speakerIndex: at('speakers/'),
    organizations: at('organizations/'),
    countries: at('countries/'),
  };
}

/** A person's page, site-level because one person may speak at several meetings. */
export function personUrl(personId: string): string {
  return withBase(`speakers/${personId}/`);
}

/** Absolute URL of a site-relative href, on the configured site origin. */
export function absoluteUrl(href: string, site: URL | undefined): string {
  return site ? new URL(href, site).href : href;
}
