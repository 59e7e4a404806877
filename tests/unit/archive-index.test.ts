/**
 * The cross-meeting index a shard reads instead of the other meetings' models, and the part of it
 * a shard's build stamp covers: what the shard's pages show of the other meetings, and nothing else.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perturbSummary } from '../../scripts/bench/corpus.ts';
import { splitSources } from '../../scripts/lib/split-sources.ts';
import { meetingSchema, type Meeting } from '../../src/schemas/meeting.ts';
import {
  archivePeople,
  crossMeetingIndex,
  pageInputs,
  quotedParagraphs,
  readArchive,
  writeCrossMeetingIndexes,
} from '../../src/utils/archive-data.ts';
import { ownsPerson, type Shard } from '../../src/utils/shard.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;

async function model(slug: string): Promise<Meeting> {
  return meetingSchema.parse(JSON.parse(await readFile(join(dir, slug, 'meeting.json'), 'utf8')));
}

async function rewrite(meeting: Meeting): Promise<void> {
  await writeFile(join(dir, meeting.slug, 'meeting.json'), JSON.stringify(meeting));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'readout-archive-'));
  const idm = await readFile(join(ROOT, 'content/sources/idm-2018.txt'), 'utf8');
  const texts = new Map([
    ['meeting-a.txt', perturbSummary(idm, 1)],
    ['meeting-c.txt', perturbSummary(idm, 2)],
  ]);
  const split = await splitSources([...texts.keys()], (path) =>
    Promise.resolve(new TextEncoder().encode(texts.get(path))),
  );
  for (const [path, contents] of split.files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), contents);
  }
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const shards: Shard[] = [
  { index: 1, count: 2 },
  { index: 2, count: 2 },
];

describe('the cross-meeting index', () => {
  it("holds every meeting's facts and speakers, and no section text", async () => {
    const archive = await readArchive(dir);
    expect(archive.map((m) => m.info.slug).sort()).toEqual(['meeting-a', 'meeting-c']);
    const a = await model('meeting-a');
    expect(archive.find((m) => m.info.slug === 'meeting-a')!.speakers).toEqual(a.speakers);
    expect(JSON.stringify(archive)).not.toContain(a.sections[1]!.paragraphs[0]!.text);
  });

  it('quotes only the paragraphs that name the people a shard renders', async () => {
    const people = archivePeople(await readArchive(dir));
    // The recurring cast: someone is named in both meetings.
    expect(people.some((p) => p.appearances.length === 2)).toBe(true);
    for (const shard of shards) {
      const quoted = await quotedParagraphs(dir, people, shard);
      const named = new Set(
        people
          .filter((p) => ownsPerson(p.id, shard))
          .flatMap((p) =>
            p.appearances.flatMap((a) => a.speaker.mentions.map((id) => `${a.meeting.slug}/${id}`)),
          ),
      );
      const ids = [...quoted].flatMap(([slug, paragraphs]) =>
        [...paragraphs.keys()].map((id) => `${slug}/${id}`),
      );
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids)).toEqual(named);
    }
  });

  it("changes a shard's inputs when a paragraph quoting one of its people changes, and only then", async () => {
    const before = await Promise.all(shards.map((s) => crossMeetingIndex(dir, s)));
    const a = await model('meeting-a');
    const people = archivePeople(await readArchive(dir));
    // A paragraph of meeting-a that names nobody, and one that names someone.
    const mentioned = new Set(a.speakers.flatMap((s) => s.mentions));
    const paragraphs = a.sections.flatMap((s) => s.paragraphs);
    const quiet = paragraphs.find((p) => !mentioned.has(p.id))!;
    const quoting = paragraphs.find((p) => mentioned.has(p.id))!;
    const quotedBy = people
      .filter((p) =>
        p.appearances.some(
          (x) => x.meeting.slug === 'meeting-a' && x.speaker.mentions.includes(quoting.id),
        ),
      )
      .map((p) => shards.findIndex((s) => ownsPerson(p.id, s)));

    const edited = structuredClone(a);
    const find = (m: Meeting, id: string) =>
      m.sections.flatMap((s) => s.paragraphs).find((p) => p.id === id)!;
    find(edited, quiet.id).text += ' Edited.';
    edited.editions = [{ date: '2026-01-01', changes: '¶ 3 edited' }];
    await rewrite(edited);
    const afterQuiet = await Promise.all(shards.map((s) => crossMeetingIndex(dir, s)));
    expect(afterQuiet).toEqual(before);

    find(edited, quoting.id).text += ' Edited.';
    await rewrite(edited);
    const afterQuoting = await Promise.all(shards.map((s) => crossMeetingIndex(dir, s)));
    shards.forEach((_, i) =>
      expect(afterQuoting[i]).toEqual(quotedBy.includes(i) ? expect.anything() : before[i]),
    );
    for (const i of quotedBy) expect(afterQuoting[i]).not.toEqual(before[i]);

    edited.title = `${a.title} (revised)`;
    await rewrite(edited);
    const afterTitle = await Promise.all(shards.map((s) => crossMeetingIndex(dir, s)));
    afterTitle.forEach((inputs, i) => expect(inputs).not.toEqual(afterQuoting[i]));
    await rewrite(a);
  });
  it("tells a person's own page inputs apart from what every page reads", async () => {
    const before = pageInputs(await crossMeetingIndex(dir, undefined));
    const a = await model('meeting-a');
    const quoting = a.speakers.find((s) => s.mentions.length > 0)!;
    const people = archivePeople(await readArchive(dir));
    const quoted = people.filter((p) =>
      p.appearances.some(
        (x) => x.meeting.slug === 'meeting-a' && x.speaker.mentions.includes(quoting.mentions[0]!),
      ),
    );
    const others = people.filter((p) => !quoted.includes(p));
    expect(quoted.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);

    const edited = structuredClone(a);
    const paragraph = edited.sections
      .flatMap((s) => s.paragraphs)
      .find((p) => p.id === quoting.mentions[0])!;
    paragraph.text += ' Edited.';
    await rewrite(edited);
    const afterQuote = pageInputs(await crossMeetingIndex(dir, undefined));
    // Only the pages of the people that paragraph names read it.
    expect(afterQuote.shared).toBe(before.shared);
    for (const p of quoted) expect(afterQuote.people.get(p.id)).not.toBe(before.people.get(p.id));
    for (const p of others) expect(afterQuote.people.get(p.id)).toBe(before.people.get(p.id));

    // Every page may show a meeting's title (the front door, the lists).
    edited.title = `${a.title} (revised)`;
    await rewrite(edited);
    expect(pageInputs(await crossMeetingIndex(dir, undefined)).shared).not.toBe(before.shared);
    await rewrite(a);
  });

  it('writes the same inputs for several shards in one pass as for each shard alone', async () => {
    // Two and three shards, and a whole build (no shard): each text is that shard's JSON.
    const sets: (Shard | undefined)[][] = [
      shards,
      [1, 2, 3].map((index) => ({ index, count: 3 })),
      [undefined],
    ];
    for (const set of sets) {
      const pieces = set.map((): string[] => []);
      await writeCrossMeetingIndexes(dir, set, (i, text) => pieces[i]!.push(text));
      const texts = pieces.map((p) => p.join(''));
      const alone = await Promise.all(set.map((s) => crossMeetingIndex(dir, s)));
      expect(texts).toEqual(alone.map((inputs) => JSON.stringify(inputs)));
      expect(texts.some((text) => /"quoted":\[\["meeting-/.test(text))).toBe(true);
    }
  });
});
