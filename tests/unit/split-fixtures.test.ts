/**
 * The splitter on two summaries of the genre: the bundled IOM summary and a fictional meeting
 * written for these tests with other sessions, speakers, marker wording and conclusion count.
 * Generated pages are read back to prove that nothing is lost, duplicated or cut mid-sentence.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { splitSources } from '../../scripts/lib/split-sources.ts';
import { splitSentences } from '../../scripts/lib/text.ts';
import type { Meeting } from '../../src/schemas/meeting.ts';

const BUNDLED = 'content/sources/idm-2018.txt';
const SECOND = 'tests/fixtures/sources/wcw-2021.txt';

async function split(file: string) {
  const result = await splitSources([file], (path) => readFile(path));
  return { ...result, meeting: result.model.meetings[0]!, report: result.parsed[0]!.report };
}

/** Paragraph texts as the generated MDX pages hold them, in page order. */
function paragraphsFromPages(files: Map<string, string>): string[][] {
  return [...files.entries()]
    .filter(([path]) => path.endsWith('.mdx'))
    .map(([, mdx]) =>
      [...mdx.matchAll(/ text=\{("(?:[^"\\]|\\.)*")\} page=\{props\.page\} \/>/g)].map(
        (m) => JSON.parse(m[1]!) as string,
      ),
    );
}

/** The source's running text with white space folded: what the pages must hold, once. */
async function sourceBody(file: string, firstWords: string): Promise<string> {
  const text = (await readFile(file, 'utf8')).replace(/\s+/g, ' ');
  return text.slice(text.indexOf(firstWords));
}

const titles = (meeting: Meeting, kind: string) =>
  meeting.sections.filter((s) => s.kind === kind).map((s) => s.title);

describe('the bundled summary', async () => {
  const { meeting, files, report } = await split(BUNDLED);

  it('reads the title block', () => {
    expect(meeting).toMatchObject({
      slug: 'idm-2018',
      title: 'International Dialogue on Migration 2018',
      theme: 'Inclusive and innovative partnerships for effective global governance of migration',
      organizer: 'International Organization for Migration (IOM)',
      startDate: '2018-03-26',
      endDate: '2018-03-27',
      venue: 'United Nations Headquarters',
      documentType: 'Summary of conclusions',
    });
  });

  it('finds the opening, the named session, the eight listed sessions and the closing', () => {
    const sessions = meeting.sections.filter((s) => s.kind === 'session');
    expect(sessions.map((s) => s.role)).toEqual([
      'opening',
      'named',
      ...Array(8).fill('thematic'),
      'closing',
    ]);
    expect(sessions[1]!.title).toBe('Setting the scene: Partnering to make migration work for all');
    expect(sessions[2]!.title).toBe(
      'Working together to make data available for migration policymaking',
    );
    expect(sessions[9]!.title).toBe('Whole-of-society partnerships for good migration governance');
    expect(
      sessions.filter((s) => s.role === 'thematic').every((s) => s.paragraphs.length === 0),
    ).toBe(true);
  });

  it('finds five key conclusions with their thesis statements, and one outcome', () => {
    const statements = meeting.sections
      .filter((s) => s.kind === 'conclusion')
      .map((s) => s.statement);
    expect(statements).toEqual([
      'Global dialogue and cooperation on migration governance is essential and necessary among all actors in migration.',
      'Effective policymaking needs migration data and analysis.',
      'Partnerships and approaches across different sectors, from cities to states to regions to global, are critical to achieve the migration-related Sustainable Development Goals.',
      'Much more needs to be done on forced labour and trafficking.',
      'Migration is not a crisis but a reality that we need to learn to manage in a humane way, and partnerships can ensure that this occurs.',
    ]);
    expect(titles(meeting, 'outcome')).toEqual(['Conclusion']);
  });

  it('repairs all five page-break splits', () => {
    expect(report.pageBreaksRepaired).toBe(5);
    const all = paragraphsFromPages(files).flat();
    expect(all).toContainEqual(
      expect.stringContaining('There was a consensus that inclusive and innovative partnerships'),
    );
    expect(all).toContainEqual(
      expect.stringContaining('among them, the International Forum on Migration Statistics'),
    );
  });

  it('relates the session a conclusion names explicitly, marked as derived', () => {
    const first = meeting.sections.find((s) => s.programmeNumber === 1)!;
    expect(first.relatedConclusions[0]).toMatchObject({ derived: true, score: 1 });
    expect(
      meeting.sections.find((s) => s.slug === first.relatedConclusions[0]!.slug)!.statement,
    ).toMatch(/data/);
  });

  it('keeps every sentence, in exactly one page, in source order', async () => {
    const pages = paragraphsFromPages(files);
    const paragraphs = meeting.sections.flatMap((s) => s.paragraphs).sort((a, b) => a.n - b.n);
    const body = await sourceBody(
      BUNDLED,
      'The International Organization for Migration (IOM) held',
    );
    // The outcome heading is a title, not a paragraph; everything else is paragraph text.
    expect(body.replace(' Conclusion ', ' ').trim()).toBe(paragraphs.map((p) => p.text).join(' '));
    const everything = pages.flat().join('\n');
    for (const sentence of splitSentences(paragraphs.map((p) => p.text).join(' '))) {
      expect(everything.split(sentence).length - 1, sentence).toBe(1);
    }
  });

  it('starts no paragraph mid-sentence', () => {
    for (const text of paragraphsFromPages(files).flat())
      expect(text, text).toMatch(/^["“‘(]?[\p{Lu}\d]/u);
  });

  it('pins every page URL, so a change to links is always deliberate', async () => {
    const urls = meeting.sections.map((s) => `${s.kind}\t${s.slug}\t${s.shortTitle}`).join('\n');
    await expect(`${urls}\n`).toMatchFileSnapshot('__snapshots__/idm-2018.pages.tsv');
  });
});

describe('a second summary of the genre', async () => {
  const { meeting, files, report } = await split(SECOND);

  it('splits into the sessions and conclusions it really has', () => {
    expect(meeting).toMatchObject({
      title: 'World Conference on Water Cooperation 2021',
      startDate: '2021-06-14',
      endDate: '2021-06-16',
      venue: 'Palais des Nations, Geneva',
    });
    const sessions = meeting.sections.filter((s) => s.kind === 'session');
    expect(sessions.map((s) => s.role)).toEqual([
      'opening',
      'named',
      ...Array(5).fill('thematic'),
      'closing',
    ]);
    expect(sessions[1]!.title).toBe(
      'Water at the crossroads: Financing resilience in a changing climate',
    );
    expect(sessions.map((s) => s.paragraphs.length)).toEqual([3, 2, 0, 0, 0, 0, 0, 2]);
    expect(
      meeting.sections.filter((s) => s.kind === 'conclusion').map((s) => s.paragraphs.length),
    ).toEqual([3, 4, 2, 3]);
    expect(titles(meeting, 'outcome')).toEqual(['Conclusion']);
    expect(meeting.sections[0]!.paragraphs.map((p) => p.n)).toEqual([1, 2, 8, 9, 12]);
  });

  it('repairs its three page-break splits', () => {
    expect(report.pageBreaksRepaired).toBe(3);
  });

  it('relates thematic session 3 to the conclusion that names it', () => {
    const third = meeting.sections.find((s) => s.programmeNumber === 3)!;
    const named = third.relatedConclusions.find((r) => r.score === 1)!;
    expect(
      meeting.sections
        .find((s) => s.slug === named.slug)!
        .paragraphs.some((p) => /Session 3 explicitly/.test(p.text)),
    ).toBe(true);
  });

  it('keeps every sentence exactly once', async () => {
    const paragraphs = meeting.sections.flatMap((s) => s.paragraphs).sort((a, b) => a.n - b.n);
    const body = await sourceBody(SECOND, 'The Global Water Partnership Council (GWPC) convened');
    expect(body.replace(' Conclusion ', ' ').trim()).toBe(paragraphs.map((p) => p.text).join(' '));
    for (const text of paragraphsFromPages(files).flat())
      expect(text).toMatch(/^["“‘(]?[\p{Lu}\d]/u);
  });
});

// A third style, written for these tests: Markdown headings, hard-wrapped lines, pages broken
// by a text tool (form feeds, a running header from page 2, page numbers), a programme in the
// lead, numbered sessions and bulleted key messages.
describe('a hard-wrapped, page-broken Markdown summary with a programme and bulleted key messages', async () => {
  const THIRD = 'tests/fixtures/sources/coastal-2034.md';
  const { meeting, files, report } = await split(THIRD);

  it('drops the page furniture and joins the sentences it cut', () => {
    expect(report).toMatchObject({
      pageBreaksRepaired: 2,
      pageNumbersDropped: 2,
      runningHeadersDropped: 2,
    });
    const text = meeting.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join(' ');
    expect(text).not.toContain('Bulletin');
    expect(text).toContain('and said that half of the sirens');
  });

  it('makes the programme’s items the numbered sessions its headings report, not second pages', () => {
    expect(
      meeting.sections
        .filter((s) => s.kind === 'session')
        .map((s) => [s.title, s.programmeNumber ?? null]),
    ).toEqual([
      ['Opening session', null],
      ['Session 1: Mapping exposure', 1],
      ['Session 2 – Financing adaptation', 2],
      ['Session 3 – Early warning', 3],
      ['Closing session', null],
    ]);
  });

  it('makes each bulleted key message a key conclusion, and keeps the sentence announcing them on the overview', () => {
    expect(meeting.sections.filter((s) => s.kind === 'conclusion').map((s) => s.statement)).toEqual(
      [
        'Exposure maps must be made with the communities they describe.',
        'Adaptation finance should reach local governments directly, without intermediaries taking a share on the way.',
        'Early-warning systems need maintenance budgets, not only launch funding.',
      ],
    );
    expect(meeting.sections[0]!.paragraphs.at(-1)!.text).toBe(
      'The workshop agreed on the following key messages:',
    );
  });

  it('finds the speakers with their roles, organizations and countries', () => {
    expect(
      meeting.speakers.map((s) => [s.name, s.organization ?? null, s.country ?? null]),
    ).toEqual([
      ['Mele Tupou', 'Pacific Coastal Office', null],
      ['Jonas Berg', null, 'Norway'],
      ['Amina Diallo', 'Coastal Fund', null],
      ['Tomasi Naivalu', null, 'Fiji'],
    ]);
  });

  it('holds every line of the body but headings and page furniture in its paragraphs, in order, once', async () => {
    const source = (await readFile(THIRD, 'utf8')).split('\n').slice(1);
    const furniture = /^\f?Coastal Resilience Workshop Bulletin$|^\d$|^#{1,6}\s/;
    const body = source
      .filter((line) => !furniture.test(line.trim()))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    const paragraphs = meeting.sections.flatMap((s) => s.paragraphs).sort((a, b) => a.n - b.n);
    expect(paragraphs.map((p) => p.text).join(' ')).toBe(body);
    const everything = paragraphsFromPages(files).flat();
    for (const paragraph of paragraphs)
      expect(everything.filter((text) => text === paragraph.text)).toHaveLength(1);
  });
});
