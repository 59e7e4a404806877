/** `/<meeting>/citation.ris`: an RIS record for the meeting's summary. */
import type { APIRoute } from 'astro';
import { toRis } from '../../utils/citation.ts';
import { absoluteUrl, meetingLinks } from '../../utils/links.ts';
import { meetingPaths, type MeetingProps } from '../../utils/routes.ts';

export const getStaticPaths = meetingPaths;

export const GET: APIRoute<MeetingProps> = ({ props, site }) => {
  // A reference manager needs an absolute URL; without SITE_URL there is none to give.
  const url = site && absoluteUrl(meetingLinks(props.meeting).overview, site);
  return new Response(toRis(props.meeting, url), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
};
