import { describe, expect, it } from 'vitest';
import { alignParagraphs } from '../../scripts/lib/permalinks/align.ts';
import { insertedLabel } from '../../scripts/lib/permalinks/labels.ts';
import { lockMeeting } from '../../scripts/lib/permalinks/lock-meeting.ts';
import { parseLock } from '../../scripts/lib/permalinks/lockfile.ts';
import { pageBody, paragraphTag } from '../../scripts/lib/permalinks/page-body.ts';
import { reconcileLinks } from '../../scripts/lib/permalinks/reconcile.ts';
import { shingles } from '../../scripts/lib/permalinks/similarity.ts';
import type { Meeting, Section } from '../../src/schemas/meeting.ts';

/** Made-up paragraphs long enough to be told apart by their word pairs. */
const TEXT = {
  a: 'Delegates opened the forum by recalling that clean water remains out of reach for millions of rural households.',
  b: 'The first panel described how river basin authorities share measurements across borders during droughts.',
  c: 'Speakers from coastal cities warned that saltwater intrusion now threatens aquifers that supply drinking water.',
  d: 'Much more needs to be done to finance small treatment plants in towns that large utilities do not reach.',
  e: 'Participants agreed that data on water quality should be published openly and updated every season.',
  f: 'The closing remarks thanked the hosts and announced that the next forum would focus on sanitation.',
};

/** A meeting of sections, each a kind, slug and texts; paragraphs numbered 1…N in order, as the splitter does. */
function meetingOf(sections: [Section['kind'], string, string[]][]): Meeting {
  let n = 0;
  return {
    slug: 'forum',
    title: 'Forum',
    source: 'forum.txt',
    sections: sections.map(([kind, slug, texts]) => ({
      kind,
      slug,
      title: slug.replace(/-/g, ' '),
      shortTitle: slug,
      relatedConclusions: [],
      paragraphs: texts.map((text) => ({ n: ++n, id: `p${n}`, text })),
    })),
    speakers: [
      {
        id: 'someone',
        name: 'Someone',
        group: 'other',
        attribution: 'Someone',
        attributions: ['Someone'],
        mentions: texts(sections).map((_, i) => `p${i + 1}`),
        forms: ['Someone'],
        places: [],
      },
    ],
    organizations: [],
    countries: [],
    figures: [],
  };
}

function texts(sections: [Section['kind'], string, string[]][]): string[] {
  return sections.flatMap(([, , t]) => t);
}

const FIRST: [Section['kind'], string, string[]][] = [
  ['overview', 'overview', [TEXT.a]],
  ['session', 'first-panel', [TEXT.b, TEXT.c]],
  ['conclusion', 'much-more-needs-done', [TEXT.d, TEXT.e]],
  ['outcome', 'conclusion', [TEXT.f]],
];

/** Where each text is published after a rebuild: label and page slug. */
function published(meeting: Meeting): Record<string, string> {
  return Object.fromEntries(
    meeting.sections.flatMap((s) =>
      s.paragraphs.map((p) => [p.text.slice(0, 12), `${s.slug}#${p.id}`]),
    ),
  );
}

describe('reconcileLinks', () => {
  const first = reconcileLinks(meetingOf(FIRST), undefined, '2026-01-10');

  it('publishes the splitter’s numbers on the first build and records a first edition', () => {
    expect(first.lock.paragraphs.map((p) => p.label)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(first.meeting.editions).toEqual([{ date: '2026-01-10', changes: 'First edition' }]);
  });

  it('changes nothing, not even the edition list, when the text is as published', () => {
    const again = reconcileLinks(meetingOf(FIRST), first.lock, '2026-02-01');
    expect(again.lock).toEqual(first.lock);
  });

  it('keeps the number of a lightly edited paragraph and notes the correction', () => {
    const edited = FIRST.map(
      ([k, s, t]) =>
        [k, s, t.map((x) => x.replace('needs to be done', 'must be done'))] as [
          Section['kind'],
          string,
          string[],
        ],
    );
    const next = reconcileLinks(meetingOf(edited), first.lock, '2026-02-01');
    expect(published(next.meeting)['Much more mu']).toBe('much-more-needs-done#p4');
    expect(next.lock.editions.at(-1)).toEqual({
      date: '2026-02-01',
      changes: '1 paragraph corrected',
    });
  });

  it('gives an inserted paragraph the previous number with a letter, and leaves later numbers alone', () => {
    const inserted =
      'A late addition records that two delegations asked for a glossary of technical terms.';
    const next = reconcileLinks(
      meetingOf([
        FIRST[0]!,
        ['session', 'first-panel', [TEXT.b, inserted, TEXT.c]],
        FIRST[2]!,
        FIRST[3]!,
      ]),
      first.lock,
      '2026-02-01',
    );
    const section = next.meeting.sections[1]!;
    expect(section.paragraphs.map((p) => [p.id, p.n, p.label])).toEqual([
      ['p2', 2, undefined],
      ['p2a', 2, '2a'],
      ['p3', 3, undefined],
    ]);
    expect(published(next.meeting)['The closing ']).toBe('conclusion#p6');
  });

  it('retires a removed paragraph’s number with a dated note where it stood', () => {
    const next = reconcileLinks(
      meetingOf([FIRST[0]!, ['session', 'first-panel', [TEXT.b]], FIRST[2]!, FIRST[3]!]),
      first.lock,
      '2026-02-01',
    );
    expect(next.meeting.sections[1]!.retired).toEqual([
      { id: 'p3', label: '3', reason: 'removed', date: '2026-02-01', after: 'p2' },
    ]);
    expect(published(next.meeting)['Much more ne']).toBe('much-more-needs-done#p4');
    const later = reconcileLinks(
      meetingOf([
        FIRST[0]!,
        [
          'session',
          'first-panel',
          [
            TEXT.b,
            'A new text about glaciers, snowpack and the timing of spring floods in mountain valleys.',
          ],
        ],
        FIRST[2]!,
        FIRST[3]!,
      ]),
      next.lock,
      '2026-03-01',
    );
    expect(later.meeting.sections[1]!.paragraphs.map((p) => p.id)).toEqual(['p2', 'p2a']);
  });

  it('keeps the first number of merged paragraphs and points the other at it; a split keeps the number on its first half', () => {
    const merged = reconcileLinks(
      meetingOf([
        FIRST[0]!,
        FIRST[1]!,
        ['conclusion', 'much-more-needs-done', [`${TEXT.d} ${TEXT.e}`]],
        FIRST[3]!,
      ]),
      first.lock,
      '2026-02-01',
    );
    const conclusion = merged.meeting.sections[2]!;
    expect(conclusion.paragraphs.map((p) => p.id)).toEqual(['p4']);
    expect(conclusion.retired).toEqual([
      {
        id: 'p5',
        label: '5',
        reason: 'removed',
        date: '2026-02-01',
        after: 'p4',
        to: { id: 'p4', page: 'conclusions/much-more-needs-done' },
      },
    ]);
    const [one, two] = [TEXT.c.slice(0, 60), TEXT.c.slice(60)];
    const split = reconcileLinks(
      meetingOf([FIRST[0]!, ['session', 'first-panel', [TEXT.b, one, two]], FIRST[2]!, FIRST[3]!]),
      first.lock,
      '2026-02-01',
    );
    expect(split.meeting.sections[1]!.paragraphs.map((p) => p.id)).toEqual(['p2', 'p3', 'p3a']);
  });

  it('keeps a renamed page’s old path as a former path, through later renames too', () => {
    const renamed = reconcileLinks(
      meetingOf([
        FIRST[0]!,
        FIRST[1]!,
        ['conclusion', 'much-more-must-done', FIRST[2]![2]],
        FIRST[3]!,
      ]),
      first.lock,
      '2026-02-01',
    );
    expect(renamed.meeting.sections[2]!.formerPaths).toEqual(['conclusions/much-more-needs-done']);
    const again = reconcileLinks(
      meetingOf([
        FIRST[0]!,
        FIRST[1]!,
        ['conclusion', 'finance-small-plants', FIRST[2]![2]],
        FIRST[3]!,
      ]),
      renamed.lock,
      '2026-03-01',
    );
    expect(again.meeting.sections[2]!.formerPaths).toEqual([
      'conclusions/much-more-must-done',
      'conclusions/much-more-needs-done',
    ]);
  });

  it('leaves a note on the old page when a paragraph moves to another page', () => {
    const moved = reconcileLinks(
      meetingOf([
        FIRST[0]!,
        ['session', 'first-panel', [TEXT.b]],
        ['conclusion', 'much-more-needs-done', [TEXT.c, TEXT.d, TEXT.e]],
        FIRST[3]!,
      ]),
      first.lock,
      '2026-02-01',
    );
    expect(published(moved.meeting)['Speakers fro']).toBe('much-more-needs-done#p3');
    expect(moved.meeting.sections[1]!.retired).toEqual([
      {
        id: 'p3',
        label: '3',
        reason: 'moved',
        after: 'p2',
        to: { id: 'p3', page: 'conclusions/much-more-needs-done' },
      },
    ]);
  });

  it('sends the anchor of a paragraph moved out of reading order to its new place and number', () => {
    const moved = reconcileLinks(
      meetingOf([
        FIRST[0]!,
        ['session', 'first-panel', [TEXT.b]],
        ['conclusion', 'much-more-needs-done', [TEXT.d, TEXT.e, TEXT.c]],
        FIRST[3]!,
      ]),
      first.lock,
      '2026-02-01',
    );
    expect(published(moved.meeting)['Speakers fro']).toBe('much-more-needs-done#p5a');
    expect(moved.meeting.sections[1]!.retired).toEqual([
      {
        id: 'p3',
        label: '3',
        reason: 'moved',
        after: 'p2',
        to: { id: 'p5a', page: 'conclusions/much-more-needs-done' },
      },
    ]);
    expect(moved.lock.editions.at(-1)?.changes).toBe('1 paragraph moved');
  });

  it('renames paragraph references of who-said-what with the paragraphs', () => {
    const inserted =
      'A late addition records that two delegations asked for a glossary of technical terms.';
    const next = reconcileLinks(
      meetingOf([['overview', 'overview', [inserted, TEXT.a]], ...FIRST.slice(1)]),
      first.lock,
      '2026-02-01',
    );
    expect(next.meeting.speakers[0]!.mentions.slice(0, 3)).toEqual(['p0a', 'p1', 'p2']);
  });
});

describe('insertedLabel', () => {
  it('appends a letter, then counts on, never reusing a published or retired number', () => {
    expect(insertedLabel('26', new Set())).toBe('26a');
    expect(insertedLabel('26a', new Set())).toBe('26b');
    expect(insertedLabel('26', new Set(['26a', '26b']))).toBe('26c');
    expect(insertedLabel('26z', new Set())).toBe('26za');
    expect(insertedLabel(undefined, new Set())).toBe('0a');
  });
});

describe('alignParagraphs', () => {
  const aligned = (texts: string[]) => texts.map((text) => ({ text, pairs: shingles(text) }));

  it('matches every paragraph of an unchanged text to itself, in order', () => {
    const all = Object.values(TEXT);
    expect(alignParagraphs(aligned(all), aligned(all)).map((m) => [m.old, m.new])).toEqual(
      all.map((_, i) => [i, i]),
    );
  });

  it('never matches out of order, so numbers stay in reading order', () => {
    const [a, b, c] = [TEXT.a, TEXT.b, TEXT.c];
    const pairs = alignParagraphs(aligned([a, b, c]), aligned([c, a, b])).map((m) => [
      m.old,
      m.new,
    ]);
    expect(pairs).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
});

describe('pageBody', () => {
  const paragraphs = [1, 2, 3].map((n) => ({ n, id: `p${n}`, text: `Paragraph ${n}.` }));

  it('places each retired anchor’s note after what it stood after, chains of notes included', () => {
    const retired = [
      { id: 'p2a', label: '2a', reason: 'removed' as const, date: '2026-02-01', after: 'p2' },
      { id: 'p2b', label: '2b', reason: 'removed' as const, date: '2026-02-01', after: 'p2a' },
      { id: 'p0a', label: '0a', reason: 'removed' as const, date: '2026-02-01' },
    ];
    const order = pageBody({ paragraphs, retired }).map((item) =>
      'paragraph' in item ? item.paragraph.id : `note ${item.retired.id}`,
    );
    expect(order).toEqual(['note p0a', 'p1', 'p2', 'note p2a', 'note p2b', 'p3']);
  });

  it('writes a lettered paragraph’s label and a note as escaped JSON into the MDX tag', () => {
    const literal = (text: string) => JSON.stringify(text);
    expect(
      paragraphTag({ paragraph: { n: 26, label: '26a', id: 'p26a', text: 'Inserted.' } }, literal),
    ).toBe('<Paragraph n={26} label="26a" id="p26a" text={"Inserted."} page={props.page} />');
    expect(
      paragraphTag(
        { retired: { id: 'p27', label: '27', reason: 'removed', date: '2026-02-01' } },
        literal,
      ),
    ).toBe(
      '<Paragraph id="p27" retired={"{\\"id\\":\\"p27\\",\\"label\\":\\"27\\",\\"reason\\":\\"removed\\",\\"date\\":\\"2026-02-01\\"}"} page={props.page} />',
    );
  });
});

describe('lockMeeting', () => {
  const meeting = meetingOf(FIRST);
  const options = (mode: 'update' | 'frozen' | 'read', text?: string) => ({
    mode,
    today: '2026-01-10',
    readText: async () => text,
  });

  it('writes a new lockfile beside the source on the first build', async () => {
    const locked = await lockMeeting(meeting, 'content/sources/forum.txt', options('update'));
    expect(locked.write?.path).toBe('content/sources/forum.links.json');
    expect(parseLock(locked.write!.text, 'forum.links.json').paragraphs).toHaveLength(6);
  });

  it('refuses, in a frozen build, a lockfile that is missing or would change, saying to commit it', async () => {
    await expect(lockMeeting(meeting, 'forum.txt', options('frozen'))).rejects.toThrow(
      'the published-links lockfile is missing',
    );
    const { write } = await lockMeeting(meeting, 'forum.txt', options('update'));
    await expect(
      lockMeeting(meeting, 'forum.txt', options('frozen', write!.text)),
    ).resolves.toEqual({ meeting: expect.anything() });
    const edited = meetingOf(
      FIRST.map(
        ([k, s, t]) =>
          [k, s, t.map((x) => x.replace('clean water', 'safe water'))] as [
            Section['kind'],
            string,
            string[],
          ],
      ),
    );
    await expect(
      lockMeeting(edited, 'forum.txt', options('frozen', write!.text)),
    ).rejects.toMatchObject({
      message: 'the published-links lockfile would change (1 paragraph corrected)',
      fix: 'run `npm run build` and commit forum.links.json',
    });
  });

  it('names a damaged lockfile and how to recover it', async () => {
    await expect(
      lockMeeting(meeting, 'forum.txt', options('update', '{"version": 7}')),
    ).rejects.toThrow(/the links lockfile is invalid at version/);
  });
});

describe('alignParagraphs on edited texts', () => {
  const aligned = (texts: string[]) => texts.map((text) => ({ text, pairs: shingles(text) }));
  const all = Object.values(TEXT);

  it('matches edited paragraphs between unchanged ones, and leaves a new one unmatched', () => {
    const edited = [
      all[0]!,
      all[1]!.replace('droughts', 'long droughts'),
      'An entirely new paragraph about glaciers and mountain snowpack.',
      ...all.slice(2),
    ];
    expect(alignParagraphs(aligned(all), aligned(edited)).map((m) => [m.old, m.new])).toEqual([
      [0, 0],
      [1, 1],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
  });

  it('does not anchor on a text that occurs twice', () => {
    const twice = [all[0]!, all[0]!, all[1]!];
    expect(alignParagraphs(aligned(twice), aligned(twice)).map((m) => [m.old, m.new])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });
});
