/** The site's code names nothing of the bundled summary: the text is data, and another summary must work alike. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, inject, it } from 'vitest';
import { builtMeeting } from './support/model.ts';

it('names none of the bundled meeting’s sessions, speakers or sentences anywhere in src/', async () => {
  const meeting = await builtMeeting(inject('siteDir'));
  const phrases = [
    ...meeting.sections.filter((s) => s.kind !== 'overview').map((s) => s.title),
    ...meeting.speakers.map((s) => s.name),
    ...meeting.sections.flatMap((s) => s.paragraphs.map((p) => p.text.slice(0, 60))),
  ].filter((phrase) => phrase.length >= 12);
  const files = (await readdir('src', { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  const found = [];
  for (const file of files) {
    const code = await readFile(file, 'utf8');
    found.push(
      ...phrases.filter((phrase) => code.includes(phrase)).map((phrase) => `${file}: “${phrase}”`),
    );
  }
  expect(found).toEqual([]);
});
