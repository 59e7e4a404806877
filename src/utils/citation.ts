/** Suggested citations of a meeting's summary, a page or a paragraph, and the BibTeX and RIS entries. */
import type { MeetingInfo } from '../schemas/meeting.ts';
import { yearOf } from './format.ts';
import { oneLine } from './one-line.ts';

/** What a citation names: the work, and optionally the section and paragraph within it. */
export interface CitationTarget {
  /** The meeting the summary reports on. */
  meeting: MeetingInfo;
  /** Title of the cited page, omitted for the whole summary. */
  section?: string | undefined;
  /** Meeting-wide paragraph number as printed (`26a` for an inserted one), for a paragraph citation. */
  paragraph?: number | string | undefined;
  /** Absolute URL of what is cited. */
  url: string;
}

/** The document's title as cited: meeting title and document type. */
export function workTitle(meeting: MeetingInfo): string {
  return meeting.documentType ? `${meeting.title}: ${meeting.documentType}` : meeting.title;
}

/**
 * The suggested citation up to the access date, which the reader supplies (or the page script
 * fills in): organizer, year, title, section, ¶, URL.
 */
export function citationText({ meeting, section, paragraph, url }: CitationTarget): string {
  const author = meeting.organizer ?? meeting.title;
  const year = yearOf(meeting.startDate) ?? 'n.d.';
  const where = [section && `“${section}”`, paragraph !== undefined && `¶\u00a0${paragraph}`]
    .filter(Boolean)
    .join(', ');
  return `${author} (${year}). ${workTitle(meeting)}.${where ? ` ${where}.` : ''} Unofficial web edition. ${url}`;
}

/** BibTeX needs its special characters escaped to print them literally, on one line. */
function bibtexEscape(text: string): string {
  return oneLine(text)
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/** A BibTeX `@report` entry for the meeting's summary; the corporate author is braced whole. */
export function toBibtex(meeting: MeetingInfo, url: string | undefined): string {
  const fields: [string, string | undefined][] = [
    ['author', meeting.organizer && `{${bibtexEscape(meeting.organizer)}}`],
    ['title', `{${bibtexEscape(workTitle(meeting))}}`],
    ['institution', meeting.organizer && bibtexEscape(meeting.organizer)],
    ['year', yearOf(meeting.startDate)],
    ['address', meeting.venue && bibtexEscape(meeting.venue)],
    ['url', url],
    ['note', 'Unofficial web edition'],
  ];
  const body = fields.filter(([, value]) => value).map(([name, value]) => `  ${name} = {${value}}`);
  return `@report{${meeting.slug},\n${body.join(',\n')}\n}\n`;
}

/** An RIS record (type RPRT) for the meeting's summary, CRLF line ends as reference managers expect. */
export function toRis(meeting: MeetingInfo, url: string | undefined): string {
  const lines: [string, string | undefined][] = [
    ['TY', 'RPRT'],
    ['AU', meeting.organizer],
    ['TI', workTitle(meeting)],
    ['PY', yearOf(meeting.startDate)],
    ['DA', meeting.startDate?.replace(/-/g, '/')],
    ['PB', meeting.organizer],
    ['CY', meeting.venue],
    ['UR', url],
    ['N1', 'Unofficial web edition'],
    ['ER', ''],
  ];
  // A line break in a value would start a new tag, or a whole new record after "ER  -".
  return (
    lines
      .filter(([tag, value]) => tag === 'ER' || value)
      .map(([tag, value]) => `${tag}  - ${oneLine(value ?? '')}`)
      .join('\r\n') + '\r\n'
  );
}
