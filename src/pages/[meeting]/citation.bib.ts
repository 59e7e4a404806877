/** `/<meeting>/citation.bib`: a BibTeX entry for the meeting's summary. */
import type { APIRoute } from 'astro';
import { toBibtex } from '../../utils/citation.ts';
import { absoluteUrl, meetingLinks } from '../../utils/links.ts';
import { meetingPaths, type MeetingProps } from '../../utils/routes.ts';

export const getStaticPaths = meetingPaths;

export const GET: APIRoute<MeetingProps> = ({ props, site }) => {
  // A reference manager needs an absolute URL; without SITE_URL there is none to give.
  const url = site && absoluteUrl(meetingLinks(props.meeting).overview, site);
  return new Response(toBibtex(props.meeting, url), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
