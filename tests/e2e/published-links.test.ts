/**
 * Links that last. Builds the bundled summary as a first edition, collects every URL and
 * #fragment the site links, applies a publisher's corrections to the source (a reworded
 * thesis, an inserted, a deleted, a moved, two merged and one split paragraph, a renamed session) and
 * rebuilds: every old link must still reach its passage or its corrected version. The expected
 * old → new mapping is written here by hand. Every link is checked in the built files; redirects
 * and retired anchors are also followed in Chromium, with and without JavaScript.
 * The first edition is built without SITE_URL, which the second half of the file checks.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { builtPages, readDocument } from '../site/support/built-site.ts';
import { startEditions, type EditionBuild, type Editions } from '../site/support/build-editions.ts';
import { launchBrowser } from './support/browser.ts';

const FIRST_DATE = '2026-01-10';
const CORRECTION_DATE = '2026-02-01';
const INSERTED =
  'Participants added that survivors of trafficking should be consulted whenever such partnerships are designed and evaluated.';

/** The corrections, as a publisher would make them in the source text. */
function correct(text: string): string {
  const replacements: [string, string][] = [
    // A reworded thesis: its page's slug changes.
    [
      'Much more needs to be done on forced labour and trafficking.',
      'Much more must be done on forced labour and trafficking.',
    ],
    // A renamed session: its page's slug changes.
    [
      'The next session, "Setting the scene: Partnering',
      'The next session, "Framing the debate: Partnering',
    ],
    // A split paragraph (¶ 21): a blank line before its second speaker.
    [
      'He hailed IOM as a key partner in all these areas. Frank Laczko',
      'He hailed IOM as a key partner in all these areas.\n\nFrank Laczko',
    ],
    // Two merged paragraphs (¶ 31 and ¶ 32).
    [
      'agree to house the refugees.\n\nFor Louai Turjiman',
      'agree to house the refugees. For Louai Turjiman',
    ],
  ];
  let corrected = text;
  for (const [from, to] of replacements) {
    expect(corrected, `the source still reads "${from}"`).toContain(from);
    corrected = corrected.replace(from, to);
  }
  const paragraphs = corrected.split('\n\n');
  // A deleted paragraph (¶ 13, the first of the closing session).
  const deleted = paragraphs.findIndex((p) =>
    p.startsWith('IOM Director General William Lacy Swing and Louise Arbour'),
  );
  // An inserted paragraph, after ¶ 28.
  const before = paragraphs.findIndex((p) => p.startsWith('Also, Liz Drew'));
  // A paragraph moved to another page (¶ 29, to the end of the next key conclusion, after the merged ¶ 31).
  const moved = paragraphs.findIndex((p) => p.startsWith('In the same vein, Dr Ely Thelot'));
  const merged = paragraphs.findIndex((p) =>
    p.includes('agree to house the refugees. For Louai Turjiman'),
  );
  expect([deleted, before, moved, merged].every((i) => i > 0)).toBe(true);
  const edited = paragraphs.flatMap((p, i) =>
    i === deleted || i === moved
      ? []
      : i === before
        ? [p, INSERTED]
        : i === merged
          ? [p, paragraphs[moved]!]
          : [p],
  );
  return edited.join('\n\n');
}

const OLD_THESIS = '/idm-2018/conclusions/much-more-needs-done-forced-labour/';
const NEW_THESIS = '/idm-2018/conclusions/much-more-must-done-forced-labour/';
const OLD_SESSION = '/idm-2018/sessions/setting-scene/';
const NEW_SESSION = '/idm-2018/sessions/framing-debate/';
const DATA = '/idm-2018/conclusions/effective-policymaking-needs-migration-data-analysis/';
const CRISIS = '/idm-2018/conclusions/migration-not-crisis-but-reality/';
const CLOSING = '/idm-2018/sessions/closing-session/';

/** Pages whose address changed: old path → new path (written by hand, not computed). */
const MOVED_PAGES: Record<string, string> = {
  [OLD_THESIS]: NEW_THESIS,
  [OLD_SESSION]: NEW_SESSION,
};

/** What an old link must show after the corrections, where that is not "the same text at the same place". */
type Expected =
  { at: string; startsWith: string; includes?: string } | { note: string; linksTo?: string };
const CHANGED: Record<string, Expected> = {
  [`${OLD_THESIS}#p26`]: {
    at: `${NEW_THESIS}#p26`,
    startsWith: 'Much more must be done on forced labour and trafficking. Although',
  },
  [`${OLD_SESSION}#p7`]: {
    at: `${NEW_SESSION}#p7`,
    startsWith: 'The next session, "Framing the debate: Partnering',
  },
  [`${DATA}#p21`]: {
    at: `${DATA}#p21`,
    startsWith: 'Mark Hereward, Associate Director',
    includes: 'He hailed IOM as a key partner in all these areas.',
  },
  [`${CRISIS}#p31`]: {
    at: `${CRISIS}#p31`,
    startsWith: 'Another example of migration management',
    includes: 'For Louai Turjiman',
  },
  [`${CRISIS}#p32`]: {
    note: '¶ 32 was removed in the correction of 1 February 2026; its text is now part of ¶ 31.',
    linksTo: `${CRISIS}#p31`,
  },
  [`${CLOSING}#p13`]: { note: '¶ 13 was removed in the correction of 1 February 2026.' },
  [`${OLD_THESIS}#p29`]: { at: `${CRISIS}#p31a`, startsWith: 'In the same vein, Dr Ely Thelot' },
};

/** One link: a path and an optional fragment. */
interface Link {
  path: string;
  fragment: string;
}

/** Hosts of vocabularies that JSON-LD and SVG name: identifiers, not pages. */
const VOCABULARIES = new Set(['schema.org', 'www.w3.org']);

let editions: Editions;
let first: EditionBuild;
let second: EditionBuild;
let server: StaticServer;
let browser: Browser;
/** Every link the first edition published, with the text its fragment pointed at. */
let published: Map<string, { link: Link; text: string | undefined }>;

beforeAll(async () => {
  editions = await startEditions('published-links-tests', 'content/sources/idm-2018.txt');
  first = await editions.build('first', FIRST_DATE);
  expect(first.code, first.output).toBe(0);
  published = await collectLinks(first.siteDir);
  await writeFile(editions.source, correct(await readFile(editions.source, 'utf8')));
  second = await editions.build('second', CORRECTION_DATE);
  expect(second.code, second.output).toBe(0);
  server = await serveStatic({ root: second.siteDir });
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await editions?.remove();
});

/** Every same-site link of every page of a build, keyed `path#fragment`, with the passage it names. */
async function collectLinks(
  siteDir: string,
): Promise<Map<string, { link: Link; text: string | undefined }>> {
  const links = new Map<string, { link: Link; text: string | undefined }>();
  const pages = await builtPages(siteDir);
  for (const page of pages) {
    const document = await readDocument(page.file);
    const hrefs = [...document.querySelectorAll('a[href]')].map(
      (a) => a.getAttribute('href') ?? '',
    );
    for (const href of [page.path, ...hrefs]) {
      const url = new URL(href, `http://site${page.path}`);
      if (url.host !== 'site' || /^\/(?:_astro|pagefind)\//.test(url.pathname)) continue;
      const link = { path: url.pathname, fragment: url.hash.slice(1) };
      links.set(keyOf(link), { link, text: undefined });
    }
  }
  for (const entry of links.values()) entry.text = await passage(siteDir, entry.link);
  return links;
}

function keyOf({ path, fragment }: Link): string {
  return fragment ? `${path}#${fragment}` : path;
}

/** The built file of a path: a page's index.html, or a download. */
function fileOf(siteDir: string, path: string): string {
  return join(siteDir, path.endsWith('/') ? `${path}index.html` : path);
}

/** A paragraph's text at a link, undefined for other fragments and pages. */
async function passage(siteDir: string, { path, fragment }: Link): Promise<string | undefined> {
  if (!/^p\d/.test(fragment)) return undefined;
  const document = await readDocument(fileOf(siteDir, path));
  return document
    .getElementById(fragment)
    ?.querySelector('.para-text')
    ?.textContent?.replace(/\s+/g, ' ')
    .trim();
}

/** Where a link leads in a build without a browser: a redirect page's target, then the element. */
async function resolveInFiles(
  siteDir: string,
  link: Link,
): Promise<{ at: string; text?: string | undefined; note?: string | undefined; exists: boolean }> {
  const html = await readFile(fileOf(siteDir, link.path), 'utf8').catch(() => undefined);
  if (html === undefined) return { at: keyOf(link), exists: false };
  const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html)?.[1];
  if (refresh) return resolveInFiles(siteDir, { path: refresh, fragment: link.fragment });
  if (!link.fragment || !link.path.endsWith('/')) return { at: keyOf(link), exists: true };
  // Other fragments (#main, #cite, #programme…) name places, not passages: they only have to exist.
  const isParagraph = /^p\d/.test(link.fragment);
  const element = (await readDocument(fileOf(siteDir, link.path))).getElementById(link.fragment);
  const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim();
  const forward = element?.getAttribute('data-forward');
  // What the page's script does on arrival: an anchor whose text is now on another page goes there.
  if (forward)
    return resolveInFiles(siteDir, {
      path: forward.split('#')[0]!,
      fragment: forward.split('#')[1] ?? '',
    });
  if (element?.classList.contains('para-retired'))
    return { at: keyOf(link), note: clean(element.textContent), exists: true };
  return {
    at: keyOf(link),
    text: isParagraph ? clean(element?.querySelector('.para-text')?.textContent) : undefined,
    exists: element !== null,
  };
}

describe('after a correction, every link of the first edition', () => {
  it('was collected from the first edition, paragraphs and pages alike', () => {
    expect(published.size).toBeGreaterThan(200);
    expect(published.has(`${OLD_THESIS}#p26`)).toBe(true);
    expect(published.get(`${CRISIS}#p32`)?.text).toMatch(/^For Louai Turjiman/);
  });

  it('still reaches its passage in the built files, or the corrected passage the hand-written table names', async () => {
    const wrong: string[] = [];
    for (const [key, { link, text }] of published) {
      const found = await resolveInFiles(second.siteDir, link);
      const expected = CHANGED[key];
      if (expected && 'note' in expected) {
        if (found.note !== expected.note)
          wrong.push(
            `${key}: expected the note "${expected.note}", found ${JSON.stringify(found)}`,
          );
      } else if (expected) {
        const ok =
          found.at === expected.at &&
          found.text?.startsWith(expected.startsWith) &&
          (!expected.includes || found.text.includes(expected.includes));
        if (!ok)
          wrong.push(
            `${key}: expected ${expected.at} starting "${expected.startsWith}", found ${JSON.stringify(found).slice(0, 200)}`,
          );
      } else {
        const at = keyOf({ path: MOVED_PAGES[link.path] ?? link.path, fragment: link.fragment });
        if (!found.exists || found.at !== at || found.text !== text)
          wrong.push(
            `${key}: expected ${at} with the same text, found ${JSON.stringify(found).slice(0, 200)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('numbers the inserted paragraph after its predecessor, ¶ 28a, and leaves ¶ 29 alone', async () => {
    const found = await resolveInFiles(second.siteDir, { path: NEW_THESIS, fragment: 'p28a' });
    expect(found.text).toBe(INSERTED);
    const document = await readDocument(fileOf(second.siteDir, NEW_THESIS));
    expect(document.querySelector('#p28a .para-number')?.textContent).toBe('¶Paragraph 28a');
  });

  it('follows a renamed page’s old address to the new one with its #fragment, in Chromium', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(`${OLD_THESIS}#p26`, server.url).href);
    await page.waitForURL(`**${NEW_THESIS}#p26`);
    expect(await page.locator(':target .para-text').textContent()).toMatch(
      /^Much more must be done/,
    );
    await page.goto(new URL(`${OLD_SESSION}#p8`, server.url).href);
    await page.waitForURL(`**${NEW_SESSION}#p8`);
    expect(await page.locator(':target .para-text').textContent()).toBe(
      published.get(`${OLD_SESSION}#p8`)?.text,
    );
    await page.close();
  });

  it('follows a renamed page’s old address without JavaScript too, by meta refresh', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(new URL(OLD_SESSION, server.url).href);
    await page.waitForURL(`**${NEW_SESSION}`);
    expect(await page.locator('h1').textContent()).toContain('Framing the debate');
    await context.close();
  });

  it('takes a moved paragraph’s old anchor to its new page and number, through the renamed page’s redirect, in Chromium', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(`${OLD_THESIS}#p29`, server.url).href);
    await page.waitForURL(`**${CRISIS}#p31a`);
    expect(await page.locator(':target .para-text').textContent()).toMatch(
      /^In the same vein, Dr Ely Thelot/,
    );
    await page.close();
  });

  it('lands a removed paragraph’s anchor on its note, which links to the text it was merged into, in Chromium', async () => {
    const page = await browser.newPage();
    await page.goto(new URL(`${CRISIS}#p32`, server.url).href);
    const note = page.locator(':target');
    expect((await note.textContent())?.replace(/\s+/g, ' ')).toContain(
      '¶ 32 was removed in the correction of 1 February 2026',
    );
    expect(await note.locator('a').getAttribute('href')).toBe(`${CRISIS}#p31`);
    // The browser scrolls to the target once the page is laid out, which may come after `load`.
    await expect
      .poll(async () => (await note.boundingBox())?.y ?? Infinity, { timeout: 5_000 })
      .toBeLessThan(page.viewportSize()!.height);
    await page.close();
  });

  it('writes redirect pages and pages with retired anchors as valid HTML', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:document'] });
    for (const path of [OLD_SESSION, CRISIS, CLOSING, NEW_THESIS]) {
      const report = await validator.validateString(
        await readFile(fileOf(second.siteDir, path), 'utf8'),
        path,
      );
      expect(
        report.results.flatMap((r) => r.messages.map((m) => `${path}: ${m.ruleId} ${m.message}`)),
      ).toEqual([]);
    }
  });

  it('lists the correction in the edition history on the About page', async () => {
    const document = await readDocument(fileOf(second.siteDir, '/idm-2018/about/'));
    const entries = [...document.querySelectorAll('.edition-history li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(entries).toEqual([
      '1 February 2026: 4 paragraphs corrected; ¶ 21a, ¶ 28a inserted; ¶ 13, ¶ 32 removed; 1 paragraph moved; 2 pages renamed',
      '10 January 2026: First edition',
    ]);
  });

  it('refuses a frozen build that would change the committed lockfile, in one line saying to commit it', async () => {
    await writeFile(
      editions.source,
      (await readFile(editions.source, 'utf8')).replace('Also, Liz Drew', 'Liz Drew'),
    );
    const frozen = await editions.build('frozen', '2026-03-01', ['--frozen']);
    expect(frozen.code).toBe(1);
    const lines = frozen.output.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^error: .*idm-2018\.links\.json: the published-links lockfile would change \(1 paragraph corrected\) — run `npm run build` and commit .*idm-2018\.links\.json$/,
    );
  });
});

describe('a build without SITE_URL', () => {
  it('warns once, saying why the sitemap and absolute URLs are left out', () => {
    expect(first.output.match(/SITE_URL is not set/g)).toHaveLength(1);
    expect(first.output).toMatch(/sitemap.*left out because they need an absolute URL/);
  });

  it('publishes no absolute URL of the site’s own pages, under any origin', async () => {
    const { readdir } = await import('node:fs/promises');
    const pages = new Set((await builtPages(first.siteDir)).map((p) => p.path));
    // Pagefind's own scripts are a library's code, not claims about this site; its index is binary.
    const files = (await readdir(first.siteDir, { recursive: true, withFileTypes: true })).filter(
      (f) =>
        f.isFile() &&
        /\.(?:html|xml|txt|json|bib|ris|csv|js|css|webmanifest)$/.test(f.name) &&
        !(f.parentPath.endsWith('/pagefind') && f.name.endsWith('.js')),
    );
    const claims: string[] = [];
    for (const file of files) {
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      for (const [url] of text.matchAll(/https?:\/\/[^\s"'<>)`\\]+/g)) {
        const { host, pathname } = new URL(url.replace(/[.,;]+$/, ''));
        if (VOCABULARIES.has(host)) continue;
        if (host.includes('readout') || pages.has(pathname) || pathname.startsWith('/idm-2018/'))
          claims.push(`${file.name}: ${url}`);
      }
    }
    expect(claims).toEqual([]);
    expect(files.some((f) => f.name.startsWith('sitemap'))).toBe(false);
  });

  it('names no canonical link rather than a relative one, and asks only the 404 page not to be indexed', async () => {
    // A relative canonical is no canonical to a search engine (Lighthouse fails it: "Is not an absolute URL").
    const found: string[] = [];
    for (const { path, file } of await builtPages(first.siteDir)) {
      const document = await readDocument(file);
      if (document.querySelector('link[rel="canonical"]')) found.push(`${path}: canonical`);
      if (
        document.querySelector('meta[name="robots"][content="noindex"]') &&
        !path.endsWith('/404.html')
      )
        found.push(`${path}: noindex`);
    }
    expect(found).toEqual([]);
  });

  it('downloads BibTeX and RIS with the URL of the origin the reader is on', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const firstServer = await serveStatic({ root: first.siteDir });
    try {
      await page.goto(new URL(DATA, firstServer.url).href);
      const overview = new URL('/idm-2018/', firstServer.url).href;
      for (const [file, field] of [
        ['citation.bib', `  url = {${overview}}`],
        ['citation.ris', `UR  - ${overview}`],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click(`.cite-this a[href$="${file}"]`),
        ]);
        expect(download.suggestedFilename()).toBe(file);
        expect((await readFile(await download.path(), 'utf8')).split(/\r?\n/)).toContain(field);
      }
    } finally {
      await context.close();
      await firstServer.close();
    }
  });

  it('copies links and citations with the origin the reader is on', async () => {
    const context = await browser.newContext({
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const firstServer = await serveStatic({ root: first.siteDir });
    try {
      await page.goto(new URL(DATA, firstServer.url).href);
      await page.click('#p20 [data-copy="link"]');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
        new URL(`${DATA}#p20`, firstServer.url).href,
      );
      expect(await page.locator('#p20 .citation').textContent()).toContain(
        `${new URL(`${DATA}#p20`, firstServer.url).href} (accessed`,
      );
    } finally {
      await context.close();
      await firstServer.close();
    }
  });
});
