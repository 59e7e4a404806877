/** Every link of the built site resolves, at the root and under a sub-path. */
import { describe, expect, inject, it } from 'vitest';
import { builtPages } from './support/built-site.ts';
import { crawlSite } from './support/crawl.ts';

describe.each([
  { name: 'the root build', url: inject('siteUrl'), dir: inject('siteDir'), base: '/' },
  {
    name: 'the /idm/ sub-path build',
    url: inject('subPathUrl'),
    dir: inject('subPathDir'),
    base: '/idm/',
  },
])('crawling $name from its front door', ({ url, dir, base }) => {
  const report = crawlSite(url);

  it('finds no broken link, no missing #fragment and no link outside the base path', async () => {
    expect((await report).broken).toEqual([]);
  });

  it('reaches every built page', async () => {
    const origin = new URL(url).origin;
    const visited = new Set((await report).visited.map((href) => href.replace(origin, '')));
    const unreachable = (await builtPages(dir, base))
      .map((page) => page.path)
      .filter((path) => !visited.has(path) && !path.endsWith('404.html'));
    expect(unreachable).toEqual([]);
  });
});
