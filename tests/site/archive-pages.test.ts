/**
 * Pages of an archive stay small whatever its size: a generated archive of more meetings than
 * the front door lists, all naming one recurring speaker, builds pages that are each within the
 * weight budget, lists every meeting once across the front door and the meeting list, and splits
 * the recurring speaker's page by meetings.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weighPages } from '../../scripts/bench/measure.ts';
import { APPEARANCES_PER_PAGE, MEETINGS_PER_PAGE } from '../../src/utils/list-pages.ts';
import { readDocument } from './support/built-site.ts';
import { shellEnvironment } from './support/global-setup.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const WORK = resolve(ROOT, '.cache', 'archive-pages', `${process.pid}`);
const SITE = join(WORK, 'site');
const MEETINGS = MEETINGS_PER_PAGE + 5;
const PAGE_BUDGET_BYTES = 25 * 1024;

/** A small meeting in Markdown: the recurring chair, a moderator of its own, one conclusion. */
function meeting(i: number): string {
  const n = String(i).padStart(3, '0');
  const day = new Date(Date.UTC(2000, 0, 1 + i * 30)).toISOString().slice(0, 10);
  return `---\ntitle: Regional Water Dialogue ${n}\nstartDate: ${day}\n---\n# Regional Water Dialogue ${n}\n\n## Opening session\n\nMs. Ana Ruiz, Director of the Coastal Research Institute, opened dialogue ${n} and welcomed the participants.\n\n## Session 1: Shared rivers\n\nThe session was moderated by Mr. Tomas Keller${n}, Senior Adviser at the Basin Commission. Participants discussed data sharing on river ${n} and the cost of floods.\n\n## Key conclusions\n\n### Data must be shared\n\nParticipants agreed that flood data on river ${n} must be shared between riparian states within days.\n\n## Conclusion\n\nMs. Ana Ruiz closed the meeting.\n`;
}

beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true });
  await mkdir(join(WORK, 'sources'), { recursive: true });
  for (let i = 1; i <= MEETINGS; i++)
    await writeFile(join(WORK, 'sources', `dialogue-${String(i).padStart(3, '0')}.md`), meeting(i));
  await run(process.execPath, ['scripts/build.ts', '--source', join(WORK, 'sources')], {
    cwd: ROOT,
    env: {
      ...shellEnvironment(),
      READOUT_GENERATED: join(WORK, 'generated'),
      READOUT_CACHE_DIR: join(WORK, 'cache'),
      OUT_DIR: SITE,
      BASE_PATH: '/',
      SITE_URL: '',
    },
    maxBuffer: 1 << 24,
  });
}, 300_000);

afterAll(async () => {
  await rm(WORK, { recursive: true, force: true });
});

const meetingLinks = async (file: string) =>
  [...(await readDocument(join(SITE, file))).querySelectorAll('main .entries a.entry-title')].map(
    (a) => a.getAttribute('href'),
  );

describe(`an archive of ${MEETINGS} meetings`, () => {
  it('keeps every page within 25 KiB gzipped, scripts and styles included', async () => {
    const weights = await weighPages(SITE, '/');
    expect(weights.length).toBeGreaterThan(MEETINGS * 10);
    const heavy = weights
      .filter((w) => w.totalBytes > PAGE_BUDGET_BYTES)
      .map((w) => `${w.path}: ${(w.totalBytes / 1024).toFixed(1)} KiB`);
    expect(heavy).toEqual([]);
  });

  it('lists every meeting once, newest first, across the front door and the meeting list', async () => {
    const front = await meetingLinks('index.html');
    const second = await meetingLinks('meetings/2/index.html');
    expect(front).toHaveLength(MEETINGS_PER_PAGE);
    expect(front[0]).toBe(`/dialogue-${MEETINGS}/`);
    const all = [...front, ...second];
    expect(new Set(all).size).toBe(MEETINGS);
    expect(
      (await readDocument(join(SITE, 'index.html'))).querySelector('a[href="/meetings/2/"]'),
    ).not.toBeNull();
  });

  it('splits a recurring speaker’s page by meetings, each meeting on one page', async () => {
    const pages = (await readdir(join(SITE, 'speakers', 'ana-ruiz'), { recursive: true })).filter(
      (f) => f.endsWith('index.html'),
    );
    expect(pages).toHaveLength(Math.ceil(MEETINGS / APPEARANCES_PER_PAGE));
    const sections = await Promise.all(
      pages.map(async (page) =>
        [
          ...(await readDocument(join(SITE, 'speakers', 'ana-ruiz', page))).querySelectorAll(
            'main h2',
          ),
        ].map((h) => h.textContent),
      ),
    );
    expect(Math.max(...sections.map((s) => s.length))).toBe(APPEARANCES_PER_PAGE);
    expect(new Set(sections.flat()).size).toBe(MEETINGS);
  });
});
