/**
 * What a build needs to know about the meetings it does not render: the small cross-meeting
 * index. A shard build compiles only its own meetings' pages and models (see shard.ts); the
 * front door, the meeting lists and the people's pages still span the archive, so they read this
 * index instead, built from the models' JSON one file at a time: each meeting's facts, its
 * speakers (to group people across meetings), and only the paragraphs that quote a person this
 * build renders. Its size grows with the archive's speakers, not its text.
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

/** What a build that does not render person `person` shows of them: their id and appearances. */
function personSeenFromElsewhere(person: Person, shard: Shard | undefined): unknown {
  return ownsPerson(person.id, shard)
    ? person
    : [person.id, person.appearances.map((a) => `${a.meeting.slug}/${a.speaker.id}`)];
}

/**
 * Everything a build reads from outside its own meetings, in one JSON-able value: what a shard's
 * build stamp covers, so a change elsewhere in the archive that its pages show re-renders it,
 * and any other change does not. That is every meeting's facts (front door, lists, people's
 * pages), who is one person and under which id (every link to a person's page), and of the
 * people this build renders, their whole appearances and the paragraphs that quote them.
 */
export async function crossMeetingInputs(
  generated: string,
  shard: Shard | undefined,
): Promise<unknown> {
  const meetings = await readArchive(generated);
  const people = archivePeople(meetings);
  const quoted = await quotedParagraphs(generated, people, shard);
  return {
    meetings: meetings.map(({ info }) => info),
    people: people.map((person) => personSeenFromElsewhere(person, shard)),
    quoted: [...quoted].map(([slug, paragraphs]) => [slug, [...paragraphs.values()]]),
  };
}

/**
 * `JSON.stringify(crossMeetingInputs(generated, shard))` of several shards at once, handed to
 * `write(i, text)` piece by piece for shard `shards[i]`: the text is the same, but every model is
 * read once for all the shards, and no shard's quotes are held in memory at once (one command
 * checks every shard of an archive for what it has to render again).
 */
export async function writeCrossMeetingInputs(
  generated: string,
  shards: readonly (Shard | undefined)[],
  write: (index: number, text: string) => void,
): Promise<void> {
  const meetings = await readArchive(generated);
  const people = archivePeople(meetings);
  const infos = JSON.stringify(meetings.map(({ info }) => info));
  const wanted = shards.map((shard) => wantedParagraphs(people, shard));
  shards.forEach((shard, i) => {
    const seen = JSON.stringify(people.map((person) => personSeenFromElsewhere(person, shard)));
    write(i, `{"meetings":${infos},"people":${seen},"quoted":[`);
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

/**
 * What each page of a shard is rendered from beyond its own meeting's files, hashed: `shared`,
 * what every page may read (every meeting's facts, every person, whole), and per person the
 * shard renders, the paragraphs that quote them. With `shared` the same, a meeting whose files
 * did not change and a person whose quotes did not change render the same pages as before, so a
 * shard can be rebuilt in part (scripts/lib/shards/patch.ts). Coarser than crossMeetingInputs
 * on purpose: any change to who speaks where renders the whole shard again.
 */
export async function pageInputs(
  generated: string,
  shard: Shard,
): Promise<{ shared: string; people: Map<string, string> }> {
  const meetings = await readArchive(generated);
  const people = archivePeople(meetings);
  const shared = createHash('sha256');
  for (const { info } of meetings) shared.update(JSON.stringify(info)).update('\0');
  for (const person of people) shared.update(JSON.stringify(person)).update('\0');
  const whole = { index: shard.index, count: shard.count };
  const owned = people.filter((person) => ownsPerson(person.id, whole));
  const quoted = await quotedParagraphs(generated, owned, undefined);
  const hashes = new Map<string, string>();
  for (const person of owned) {
    const hash = createHash('sha256');
    for (const { meeting, speaker } of person.appearances)
      hash.update(
        JSON.stringify([
          meeting.slug,
          speaker.mentions.map((id) => quoted.get(meeting.slug)?.get(id)),
        ]),
      );
    hashes.set(person.id, hash.digest('hex').slice(0, 32));
  }
  return { shared: shared.digest('hex').slice(0, 32), people: hashes };
}
