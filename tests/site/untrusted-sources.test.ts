/**
 * Hostile names and frontmatter through a real build (issue 9, §1): sources whose file names,
 * folder path, frontmatter values and text are drawn by fast-check from the pieces an attacker
 * reaches for (`*\/`, braces, `---`, backticks, `</script>`) are split and built once. Every
 * generated page reads back as exactly its model's props, nothing from a source ran at build,
 * and no page gains an element or a script.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../src/schemas/meeting.ts';
import { expectedPages, readGeneratedPage } from '../unit/support/generated-mdx.ts';
import { builtPages, readDocument } from './support/built-site.ts';
import { shellEnvironment } from './support/global-setup.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, '.cache', 'untrusted-sources', `${process.pid}`);
/** Would write this file (relative to the build's working folder) if any source text ran as code. */
const RAN = 'readout-source-code-ran.txt';
const PAYLOAD = `{import('node:fs').then((fs) => fs.writeFileSync('${RAN}', 'x'))}`;
/** The folder holding the sources: a comment end, an expression, a fence, a backtick and a script tag. */
const FOLDER = `*/}${PAYLOAD}{/* --- \`x\` </script><script>alert(1)</script>`;

const PIECES = [
  '*/',
  '/*',
  '}',
  '{',
  '{/*',
  '*/}',
  '---',
  '`',
  '```',
  '</script>',
  '<script>alert(1)</script>',
  '<b>',
  '"',
  "'",
  '\\',
  '&amp;',
  '${x}',
  PAYLOAD,
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.stringMatching(/^[A-Za-z]{1,8}$/)), {
    minLength: 2,
    maxLength: 6,
  })
  .map((p) => p.join(' '));
/** Four sources drawn once, from a fixed seed, so the build under test is the same on every run. */
const DRAWN = fc.sample(
  fc.record({
    name: hostile.map((h) => h.replace(/\//g, '_')),
    title: hostile,
    venue: hostile,
    text: hostile,
  }),
  { numRuns: 4, seed: 20_181_126 },
);
const TAIL = 'and this sentence is long enough to count as the running text of a meeting summary.';

interface Source {
  file: string;
  title: string;
  venue: string;
  paragraphs: string[];
}

/** Each drawn value, plus every piece at least once across the sources, so the build sees them all. */
const piece = (i: number) => PIECES[i % PIECES.length]!;
const sources: Source[] = DRAWN.map((d, i) => ({
  file: `${i} ${d.name} ${piece(i)} ${piece(i + 4)}.txt`.replace(/\//g, '_'),
  title: `${d.title} ${piece(i + 8)} ${PAYLOAD} ${i}`,
  venue: `${d.venue} ${piece(i + 12)}`,
  paragraphs: [
    `The chair said ${d.text} ${piece(i + 16)} ${TAIL}`,
    `${d.text} ${PAYLOAD} was also said ${TAIL}`,
  ],
}));
const plain: Source = {
  file: 'plain.txt',
  title: 'A plain forum',
  venue: 'Geneva',
  paragraphs: [`The chair said hello ${TAIL}`, `Hello was also said ${TAIL}`],
};

function sourceText(source: Source): string {
  return [
    `---`,
    `title: ${JSON.stringify(source.title)}`,
    `venue: ${JSON.stringify(source.venue)}`,
    `startDate: 2018-03-26`,
    `---`,
    'Forum',
    '',
    ...source.paragraphs.flatMap((p) => [p, '']),
  ].join('\n');
}

let meetings: Meeting[];

beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true });
  const sourceDir = join(WORK, FOLDER);
  await mkdir(sourceDir, { recursive: true });
  for (const source of [...sources, plain])
    await writeFile(join(sourceDir, source.file), sourceText(source));
  await run(process.execPath, [join(ROOT, 'scripts/build.ts'), '--source', sourceDir], {
    cwd: ROOT,
    env: {
      ...shellEnvironment(),
      READOUT_GENERATED: join(WORK, 'generated'),
      READOUT_CACHE_DIR: join(WORK, 'astro-cache'),
      OUT_DIR: join(WORK, 'site'),
      BASE_PATH: '/',
    },
    maxBuffer: 1 << 24,
  }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`the build failed: ${error.stderr ?? error.message}`);
  });
  const model = await Promise.all(
    (await builtPages(join(WORK, 'site')))
      .filter((p) => /^\/[^/]+\/$/.test(p.path))
      .map(async (p) =>
        readFile(join(WORK, 'generated', p.path.slice(1, -1), 'meeting.json'), 'utf8').catch(
          () => undefined,
        ),
      ),
  );
  meetings = model.filter((m): m is string => m !== undefined).map((m) => JSON.parse(m) as Meeting);
}, 600_000);

afterAll(() => (process.env['KEEP'] ? undefined : rm(WORK, { recursive: true, force: true })));

describe('hostile file names, folder path and frontmatter through a real build', () => {
  it('builds a meeting for every source', () => {
    expect(meetings.map((m) => m.title).sort()).toEqual(
      [...sources, plain].map((s) => s.title).sort(),
    );
  });

  it('writes pages that read back as exactly the model’s props, with nothing outside a literal', async () => {
    for (const meeting of meetings) {
      for (const [path, expected] of expectedPages(meeting)) {
        expect(readGeneratedPage(await readFile(join(WORK, 'generated', path), 'utf8'))).toEqual(
          expected,
        );
      }
    }
  });

  it('runs nothing a source name or value holds', async () => {
    await expect(stat(join(WORK, RAN))).rejects.toThrow();
    await expect(stat(join(ROOT, RAN))).rejects.toThrow();
  });

  it('shows each title, venue and paragraph literally, and gives no page an element or script of its own', async () => {
    const shape = async (slug: string) => {
      const document = await readDocument(join(WORK, 'site', slug, 'index.html'));
      return {
        document,
        scripts: document.querySelectorAll('script').length,
        main: [...document.querySelectorAll('main *')]
          .map((e) => e.tagName)
          .filter((t) => !['A'].includes(t)),
      };
    };
    const reference = await shape(meetings.find((m) => m.title === plain.title)!.slug);
    for (const source of sources) {
      const meeting = meetings.find((m) => m.title === source.title)!;
      const { document, scripts, main } = await shape(meeting.slug);
      expect(scripts).toBe(reference.scripts);
      expect(main).toEqual(reference.main);
      expect(document.querySelector('h1')!.textContent.trim()).toBe(source.title);
      const texts = [...document.querySelectorAll('.para-text')].map((p) => p.textContent);
      expect(texts).toEqual(source.paragraphs);
      expect(document.querySelector('main')!.textContent).toContain(source.venue);
      expect(
        [...document.querySelectorAll('*')].filter((e) =>
          [...e.attributes].some((a) => /^on/i.test(a.name)),
        ),
      ).toEqual([]);
    }
  });

  it('publishes the source’s file name in data.json, not the build folder’s path', async () => {
    for (const meeting of meetings) {
      const data = await readFile(join(WORK, 'site', meeting.slug, 'data.json'), 'utf8');
      expect((JSON.parse(data) as { meetings: Meeting[] }).meetings[0]!.source).toBe(
        [...sources, plain].find((s) => s.title === meeting.title)!.file,
      );
      expect(data).not.toContain(WORK);
    }
  });
});
