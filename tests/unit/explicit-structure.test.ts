/** Explicit structure wins: Markdown headings and YAML frontmatter over inferred values. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeeting } from '../../scripts/lib/parse.ts';

const BUNDLED = readFileSync('content/sources/idm-2018.txt', 'utf8');
const P = (words: string) =>
  `${words} This sentence makes the paragraph long enough to be running text of a summary.`;

describe('frontmatter', () => {
  it('overrides meeting facts, section slugs, titles and relations', () => {
    const frontmatter = [
      '---',
      'slug: idm-2018-first',
      'title: IDM 2018, first session',
      'startDate: 2018-03-26',
      'sections:',
      '  setting-scene:',
      '    slug: scene',
      '    shortTitle: Scene-setting',
      '  working-together-make-data-available:',
      '    relatedConclusions: [much-more-needs-done-forced-labour]',
      '---',
    ].join('\n');
    const { meeting } = parseMeeting(`${frontmatter}\n${BUNDLED}`, 'x.txt', 'x');
    expect(meeting).toMatchObject({
      slug: 'idm-2018-first',
      title: 'IDM 2018, first session',
      startDate: '2018-03-26',
    });
    expect(meeting.sections.find((s) => s.slug === 'scene')).toMatchObject({
      shortTitle: 'Scene-setting',
      title: 'Setting the scene: Partnering to make migration work for all',
    });
    expect(meeting.sections.find((s) => s.programmeNumber === 1)!.relatedConclusions).toEqual([
      {
        slug: 'much-more-needs-done-forced-labour',
        derived: false,
        score: 1,
        reason: 'stated by the editor',
        paragraphs: expect.any(Array),
      },
    ]);
  });

  it('refuses a section the text does not have, listing the ones it has', () => {
    expect(() =>
      parseMeeting(
        `---\nsections:\n  no-such-session:\n    title: X\n---\n${BUNDLED}`,
        'x.txt',
        'x',
      ),
    ).toThrow(/"no-such-session", which the text does not have/);
  });

  it('refuses YAML that does not parse', () => {
    expect(() => parseMeeting(`---\ntitle: [unclosed\n---\n${BUNDLED}`, 'x.txt', 'x')).toThrow(
      /frontmatter is not valid YAML/,
    );
  });
});

describe('a Markdown source', () => {
  const markdown = [
    '# Assembly on Soil 2022',
    '',
    '2 May 2022, Nairobi',
    '',
    P('The assembly met to discuss soil.'),
    '',
    '## Opening session',
    '',
    P('The Chair opened the assembly.'),
    '',
    '## Soil and cities',
    '',
    P('Mayors discussed urban soil.'),
    '',
    '## Key conclusions',
    '',
    '### Soil is infrastructure',
    '',
    P('Soil carries cities and farms alike.'),
    '',
    '### Data on soil is scarce',
    '',
    P('Few countries measure soil health.'),
    '',
    '## Conclusion',
    '',
    P('The assembly will meet again.'),
  ].join('\n');

  it('is split on its headings', () => {
    const { meeting } = parseMeeting(markdown, 'soil.md', 'soil-2022');
    expect(meeting.title).toBe('Assembly on Soil 2022');
    expect(
      meeting.sections.map((s) => [s.kind, s.role ?? '', s.title, s.paragraphs.map((p) => p.n)]),
    ).toEqual([
      ['overview', '', 'Assembly on Soil 2022', [1]],
      ['session', 'opening', 'Opening session', [2]],
      ['session', 'named', 'Soil and cities', [3]],
      ['conclusion', '', 'Soil is infrastructure', [4]],
      ['conclusion', '', 'Data on soil is scarce', [5]],
      ['outcome', '', 'Conclusion', [6]],
    ]);
  });
});

describe('a very large input', () => {
  it('splits 4 MB in bounded time', () => {
    const body = BUNDLED.slice(BUNDLED.indexOf('The International Organization'));
    const big =
      BUNDLED +
      '\n\n' +
      Array.from({ length: Math.ceil(4_000_000 / body.length) }, () => body).join('\n\n');
    expect(big.length).toBeGreaterThan(4_000_000);
    const started = performance.now();
    const { meeting } = parseMeeting(big, 'big.txt', 'big');
    expect(meeting.sections.length).toBeGreaterThan(10);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
