/**
 * One site, many meetings: two summaries build into one site whose front door lists both,
 * newest first; adding the second meeting changes no URL of the first; and search can be
 * narrowed to one meeting in the browser.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPages, readDocument } from '../site/support/built-site.ts';
import { buildSources, type SourcesBuild } from '../site/support/build-sources.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';
import { launchBrowser } from './support/browser.ts';

let build: SourcesBuild;
let siteDir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  build = await buildSources('multi-meeting-tests', [
    'content/sources/idm-2018.txt',
    'tests/fixtures/sources/wcw-2021.txt',
  ]);
  siteDir = build.siteDir;
  server = await serveStatic({ root: siteDir });
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await build?.remove();
});

describe('a site of two meetings', () => {
  it('lists both meetings on the front door, newest first', async () => {
    const document = await readDocument(join(siteDir, 'index.html'));
    const links = [...document.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    const idm = links.indexOf('/idm-2018/');
    const wcw = links.indexOf('/wcw-2021/');
    expect(wcw).toBeGreaterThanOrEqual(0);
    expect(idm).toBeGreaterThan(wcw);
  });

  it('keeps every URL of the first meeting as it was before the second was added', async () => {
    const single = (await builtPages(inject('siteDir')))
      .map((p) => p.path)
      .filter((path) => path.startsWith('/idm-2018/'));
    const multi = new Set((await builtPages(siteDir)).map((p) => p.path));
    expect(single.length).toBeGreaterThan(15);
    expect(single.filter((path) => !multi.has(path))).toEqual([]);
  });

  it('narrows search to one meeting with the meeting filter', async () => {
    const page = await browser.newPage();
    const meeting = encodeURIComponent('World Conference on Water Cooperation 2021');
    await page.goto(`${server.url}search/?q=cooperation&meeting=${meeting}`);
    const results = page.locator('[data-search-results] a[href]');
    await results.first().waitFor();
    const hrefs = await results.evaluateAll((anchors) =>
      anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith('/wcw-2021/'))).toBe(true);
    await page.goto(`${server.url}search/?q=cooperation`);
    await results.first().waitFor();
    const all = await results.evaluateAll((anchors) =>
      anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
    );
    expect(all.some((href) => href.startsWith('/idm-2018/'))).toBe(true);
    await page.close();
  });
});

describe('search this meeting', () => {
  it('is offered on a meeting’s pages and lands on the search page filtered to it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}wcw-2021/`);
    await page.getByLabel('Search this meeting').fill('cooperation');
    await page.getByLabel('Search this meeting').press('Enter');
    await page.waitForURL(/\/search\/\?/);
    expect(new URL(page.url()).searchParams.get('meeting')).toBe(
      'World Conference on Water Cooperation 2021',
    );
    await page.locator('[data-search-results] a[href]').first().waitFor();
    const hrefs = await page
      .locator('[data-search-results] a[href]')
      .evaluateAll((anchors) =>
        anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
      );
    expect(hrefs.every((href) => href.startsWith('/wcw-2021/'))).toBe(true);
    await page.close();
  });

  it('is not offered when the site holds one meeting', async () => {
    const document = await readDocument(join(inject('siteDir'), 'idm-2018/index.html'));
    expect(document.querySelector('#meeting-search')).toBeNull();
  });
});
