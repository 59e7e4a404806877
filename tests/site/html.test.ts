/** The built pages are valid, well-structured HTML with the metadata search engines and link previews read. */
import { readFile } from 'node:fs/promises';
import { HtmlValidate } from 'html-validate';
import { describe, expect, inject, it } from 'vitest';
import { builtPages, meetingSlugs, readDocument } from './support/built-site.ts';

const siteDir = inject('siteDir');
const pages = await builtPages(siteDir);
const validator = new HtmlValidate({ extends: ['html-validate:document'] });
const meetings = await meetingSlugs(siteDir);
/** Whether a page belongs to a meeting (rather than the front door, 404 or search). */
const isMeetingPage = (path: string) => meetings.includes(path.split('/')[1] ?? '');
/** Pages holding the meeting's text, which search indexes: overview, sessions, conclusions, outcome. */
const isContentPage = (path: string) =>
  isMeetingPage(path) && /^\/[^/]+\/(?:(?:sessions|conclusions|outcome)\/[^/]+\/)?$/.test(path);

describe.each(pages)('the page $path', ({ path, file }) => {
  it('is valid HTML by html-validate’s document rules', async () => {
    const report = await validator.validateString(await readFile(file, 'utf8'), path);
    expect(
      report.results.flatMap((r) =>
        r.messages.map((m) => `${m.ruleId} line ${m.line}: ${m.message}`),
      ),
    ).toEqual([]);
  });

  it('starts its headings with its one h1 and never skips a level', async () => {
    const levels = [...(await readDocument(file)).querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
      (h) => Number(h.tagName[1]),
    );
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });

  it('has a canonical URL (or noindex), a description, Open Graph and Twitter cards, and parseable JSON-LD', async () => {
    const document = await readDocument(file);
    const meta = (selector: string) =>
      document.querySelector(selector)?.getAttribute('content') ?? '';
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    // The 404 page is served at any missing address: it has no URL of its own and asks not to be indexed.
    if (path.endsWith('/404.html'))
      expect([canonical, meta('meta[name="robots"]')]).toEqual([undefined, 'noindex']);
    else expect(canonical).toMatch(/^https?:\/\//);
    expect(meta('meta[name="description"]').length).toBeGreaterThan(50);
    expect(meta('meta[property="og:title"]')).not.toBe('');
    expect(meta('meta[name="twitter:card"]')).toBe('summary');
    for (const script of document.querySelectorAll('script[type="application/ld+json"]'))
      expect(() => JSON.parse(script.textContent ?? '')).not.toThrow();
  });

  it(
    isContentPage(path)
      ? 'marks <main> as the only text search indexes'
      : 'gives search no text to index',
    async () => {
      const bodies = [...(await readDocument(file)).querySelectorAll('[data-pagefind-body]')].map(
        (e) => e.tagName.toLowerCase(),
      );
      expect(bodies).toEqual(isContentPage(path) ? ['main'] : []);
    },
  );
});

describe('the site as a whole', () => {
  it('gives every page its own title and description', async () => {
    const documents = await Promise.all(pages.map(({ file }) => readDocument(file)));
    const titles = documents.map((d) => d.title);
    const descriptions = documents.map((d) =>
      d.querySelector('meta[name="description"]')?.getAttribute('content'),
    );
    expect(new Set(titles).size).toBe(pages.length);
    expect(new Set(descriptions).size).toBe(pages.length);
  });

  it('offers breadcrumbs as a schema.org BreadcrumbList on every meeting page', async () => {
    for (const { path, file } of pages.filter((p) => isMeetingPage(p.path))) {
      const graph = [
        ...(await readDocument(file)).querySelectorAll('script[type="application/ld+json"]'),
      ].flatMap((s) => JSON.parse(s.textContent ?? '{}')['@graph'] ?? []);
      expect(
        graph.map((node: { '@type': string }) => node['@type']),
        path,
      ).toContain('BreadcrumbList');
    }
  });

  it('keeps listings and quoted theses out of the search index', async () => {
    for (const { path, file } of pages) {
      for (const listing of (await readDocument(file)).querySelectorAll('.entries, .related')) {
        expect(
          listing.closest('[data-pagefind-ignore]'),
          `${path}: a listing outside data-pagefind-ignore`,
        ).not.toBeNull();
      }
    }
  });
});
