/** What only a browser shows: copying links, arriving at a paragraph, walking the meeting, the theme, and reading without JavaScript. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  builtMeeting,
  expectedReadingOrder,
  meetingTextPages,
  sectionPath,
} from '../site/support/model.ts';
import { launchBrowser } from './support/browser.ts';

const siteUrl = inject('siteUrl');
const meeting = await builtMeeting(inject('siteDir'));
const overview = new URL(`${meeting.slug}/`, siteUrl).href;
/** The section holding ¶ 12, wherever the split put it. */
const sectionOf12 = meeting.sections.find((s) => s.paragraphs.some((p) => p.id === 'p12'));
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page in its own context, so storage and permissions never leak between tests. */
async function openPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

// The clipboard is the browser's, shared by its contexts: these two take turns.
describe('copying from a page', () => {
  it('copies the absolute URL of a paragraph from the keyboard and announces it', async () => {
    const page = await openPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    const url = new URL(sectionPath(meeting, sectionOf12!), siteUrl).href;
    await page.goto(url);
    await page.focus('#p12 .para-number');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Copy link to paragraph 12',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#announcer')).toBe('Link copied');
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${canonical}#p12`);
    await page.context().close();
  });

  it('copies the citation of ¶ 12 with its URL and today’s date as the access date', async () => {
    const page = await openPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(new URL(sectionPath(meeting, sectionOf12!), siteUrl).href);
    await page.click('#p12 summary');
    await page.click('#p12 [data-copy="citation"]');
    await expect.poll(() => page.textContent('#announcer')).toBe('Citation copied');
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    const today = await page.evaluate(() =>
      new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    );
    expect(citation).toContain(meeting.organizer ?? meeting.title);
    expect(citation).toContain('¶ 12');
    expect(citation).toContain(`${await page.getAttribute('link[rel="canonical"]', 'href')}#p12`);
    expect(citation).toContain(`(accessed ${today})`);
    await page.context().close();
  });
});

describe.concurrent('reading in a browser', () => {
  it('fits every page of the meeting on a 320 px screen without sideways scrolling', async () => {
    const page = await openPage({ viewport: { width: 320, height: 640 } });
    const overflowing: string[] = [];
    for (const path of meetingTextPages(meeting, new URL(siteUrl).pathname)) {
      await page.goto(new URL(path, siteUrl).href);
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      );
      if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth))
        overflowing.push(path);
    }
    expect(overflowing).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('prints a page without its controls and with its URL', async () => {
    const page = await openPage();
    await page.goto(overview);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.site-footer .print-only')).toBe(true);
    expect(await page.textContent('.site-footer .print-only')).toBe(
      await page.getAttribute('link[rel="canonical"]', 'href'),
    );
    for (const control of ['.site-header', 'nav.breadcrumbs', 'nav.prev-next', '.para-tools'])
      expect(await page.isVisible(control), control).toBe(false);
    await page.context().close();
  });

  it('highlights ¶ 12 and scrolls to it on arrival at #p12', async () => {
    const page = await openPage({
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    await page.goto(`${new URL(sectionPath(meeting, sectionOf12!), siteUrl).href}#p12`);
    const background = (selector: string) =>
      page.$eval(selector, (e) => getComputedStyle(e).backgroundColor);
    const other = sectionOf12!.paragraphs.find((p) => p.id !== 'p12')!.id;
    expect(await background('#p12')).not.toBe(await background(`#${other}`));
    const top = await page.$eval('#p12', (e) => e.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(800);
    await page.context().close();
  });

  it('walks every page with paragraphs in the document’s order with Next, and back with Previous', async () => {
    const page = await openPage();
    const expected = expectedReadingOrder(meeting, new URL(siteUrl).pathname);
    const visit = async (rel: 'next' | 'prev', start: string) => {
      const seen = [start];
      await page.goto(new URL(start, siteUrl).href);
      while (seen.length <= expected.length && (await page.$(`a[rel="${rel}"]`))) {
        await Promise.all([
          page.waitForURL((u) => u.pathname !== seen.at(-1)),
          page.click(`a[rel="${rel}"]`),
        ]);
        seen.push(new URL(page.url()).pathname);
      }
      return seen;
    };
    expect(await visit('next', expected[0]!)).toEqual(expected);
    expect(await visit('prev', expected.at(-1)!)).toEqual([...expected].reverse());
    await page.context().close();
  }, 120_000);

  it('keeps the table of contents beside the text and in view while reading at 1280 px', async () => {
    const page = await openPage({ viewport: { width: 1280, height: 800 } });
    const conclusion = meeting.sections.find((s) => s.kind === 'conclusion')!;
    await page.goto(new URL(sectionPath(meeting, conclusion), siteUrl).href);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    const aside = await page.$eval(
      '.page-aside',
      (e) => e.getBoundingClientRect().toJSON() as DOMRect,
    );
    const text = await page.$eval(
      '.page-body .para',
      (e) => e.getBoundingClientRect().toJSON() as DOMRect,
    );
    expect(aside.top).toBeGreaterThanOrEqual(0);
    expect(aside.top).toBeLessThan(800);
    expect(aside.left).toBeGreaterThanOrEqual(text.right);
    await page.context().close();
  });

  it('shows the overview’s key conclusions on the first screen at 1280 px', async () => {
    const page = await openPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(overview);
    expect(await page.$eval('#key-conclusions', (e) => e.getBoundingClientRect().top)).toBeLessThan(
      800,
    );
    await page.context().close();
  });

  it('keeps the theme chosen with the toggle across a reload, whatever the system prefers', async () => {
    const page = await openPage({ colorScheme: 'light' });
    await page.goto(overview);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.click('.theme-toggle');
    expect(await page.getAttribute('.theme-toggle', 'aria-pressed')).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await background()).toBe(dark);
    expect(await page.getAttribute('.theme-toggle', 'aria-pressed')).toBe('true');
    await page.context().close();
  });
});

describe.concurrent('reading without JavaScript', () => {
  const withText = meeting.sections.filter((s) => s.paragraphs.length > 0);
  it.each(withText.map((section) => [sectionPath(meeting, section), section] as const))(
    '%s shows every paragraph, its number, the navigation and the citation, and no dead control',
    async (path, section) => {
      const page = await openPage({ javaScriptEnabled: false });
      await page.goto(new URL(path, siteUrl).href);
      for (const paragraph of section.paragraphs) {
        expect(await page.textContent(`#${paragraph.id} .para-text`)).toBe(paragraph.text);
        expect(await page.isVisible(`#${paragraph.id} .para-number`)).toBe(true);
      }
      for (const landmark of [
        'header .site-title',
        'nav.breadcrumbs',
        'nav.prev-next',
        'footer',
        '.citation',
      ])
        expect(await page.$(landmark), landmark).not.toBeNull();
      const deadControls = await page.$$eval(
        '[data-needs-js]',
        (elements) => elements.filter((e) => (e as HTMLElement).offsetParent !== null).length,
      );
      expect(deadControls).toBe(0);
      await page.context().close();
    },
  );
});
