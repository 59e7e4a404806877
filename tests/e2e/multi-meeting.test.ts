/**
 * One site, many meetings: two summaries build into one site whose front door lists both,
 * newest first; adding the second meeting changes no URL of the first; and search can be
 * narrowed to one meeting in the browser.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtPages, readDocument } from '../site/support/built-site.ts';
import { serveStatic, type StaticServer } from '../site/support/static-server.ts';
import { launchBrowser } from './support/browser.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const workDir = resolve(ROOT, '.cache/multi-meeting-tests', `${process.pid}`);
const siteDir = join(workDir, 'site');
let server: StaticServer;
let browser: Browser;

/** The build as a developer's shell runs it: without the variables Vitest adds for Vite. */
function shellEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|VITE_.*)$/.test(name)));
}

beforeAll(async () => {
  const sources = join(workDir, 'sources');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(sources, { recursive: true });
  await copyFile(join(ROOT, 'content/sources/idm-2018.txt'), join(sources, 'idm-2018.txt'));
  await copyFile(join(ROOT, 'tests/fixtures/sources/wcw-2021.txt'), join(sources, 'wcw-2021.txt'));
  await run(process.execPath, ['scripts/build.ts', '--source', sources], {
    cwd: ROOT,
    env: { ...shellEnvironment(), READOUT_GENERATED: join(workDir, 'generated'), READOUT_CACHE_DIR: join(workDir, 'astro-cache'), OUT_DIR: siteDir, BASE_PATH: '/' },
    maxBuffer: 1 << 24,
  });
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
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
    const single = (await builtPages(inject('siteDir'))).map((p) => p.path).filter((path) => path.startsWith('/idm-2018/'));
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
    const hrefs = await results.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith('/wcw-2021/'))).toBe(true);
    await page.goto(`${server.url}search/?q=cooperation`);
    await results.first().waitFor();
    const all = await results.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(all.some((href) => href.startsWith('/idm-2018/'))).toBe(true);
    await page.close();
  });
});
