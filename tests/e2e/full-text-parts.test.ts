/**
 * A long meeting's full text is cut into parts that each keep the page budget, and together
 * hold every paragraph once, in order; each part says which it is, leads to the others and to
 * every section, and the bundled summary, which fits, stays one page. Built beside the bundled
 * summary from a made-up long summary, crawled for broken links, and checked in a browser.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, pageWeight, readDocument } from '../site/support/built-site.ts';
import { buildSources, type SourcesBuild } from '../site/support/build-sources.ts';
import { crawlSite } from '../site/support/crawl.ts';
import { writeLongSummary } from '../site/support/long-summary.ts';
import { builtMeeting } from '../site/support/model.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { AXE, axeViolations, LAYOUTS } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const KIB = 1024;
const LONG = 'long-forum-2030';
let build: SourcesBuild;
let server: StaticServer;
let browser: Browser;
/** The long meeting's full-text pages, in order of their part numbers. */
let partPaths: string[];

const fileOf = (path: string) => join(build.siteDir, path, 'index.html');
const pageOf = (path: string) => readDocument(fileOf(path));

beforeAll(async () => {
  const source = resolve(ROOT, '.cache', 'full-text-parts-source', `${process.pid}`, `${LONG}.md`);
  await writeLongSummary(source, 20, 5);
  build = await buildSources('full-text-parts-tests', [
    'content/sources/idm-2018.txt',
    relative(ROOT, source),
  ]);
  server = await serveStatic({ root: build.siteDir });
  browser = await launchBrowser();
  const paths = (await builtPages(build.siteDir)).map((page) => page.path);
  partPaths = paths
    .filter((path) => path.startsWith(`/${LONG}/full/`))
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await build?.remove();
});

describe('the full text of a long meeting', () => {
  it('is cut into parts at full/, full/2/, full/3/…', () => {
    expect(partPaths.length).toBeGreaterThanOrEqual(2);
    expect(partPaths).toEqual(
      partPaths.map((_, i) => (i === 0 ? `/${LONG}/full/` : `/${LONG}/full/${i + 1}/`)),
    );
  });

  // As every other page: HTML, CSS and the JavaScript loaded before interaction.
  it('keeps each part, and the bundled summary’s one page, within 25 KiB gzip', async () => {
    const readAsset = (url: URL) =>
      readFile(join(build.siteDir, decodeURIComponent(url.pathname)), 'utf8');
    const heavy: string[] = [];
    const fullTexts = (await builtPages(build.siteDir)).filter((p) => p.path.includes('/full/'));
    expect(fullTexts.length).toBe(partPaths.length + 1);
    for (const page of fullTexts) {
      const html = await readFile(page.file, 'utf8');
      const weight = await pageWeight(html, new URL(page.path, 'http://site.test'), readAsset);
      if (weight.total > 25 * KIB) heavy.push(`${page.path}: ${(weight.total / KIB).toFixed(1)}`);
    }
    expect(heavy).toEqual([]);
  });

  it('holds every paragraph once, in order, word for word, across its parts', async () => {
    const meeting = await builtMeeting(build.siteDir, LONG);
    const expected = meeting.sections
      .flatMap((section) => section.paragraphs)
      .sort((a, b) => a.n - b.n)
      .map((p) => ({ id: p.id, text: p.text }));
    const shown = [];
    for (const path of partPaths)
      for (const p of (await pageOf(path)).querySelectorAll('.para'))
        shown.push({ id: p.id, text: p.querySelector('.para-text')!.textContent });
    expect(shown).toEqual(expected);
  });

  it('says on each part which part it is, in its title, heading and description', async () => {
    for (const [index, path] of partPaths.entries()) {
      const document = await pageOf(path);
      const label = `part ${index + 1} of ${partPaths.length}`;
      expect(document.title).toContain(`Full text, ${label}`);
      expect(document.querySelector('.page-header .eyebrow')!.textContent).toContain(label);
      expect(document.querySelector('meta[name="description"]')!.getAttribute('content')).toContain(
        label,
      );
    }
  });

  it('links each part to the previous and next one, and marks the full text current in the meeting’s navigation', async () => {
    for (const [index, path] of partPaths.entries()) {
      const document = await pageOf(path);
      const nav = document.querySelector('nav[aria-label="Previous and next part"]')!;
      expect(nav.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe(partPaths[index - 1]);
      expect(nav.querySelector('a[rel="next"]')?.getAttribute('href')).toBe(partPaths[index + 1]);
      const inMeetingNav = document.querySelector(`.meeting-nav a[href="${partPaths[0]}"]`)!;
      expect(inMeetingNav.getAttribute('aria-current')).toBe(index === 0 ? 'page' : 'true');
      const top = document.querySelector('.page-header nav.part-pager')!;
      expect(top.getAttribute('aria-label')).toBe(`Part ${index + 1} of ${partPaths.length}`);
      expect([...top.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(
        [partPaths[index - 1], '#all-parts', partPaths[index + 1]].filter(Boolean),
      );
    }
  });

  it('lists every part on each, leading to each section on the part that holds it', async () => {
    const holder = new Map<string, string>();
    for (const path of partPaths)
      for (const h of (await pageOf(path)).querySelectorAll('.text-run h2[id]'))
        holder.set(h.id, path);
    for (const path of partPaths) {
      const list = (await pageOf(path)).querySelector('nav.full-parts')!;
      const parts = [...list.querySelectorAll(':scope > ol > li > a')];
      expect(parts.map((a) => a.getAttribute('href'))).toEqual(partPaths);
      expect(list.querySelector('[aria-current="page"]')!.getAttribute('href')).toBe(path);
      for (const link of list.querySelectorAll('ul a')) {
        const [target = '', id = ''] = link.getAttribute('href')!.split('#');
        expect(target || path, id).toBe(holder.get(id));
      }
    }
    const sessions = (await builtMeeting(build.siteDir, LONG)).sections.filter(
      (s) => s.kind === 'session',
    );
    const listed = (await pageOf(partPaths[0]!)).querySelectorAll('nav.full-parts ul a');
    expect(listed.length).toBeGreaterThanOrEqual(sessions.length);
  });

  it('cuts a section too long for one part and titles its rest as continued', async () => {
    const headings = [];
    for (const path of partPaths.slice(1))
      headings.push((await pageOf(path)).querySelector('.text-run h2')!.textContent);
    expect(headings.some((h) => /, continued \(¶ \d+–\d+\)/.test(h))).toBe(true);
  });

  it('points to the whole text as one file, and stays out of search', async () => {
    for (const path of partPaths) {
      const document = await pageOf(path);
      expect(
        document.querySelector(`.page-header a[href="/${LONG}/source.md"]`),
        path,
      ).not.toBeNull();
      expect(document.querySelector('[data-pagefind-body]'), path).toBeNull();
    }
  });

  it('is announced on the overview with its number of parts', async () => {
    const link = (await pageOf(`/${LONG}/`)).querySelector(`.page-header a[href="/${LONG}/full/"]`);
    expect(link!.textContent).toBe(`Read the full text in ${partPaths.length} parts`);
  });

  it('has no axe violations on a middle part, in light and dark, at 1280 and 390 px', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(partPaths[1]!, server.url).href);
    await page.addScriptTag({ path: AXE });
    const found: string[] = [];
    for (const layout of LAYOUTS)
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize(layout);
        await page.emulateMedia({ colorScheme });
        found.push(
          ...(await axeViolations(page)).map((v) => `${layout.width} ${colorScheme}: ${v}`),
        );
      }
    await page.close();
    expect(found).toEqual([]);
  });

  it('leads to the next part from the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(partPaths[0]!, server.url).href);
    const next = page.locator('.part-pager a', { hasText: 'Part 2' });
    await next.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new URL(partPaths[1]!, server.url).href);
    expect(await page.locator('.page-header .eyebrow').textContent()).toContain('part 2 of');
    await page.close();
  });

  it('has no broken link or #fragment', async () => {
    expect((await crawlSite(server.url)).broken).toEqual([]);
  });
});

describe('the full text of the bundled summary', () => {
  it('stays one page, without parts', async () => {
    const paths = (await builtPages(build.siteDir)).map((page) => page.path);
    expect(paths.filter((path) => path.startsWith('/idm-2018/full/'))).toEqual(['/idm-2018/full/']);
    const document = await pageOf('/idm-2018/full/');
    expect(document.querySelector('nav.full-parts')).toBeNull();
    expect(document.querySelector('.page-header .eyebrow')!.textContent).toBe(
      'Full text on one page',
    );
  });
});
