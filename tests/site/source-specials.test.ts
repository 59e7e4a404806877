/**
 * Source text is data, never code: a summary full of MDX, JSX, HTML and Markdown syntax is built
 * and every character shows literally in the built page, with no element or script of its own.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPages, readDocument } from './support/built-site.ts';
import { buildSources, type SourcesBuild } from './support/build-sources.ts';

const SOURCE = 'tests/fixtures/sources/specials.txt';
let build: SourcesBuild;
let text: string;
let document: Document;

beforeAll(async () => {
  build = await buildSources('specials-tests', [SOURCE]);
  const page = (await builtPages(build.siteDir)).find((p) => p.path === '/specials/')!;
  document = await readDocument(page.file);
  text = document.querySelector('main')!.textContent.replace(/\s+/g, ' ');
}, 120_000);

afterAll(() => build?.remove());

describe('a summary full of markup', () => {
  it.each([
    '{props.secret}',
    '{1 + 1}',
    '<script>alert("x")</script>',
    '<b>bold</b>',
    '&amp;',
    "import Danger from './danger.js'",
    'export const leaked = 42;',
    '`code`',
    '``double``',
    '*not emphasis*',
    '__not strong__',
    '# not a heading',
    '[a link](javascript:alert(1))',
  ])('shows %s literally', (written) => {
    expect(text).toContain(written);
  });

  it('renders the markup of the text as no element of the page', async () => {
    expect(
      document.querySelectorAll('main b, main img, main em, main strong, main code'),
    ).toHaveLength(0);
    expect(
      [...document.querySelectorAll('a[href]')].filter((a) =>
        /^javascript:/i.test(a.getAttribute('href')!),
      ),
    ).toEqual([]);
    expect(
      [...document.querySelectorAll('script')].filter((s) =>
        /alert|Danger|leaked/.test(s.textContent ?? ''),
      ),
    ).toEqual([]);
    expect(
      [...document.querySelectorAll('*')].filter((e) =>
        [...e.attributes].some((a) => /^on/i.test(a.name)),
      ),
    ).toEqual([]);
  });

  it('keeps the source’s own characters in the downloadable model', async () => {
    const model = await readFile(join(build.siteDir, 'specials/data.json'), 'utf8');
    expect(model).toContain('<img src=x onerror=alert(1)>');
  });
});
