/**
 * `npm run screenshots`: photographs the built site (run `npm run build` first) so a person can
 * look at it: the overview, a session with text, a thematic session, a key conclusion, the
 * full text on one page, the speakers index and the page of the most-mentioned speaker, at phone
 * and desktop width, in light and dark, into screenshots/ (whole page and first screen).
 * `npm run screenshots -- conclusion full` photographs only the pages so named.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { preview } from 'astro';
import { chromium } from 'playwright-core';
import { KIND_FOLDERS, PAGEFIND_BUNDLE_DIR, type SectionKindName } from '../src/constants.ts';

const OUT = 'screenshots';
const WIDTHS = [390, 1280];
const SCHEMES = ['light', 'dark'] as const;

/** One page to photograph: a file-name stem and its site-relative path. */
interface Shot {
  name: string;
  path: string;
}

/** The pages worth looking at, found in the first meeting's data.json rather than named here. */
async function pagesToPhotograph(dist: string): Promise<Shot[]> {
  const slug = (await readdir(dist, { withFileTypes: true })).find(
    (e) =>
      e.isDirectory() &&
      !e.name.startsWith('_') &&
      e.name !== PAGEFIND_BUNDLE_DIR &&
      e.name !== 'search',
  )?.name;
  if (!slug) throw new Error(`No meeting in ${dist}/. Run \`npm run build\` first.`);
  const { meetings } = JSON.parse(await readFile(join(dist, slug, 'data.json'), 'utf8')) as {
    meetings: {
      sections: { kind: SectionKindName; role?: string; slug: string; paragraphs: unknown[] }[];
      speakers?: { id: string; mentions: string[] }[];
    }[];
  };
  const sections = meetings[0]?.sections ?? [];
  const mostMentioned = [...(meetings[0]?.speakers ?? [])].sort(
    (a, b) => b.mentions.length - a.mentions.length,
  )[0];
  const shot = (name: string, section: (typeof sections)[number] | undefined): Shot | undefined =>
    section && { name, path: `${slug}/${KIND_FOLDERS[section.kind]}/${section.slug}/` };
  const shots = [
    { name: 'overview', path: `${slug}/` },
    shot(
      'session',
      sections.find((s) => s.kind === 'session' && s.paragraphs.length > 0),
    ),
    shot(
      'thematic-session',
      sections.find((s) => s.role === 'thematic'),
    ),
    shot(
      'conclusion',
      sections.find((s) => s.kind === 'conclusion'),
    ),
    { name: 'full', path: `${slug}/full/` },
    { name: 'speakers', path: `${slug}/speakers/` },
    // A person's page is site-wide; with one meeting its id is the speaker's.
    mostMentioned && { name: 'speaker', path: `speakers/${mostMentioned.id}/` },
  ];
  return shots.filter((shot): shot is Shot => shot !== undefined);
}

const dist = process.env['OUT_DIR'] ?? 'dist';
const only = process.argv.slice(2);
const shots = (await pagesToPhotograph(dist)).filter(
  (shot) => only.length === 0 || only.includes(shot.name),
);
const server = await preview({ root: process.cwd(), logLevel: 'warn' });
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
try {
  await mkdir(OUT, { recursive: true });
  const base = `http://localhost:${server.port}${(process.env['BASE_PATH'] ?? '/').replace(/\/?$/, '/')}`;
  for (const width of WIDTHS) {
    for (const colorScheme of SCHEMES) {
      const page = await browser.newPage({
        viewport: { width, height: width < 600 ? 844 : 900 },
        colorScheme,
        deviceScaleFactor: 1,
      });
      for (const shot of shots) {
        await page.goto(new URL(shot.path, base).href);
        // The whole page, and the first screen on its own: what a reader sees before scrolling.
        const stem = join(OUT, `${shot.name}-${width}-${colorScheme}`);
        await page.screenshot({ path: `${stem}.png`, fullPage: true });
        await page.screenshot({ path: `${stem}-first-screen.png` });
        console.log(`${stem}.png`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
