/** `/<meeting>/speakers.csv`: every speaker with affiliation, group and paragraph links. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Meeting } from '../../schemas/meeting.ts';
import { toCsv } from '../../utils/csv.ts';
import { ownMeetings } from '../../utils/routes.ts';

export const getStaticPaths = (async () => {
  const meetings = await ownMeetings();
  return meetings.map(({ meeting }) => ({ params: { meeting: meeting.slug }, props: { meeting } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ meeting: Meeting }> = ({ props }) => {
  const { meeting } = props;
  const rows = meeting.speakers.map((s) => [
    s.name,
    s.honorific,
    s.role,
    s.organization,
    s.country,
    s.countryCode,
    s.group,
    s.attribution,
    s.mentions.join(' '),
  ]);
  const csv = toCsv(
    [
      'name',
      'honorific',
      'role',
      'organization',
      'country',
      'country_code',
      'group',
      'attribution',
      'paragraphs',
    ],
    rows,
  );
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
