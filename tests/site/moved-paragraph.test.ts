/**
 * A correction that moves a section's heading moves a paragraph to another page under the same
 * number: its old page keeps a note under that id, and the new page has the text. When the
 * paragraph names a speaker, the note must not try to render the speaker's link (the link's
 * place is in the text, which the note does not hold): that once failed the build.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from './support/built-site.ts';
import { startEditions, type EditionBuild, type Editions } from './support/build-editions.ts';

const SLUG = 'river-forum-2031';
const HEADING = '## Session 1: Shared measurements\n\n';
const MOVED = 'Tomas Varga (Hungary) described';

let editions: Editions;
let first: EditionBuild;
let second: EditionBuild;

beforeAll(async () => {
  editions = await startEditions('moved-paragraph', `tests/fixtures/sources/${SLUG}.md`);
  first = await editions.build('first', '2031-05-10');
  const text = await readFile(editions.source, 'utf8');
  expect(text).toContain(HEADING);
  // The heading moves up above the speaker's paragraph: the paragraph changes page, not number.
  await writeFile(editions.source, text.replace(HEADING, '').replace(MOVED, `${HEADING}${MOVED}`));
  second = await editions.build('second', '2031-06-01');
}, 240_000);

afterAll(() => editions.remove());

/** The page at `path` of a built site, and the paragraph of it that starts with `MOVED`. */
async function movedParagraph(site: string, path: string) {
  const document = await readDocument(join(site, path, 'index.html'));
  const paragraph = [...document.querySelectorAll('.para')].find((p) =>
    p.querySelector('.para-text')?.textContent?.startsWith(MOVED),
  );
  return { document, paragraph };
}

describe('a paragraph naming a speaker, moved to another page by a correction', () => {
  it('is linked to the speaker in the first edition, so the move has a link to leave behind', async () => {
    expect(first.code, first.output).toBe(0);
    const { paragraph } = await movedParagraph(first.siteDir, `${SLUG}/sessions/opening-session`);
    expect(paragraph?.querySelector('.para-text a[href*="/speakers/"]')?.textContent).toBe(
      'Tomas Varga',
    );
  });

  it('builds, and the new page shows the text under the same number with the speaker linked', async () => {
    expect(second.code, second.output).toBe(0);
    const { paragraph: before } = await movedParagraph(
      first.siteDir,
      `${SLUG}/sessions/opening-session`,
    );
    const { document, paragraph } = await movedParagraph(
      second.siteDir,
      `${SLUG}/sessions/session-1-shared-measurements`,
    );
    expect(document.title).toContain('Shared measurements');
    expect(paragraph?.id).toBe(before?.id);
    expect(paragraph?.querySelector('.para-text a[href*="/speakers/"]')?.textContent).toBe(
      'Tomas Varga',
    );
  });

  it('leaves a note under the old id on the old page, pointing to the new place, with no text or speaker link', async () => {
    const { paragraph: before } = await movedParagraph(
      first.siteDir,
      `${SLUG}/sessions/opening-session`,
    );
    const document = await readDocument(
      join(second.siteDir, SLUG, 'sessions/opening-session/index.html'),
    );
    const note = document.getElementById(before!.id)!;
    expect(note.textContent).toContain('has moved');
    expect(note.textContent).not.toContain(MOVED);
    expect(note.querySelector('a[href*="/speakers/"]')).toBeNull();
    expect([...note.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toContain(
      `/${SLUG}/sessions/session-1-shared-measurements/#${before!.id}`,
    );
  });
});
