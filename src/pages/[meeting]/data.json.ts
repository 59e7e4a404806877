/** `/<meeting>/data.json`: the meeting's document model, in the shape `npm run split -- --json` prints. */
import type { APIRoute } from 'astro';
import type { DocumentModel } from '../../schemas/meeting.ts';
import { meetingPaths, type MeetingProps } from '../../utils/routes.ts';

export const getStaticPaths = meetingPaths;

export const GET: APIRoute<MeetingProps> = ({ props }) => {
  const model: DocumentModel = { meetings: [props.meeting] };
  return new Response(`${JSON.stringify(model, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
