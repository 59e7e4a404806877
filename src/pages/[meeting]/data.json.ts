/** `/<meeting>/data.json`: the meeting's document model, in the shape `npm run split -- --json` prints. */
import type { APIRoute } from 'astro';
import type { DocumentModel } from '../../schemas/meeting.ts';
import { publishedSourceName } from '../../utils/format.ts';
import { meetingPaths, type MeetingProps } from '../../utils/routes.ts';

export const getStaticPaths = meetingPaths;

export const GET: APIRoute<MeetingProps> = ({ props }) => {
  // The build machine's folders are nobody's business: publish the file name only.
  const model: DocumentModel = {
    meetings: [{ ...props.meeting, source: publishedSourceName(props.meeting.source) }],
  };
  return new Response(`${JSON.stringify(model, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
