/**
 * Speakers are matched once, by the pipeline: what the indexes, CSV and search filters count
 * (`speaker.mentions`) is exactly what the text links. Each summary is split, every paragraph is
 * cut into pieces the way the site renders it, and the links are compared with the counts.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { splitSources } from '../../scripts/lib/split-sources.ts';
import { mentionLinks, splitAtMentions } from '../../src/utils/mention-links.ts';

const SUMMARIES = [
  'content/sources/idm-2018.txt',
  'tests/fixtures/sources/wcw-2021.txt',
  'tests/fixtures/sources/specials.txt',
];

describe.each(SUMMARIES)('speaker mentions of %s', (file) => {
  it('link every counted mention, and count every link', async () => {
    const meeting = (await splitSources([file], (path) => readFile(path))).model.meetings[0]!;
    const href = (id: string) => `/speakers/${id}/`;
    const links = mentionLinks(meeting.speakers, (speaker) => href(speaker.id));
    const linked = new Set<string>();
    for (const paragraph of meeting.sections.flatMap((section) => section.paragraphs)) {
      const pieces = splitAtMentions(paragraph.text, links.get(paragraph.id) ?? []);
      expect(pieces.map((piece) => piece.text).join('')).toBe(paragraph.text);
      for (const piece of pieces)
        if (piece.target) linked.add(`${piece.target.href} ${paragraph.id}`);
    }
    const counted = new Set(
      meeting.speakers.flatMap((speaker) =>
        speaker.mentions.map((id) => `${href(speaker.id)} ${id}`),
      ),
    );
    expect(counted.size).toBeGreaterThan(0);
    expect([...linked].sort()).toEqual([...counted].sort());
  });

  it('stores places that hold one of the speaker’s forms', async () => {
    const meeting = (await splitSources([file], (path) => readFile(path))).model.meetings[0]!;
    const texts = new Map(
      meeting.sections.flatMap((section) => section.paragraphs.map((p) => [p.id, p.text] as const)),
    );
    for (const speaker of meeting.speakers) {
      for (const place of speaker.places)
        expect(speaker.forms).toContain(texts.get(place.paragraph)!.slice(place.start, place.end));
    }
  });
});
