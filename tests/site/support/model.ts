/** The bundled meeting's document model, read from the build's own data.json. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentModelSchema, type Meeting } from '../../../src/schemas/meeting.ts';

/** The single meeting of the bundled summary, as the build published it. */
export async function builtMeeting(siteDir: string, slug = 'idm-2018'): Promise<Meeting> {
  const model = documentModelSchema.parse(
    JSON.parse(await readFile(join(siteDir, slug, 'data.json'), 'utf8')),
  );
  const meeting = model.meetings[0];
  if (!meeting) throw new Error(`${slug}/data.json holds no meeting; rebuild with npm run build.`);
  return meeting;
}

/** The URL path of a section's page, as the site spells it (base path included). */
export function sectionPath(
  meeting: Meeting,
  section: Meeting['sections'][number],
  base = '/',
): string {
  const folder = {
    overview: '',
    session: 'sessions/',
    conclusion: 'conclusions/',
    outcome: 'outcome/',
    background: 'background/',
    annex: 'annex/',
  }[section.kind];
  return section.kind === 'overview'
    ? `${base}${meeting.slug}/`
    : `${base}${meeting.slug}/${folder}${section.slug}/`;
}

/**
 * The pages a reader walks through with "Next": every page that holds paragraphs, in the order
 * the document has its text (by each page's first paragraph), and no other.
 */
export function expectedReadingOrder(meeting: Meeting, base = '/'): string[] {
  return meeting.sections
    .filter((section) => section.paragraphs.length > 0)
    .sort((a, b) => a.paragraphs[0]!.n - b.paragraphs[0]!.n)
    .map((section) => sectionPath(meeting, section, base));
}

/** Every page of the meeting's text: each section's page and the one-page view. */
export function meetingTextPages(meeting: Meeting, base = '/'): string[] {
  return [
    ...meeting.sections.map((section) => sectionPath(meeting, section, base)),
    `${base}${meeting.slug}/full/`,
  ];
}
