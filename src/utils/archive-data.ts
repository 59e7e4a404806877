/**
 * What a build needs to know about the meetings it does not render: the small cross-meeting
 * index. A shard build compiles only its own meetings' pages and models (see shard.ts); the
 * front door, the meeting lists and the people's pages still span the archive, so they read this
 * index instead, built from the models' JSON one file at a time: each meeting's facts, its
 * speakers (to group people across meetings), and only the paragraphs that quote a person this
 * build renders. Its size grows with the archive's speakers, not its text. A build of many
 * shards on one machine computes it once for all of them and hands each shard its own, so no
 * shard reads the whole archive (ARCHIVE_INDEX_FILE).
 *
 * Pure Node and zod (no Astro), so the build script computes the same index to decide whether a
 * shard has anything new to render (scripts/lib/shards/fingerprint.ts).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import {
  meetingInfoSchema,
  paragraphSchema,
  sectionSchema,
  speakerSchema,
  type MeetingInfo,
  type Section,
  type Speaker,
} from '../schemas/meeting.ts';
import { GENERATED_DIR } from '../constants.ts';
import { groupPeople, type Person } from './people.ts';
import { ownsPerson, type Shard } from './shard.ts';

/** The generated pages and models a build reads (READOUT_GENERATED, as the split wrote them). */
export function generatedRoot(env: Record<string, string | undefined> = process.env): string {
  return env['READOUT_GENERATED'] ?? `./${GENERATED_DIR}`;
}

/** The file each generated meeting folder holds its model in. */
export const MEETING_MODEL = 'meeting.json';

/**
 * A meeting's facts as the rest of the archive shows them: all but its edition history, which
 * only its own about page shows (so a correction, which adds an edition, changes no other shard).
 */
export type ArchiveMeetingInfo = Omit<MeetingInfo, 'editions'>;
const archiveInfoSchema = meetingInfoSchema.omit({ editions: true });

/** One meeting as the rest of the archive sees it: its facts and its speakers. */
export interface ArchiveMeeting {
  info: ArchiveMeetingInfo;
  speakers: Speaker[];
}

/** A quoted paragraph: where it is read and its text (what a person's page shows of it). */
export interface QuotedParagraph {
  id: string;
  n: number;
  label: string;
  text: string;
  /** Position of its section in the meeting's reading order. */
  sectionIndex: number;
  section: Pick<Section, 'kind' | 'slug' | 'shortTitle'>;
}

const speakersSchema = z.object({ speakers: z.array(speakerSchema) });

type Dated = Pick<MeetingInfo, 'slug' | 'startDate'>;

/** Newest first, as the front door lists meetings (ties by slug). */
export function newerFirst(a: Dated, b: Dated): number {
  return (b.startDate ?? '').localeCompare(a.startDate ?? '') || a.slug.localeCompare(b.slug);
}

/**
 * Oldest first: a person's id is taken by their first appearance, so a newer meeting with a
 * homonym gets the suffixed id and the older page keeps its URL.
 */
export function olderFirst(a: Dated, b: Dated): number {
  return (a.startDate ?? '').localeCompare(b.startDate ?? '') || a.slug.localeCompare(b.slug);
}

/** The meeting folders of a generated tree, in name order. */
export async function meetingFolders(generated: string): Promise<string[]> {
  const entries = await readdir(generated, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

async function readModel(generated: string, folder: string): Promise<unknown> {
  const text = await readFile(join(generated, folder, MEETING_MODEL), 'utf8').catch(
    () => undefined,
  );
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
}

/**
 * Every meeting's facts and speakers, newest first. One model is parsed at a time and only these
 * parts are kept; the meeting's own build validates the whole model.
 */
export async function readArchive(generated: string): Promise<ArchiveMeeting[]> {
  const meetings: ArchiveMeeting[] = [];
  for (const folder of await meetingFolders(generated)) {
    const model = await readModel(generated, folder);
    if (model === undefined) continue;
    meetings.push({
      info: archiveInfoSchema.parse(model),
      speakers: speakersSchema.parse(model).speakers,
    });
  }
  return meetings.sort((a, b) => newerFirst(a.info, b.info));
}

/** The site's people: every meeting's speakers grouped across meetings (see people.ts). */
export function archivePeople(meetings: readonly ArchiveMeeting[]): Person[] {
  return groupPeople(
    meetings.map(({ info, speakers }) => ({ ...info, speakers })).sort(olderFirst),
  );
}

/** Every paragraph of a meeting model by id, with its section's place. */
function paragraphsOf(sections: QuotableSection[]): Map<string, QuotedParagraph> {
  return new Map(
    sections.flatMap((section, sectionIndex) =>
      section.paragraphs.map(
        (p) =>
          [
            p.id,
            {
              id: p.id,
              n: p.n,
              label: p.label ?? String(p.n),
              text: p.text,
              sectionIndex,
              section: { kind: section.kind, slug: section.slug, shortTitle: section.shortTitle },
            },
          ] as const,
      ),
    ),
  );
}

/** The parts of a model's sections a quote needs: read without the rest of the model. */
const quotableSectionsSchema = z.object({
  sections: z.array(
    sectionSchema.pick({ kind: true, slug: true, shortTitle: true }).extend({
      paragraphs: z.array(paragraphSchema.pick({ id: true, n: true, label: true, text: true })),
    }),
  ),
});
type QuotableSection = z.infer<typeof quotableSectionsSchema>['sections'][number];

/** By meeting slug, the ids of the paragraphs quoting the people shard `shard` renders. */
function wantedParagraphs(
  people: readonly Person[],
  shard: Shard | undefined,
): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const person of people) {
    if (!ownsPerson(person.id, shard)) continue;
    for (const { meeting, speaker } of person.appearances) {
      const ids = wanted.get(meeting.slug) ?? new Set<string>();
      for (const id of speaker.mentions) ids.add(id);
      wanted.set(meeting.slug, ids);
    }
  }
  return wanted;
}

/** Every paragraph of meeting `slug` by id, or undefined when it has no model. */
async function meetingParagraphs(
  generated: string,
  slug: string,
): Promise<Map<string, QuotedParagraph> | undefined> {
  // A meeting's folder is its slug (see emit.ts).
  const model = await readModel(generated, slug);
  return model === undefined
    ? undefined
    : paragraphsOf(quotableSectionsSchema.parse(model).sections);
}

/** The paragraphs of `all` that `ids` name, in the order of `ids`. */
function pick(all: Map<string, QuotedParagraph>, ids: Set<string>): Map<string, QuotedParagraph> {
  return new Map([...ids].flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as const] : [])));
}

/**
 * The paragraphs that name the people a build renders, by meeting slug and paragraph id: read
 * again from the models of only the meetings those people appear in, not from every model.
 */
export async function quotedParagraphs(
  generated: string,
  people: readonly Person[],
  shard: Shard | undefined,
): Promise<Map<string, Map<string, QuotedParagraph>>> {
  const wanted = wantedParagraphs(people, shard);
  const quoted = new Map<string, Map<string, QuotedParagraph>>();
  for (const [slug, ids] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const all = await meetingParagraphs(generated, slug);
    if (all !== undefined) quoted.set(slug, pick(all, ids));
  }
  return quoted;
}

/**
 * Everything a build reads from outside its own meetings, as one JSON value: the pages that span
 * the archive read it instead of the other meetings' models, and a shard's build stamp covers
 * its text, so a change elsewhere in the archive that the shard's pages show re-renders it, and
 * any other change does not. A planned `--shards n` build computes it once for every shard and
 * hands each its own in a file (READOUT_ARCHIVE_INDEX, see utils/archive.ts), so that no shard
 * reads the whole archive again: what made a shard's cost grow with the archive's size.
 */
export interface CrossMeetingIndex {
  /** Every meeting's facts, newest first: the front door and the meeting lists. */
  meetings: ArchiveMeetingInfo[];
  /**
   * Who is one person and under which id: every person's id and appearances
   * (`<meeting slug>/<speaker id>`), which every link to a person's page reads.
   */
  people: [id: string, appearances: string[]][];
  /** The people this build renders, whole, in order of first appearance. */
  rendered: Person[];
  /** The paragraphs that quote them, by meeting slug. */
  quoted: [slug: string, paragraphs: QuotedParagraph[]][];
}

/**
 * The environment variable naming a file that holds a build's cross-meeting index as JSON,
 * written by the build script for these very generated pages (scripts/build.ts): a shard of a
 * large archive then reads one small file instead of every meeting's model (utils/archive.ts).
 */
export const ARCHIVE_INDEX_FILE = 'READOUT_ARCHIVE_INDEX';

/** The shard the index is for, without the narrowing of a partial rebuild (see shard.ts). */
function wholeShard(shard: Shard | undefined): Shard | undefined {
  return shard && { index: shard.index, count: shard.count };
}

function personLinks(people: readonly Person[]): CrossMeetingIndex['people'] {
  return people.map((person) => [
    person.id,
    person.appearances.map((a) => `${a.meeting.slug}/${a.speaker.id}`),
  ]);
}

/** The cross-meeting index of a build that renders shard `shard` (or all, when undefined). */
export async function crossMeetingIndex(
  generated: string,
  shard: Shard | undefined,
): Promise<CrossMeetingIndex> {
  const whole = wholeShard(shard);
  const meetings = await readArchive(generated);
  const people = archivePeople(meetings);
  const quoted = await quotedParagraphs(generated, people, whole);
  return {
    meetings: meetings.map(({ info }) => info),
    people: personLinks(people),
    rendered: people.filter((person) => ownsPerson(person.id, whole)),
    quoted: [...quoted].map(([slug, paragraphs]) => [slug, [...paragraphs.values()]]),
  };
}

/**
 * `JSON.stringify(crossMeetingIndex(generated, shard))` of several shards at once, handed to
 * `write(i, text)` piece by piece for shard `shards[i]`: the text is the same, but every model is
 * read once for all the shards, and no shard's quotes are held in memory at once (one command
 * plans every shard of an archive).
 */
export async function writeCrossMeetingIndexes(
  generated: string,
  shards: readonly (Shard | undefined)[],
  write: (index: number, text: string) => void,
): Promise<void> {
  const meetings = await readArchive(generated);
  const people = archivePeople(meetings);
  const common =
    `{"meetings":${JSON.stringify(meetings.map(({ info }) => info))}` +
    `,"people":${JSON.stringify(personLinks(people))}`;
  const wholes = shards.map(wholeShard);
  const wanted = wholes.map((shard) => wantedParagraphs(people, shard));
  wholes.forEach((shard, i) => {
    const rendered = people.filter((person) => ownsPerson(person.id, shard));
    write(i, `${common},"rendered":${JSON.stringify(rendered)},"quoted":[`);
  });
  const slugs = [...new Set(wanted.flatMap((w) => [...w.keys()]))].sort((a, b) =>
    a.localeCompare(b),
  );
  const started = shards.map(() => false);
  for (const slug of slugs) {
    const all = await meetingParagraphs(generated, slug);
    if (all === undefined) continue;
    wanted.forEach((bySlug, i) => {
      const ids = bySlug.get(slug);
      if (!ids) return;
      write(i, `${started[i] ? ',' : ''}${JSON.stringify([slug, [...pick(all, ids).values()]])}`);
      started[i] = true;
    });
  }
  shards.forEach((_, i) => write(i, ']}'));
}

const digest = (hash: ReturnType<typeof createHash>) => hash.digest('hex').slice(0, 32);

/**
 * What each page of a build is rendered from beyond its own meeting's files, hashed from its
 * cross-meeting index: `shared`, what every page may read (every meeting's facts, who is whom),
 * and per person the build renders, what only their own pages read (the person, whole, and the
 * paragraphs quoting them). With `shared` the same, a meeting whose files did not change and a
 * person whose hash did not change render the same pages as before, so a shard can be rebuilt
 * in part (scripts/lib/shards/patch.ts).
 */
export function pageInputs(index: CrossMeetingIndex): {
  shared: string;
  people: Map<string, string>;
} {
  const shared = createHash('sha256');
  for (const info of index.meetings) shared.update(JSON.stringify(info)).update('\0');
  for (const person of index.people) shared.update(JSON.stringify(person)).update('\0');
  const quoted = new Map(
    index.quoted.map(([slug, paragraphs]) => [slug, new Map(paragraphs.map((p) => [p.id, p]))]),
  );
  const people = new Map<string, string>();
  for (const person of index.rendered) {
    const hash = createHash('sha256').update(JSON.stringify(person));
    for (const { meeting, speaker } of person.appearances)
      hash.update(
        JSON.stringify(speaker.mentions.map((id) => quoted.get(meeting.slug)?.get(id) ?? null)),
      );
    people.set(person.id, digest(hash));
  }
  return { shared: digest(shared), people };
}
