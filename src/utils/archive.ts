/**
 * The cross-meeting index (archive-data.ts) for pages: every meeting's facts for the front door
 * and the meeting lists, who is whom for the links to people's pages, the people this build
 * renders and the paragraphs that quote them. Read once per build, never through the content
 * collections, which hold only the meetings this build renders: from the file the build script
 * hands over (READOUT_ARCHIVE_INDEX), or else from the models' JSON.
 */
import { readFile } from 'node:fs/promises';
import {
  ARCHIVE_INDEX_FILE,
  crossMeetingIndex,
  generatedRoot,
  type ArchiveMeetingInfo,
  type CrossMeetingIndex,
  type QuotedParagraph,
} from './archive-data.ts';
import { oncePerBuild } from './memo.ts';
import type { Person } from './people.ts';
import { currentShard } from './shard.ts';

/** This build's cross-meeting index; once per build. */
export const loadIndex: () => Promise<CrossMeetingIndex> = oncePerBuild(async () => {
  const file = process.env[ARCHIVE_INDEX_FILE];
  return file
    ? (JSON.parse(await readFile(file, 'utf8')) as CrossMeetingIndex)
    : crossMeetingIndex(generatedRoot(), currentShard());
});

/** Every meeting's facts, newest first. */
export async function loadMeetingInfos(): Promise<ArchiveMeetingInfo[]> {
  return (await loadIndex()).meetings;
}

/** Every meeting's facts by slug; once per build (each person's page looks up their meetings). */
export const loadMeetingInfoBySlug: () => Promise<Map<string, ArchiveMeetingInfo>> = oncePerBuild(
  async () => new Map((await loadMeetingInfos()).map((meeting) => [meeting.slug, meeting])),
);

/** The people this build renders (all, or a shard's), each with their appearances. */
export async function loadPeople(): Promise<Person[]> {
  return (await loadIndex()).rendered;
}

/** The paragraphs naming the people this build renders, by meeting and paragraph id; once per build. */
export const loadQuotes: () => Promise<Map<string, Map<string, QuotedParagraph>>> = oncePerBuild(
  async () =>
    new Map(
      (await loadIndex()).quoted.map(([slug, paragraphs]) => [
        slug,
        new Map(paragraphs.map((p) => [p.id, p])),
      ]),
    ),
);
