/**
 * Overrides that would lose a page or a link without a word are one-line errors (issue 9, §2):
 * a section slug taken twice, a relation to no conclusion, a meeting slug the site already uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSourceError, SourceError } from '../../scripts/lib/errors.ts';
import { parseMeeting } from '../../scripts/lib/parse.ts';
import { reservedMeetingSlugs } from '../../scripts/lib/reserved-slugs.ts';
import { splitSources } from '../../scripts/lib/split-sources.ts';

const BUNDLED = readFileSync('content/sources/idm-2018.txt', 'utf8');
const sessions = parseMeeting(BUNDLED, 'x.txt', 'x').meeting.sections.filter(
  (s) => s.kind === 'session',
);

function errorOf(text: string): string {
  try {
    parseMeeting(text, 'x.txt', 'x');
  } catch (error) {
    if (error instanceof SourceError) return formatSourceError(error);
    throw error;
  }
  throw new Error('expected a SourceError');
}

async function splitError(name: string, text: string): Promise<string> {
  try {
    await splitSources([name], async () => new TextEncoder().encode(text));
  } catch (error) {
    if (error instanceof SourceError) return formatSourceError(error);
    throw error;
  }
  throw new Error('expected a SourceError');
}

describe('section overrides', () => {
  it('refuses a slug override equal to another session’s slug, which overwrote that page', () => {
    const [first, second] = sessions;
    const message = errorOf(
      `---\nsections:\n  ${first!.slug}:\n    slug: ${second!.slug}\n---\n${BUNDLED}`,
    );
    expect(message).toMatch(
      new RegExp(`^error: x\\.txt:4: two session pages would both have the slug "${second!.slug}"`),
    );
  });

  it('refuses two overrides to one slug', () => {
    const [first, second] = sessions;
    expect(
      errorOf(
        `---\nsections:\n  ${first!.slug}:\n    slug: same\n  ${second!.slug}:\n    slug: same\n---\n${BUNDLED}`,
      ),
    ).toMatch(/two session pages would both have the slug "same"/);
  });

  it('refuses the slug "index", which is the list page of a kind', () => {
    expect(
      errorOf(`---\nsections:\n  ${sessions[0]!.slug}:\n    slug: index\n---\n${BUNDLED}`),
    ).toMatch(/both have the slug "index"/);
  });

  it('refuses a relatedConclusions entry naming no conclusion, listing the real ones', () => {
    const message = errorOf(
      `---\nsections:\n  ${sessions[0]!.slug}:\n    relatedConclusions: [no-such-conclusion]\n---\n${BUNDLED}`,
    );
    expect(message).toMatch(
      /^error: x\.txt:4: section ".*" relates to conclusion "no-such-conclusion", which the text does not have — use one of: /,
    );
  });

  it('accepts a relation by a conclusion’s new slug', () => {
    const conclusion = parseMeeting(BUNDLED, 'x.txt', 'x').meeting.sections.find(
      (s) => s.kind === 'conclusion',
    )!;
    const { meeting } = parseMeeting(
      `---\nsections:\n  ${conclusion.slug}:\n    slug: renamed\n  ${sessions[0]!.slug}:\n    relatedConclusions: [renamed]\n---\n${BUNDLED}`,
      'x.txt',
      'x',
    );
    expect(
      meeting.sections
        .find((s) => s.slug === sessions[0]!.slug)!
        .relatedConclusions.map((r) => r.slug),
    ).toEqual(['renamed']);
  });
});

describe('meeting slugs', () => {
  it('reserves the site’s own top-level routes and folders, read from the site', () => {
    expect([...reservedMeetingSlugs()]).toEqual(
      expect.arrayContaining(['search', 'speakers', '404', 'pagefind', 'favicon']),
    );
  });

  it.each(['search', 'speakers', 'pagefind'])(
    'refuses the meeting slug "%s", which dropped the overview',
    async (slug) => {
      expect(await splitError(`${slug}.txt`, BUNDLED)).toMatch(
        new RegExp(
          `^error: ${slug}\\.txt:1: meeting slug "${slug}" is a page or folder of the site itself`,
        ),
      );
      expect(await splitError('x.txt', `---\nslug: ${slug}\n---\n${BUNDLED}`)).toMatch(
        /is a page or folder of the site itself/,
      );
    },
  );
});
