/**
 * Without SITE_URL the published citation.bib and citation.ris have no URL; the page adds the
 * one the reader is on when they download. The result must be what a build with SITE_URL would
 * have published (field order aside), and a file that has a URL must be left as it is.
 */
import { describe, expect, it } from 'vitest';
import type { MeetingInfo } from '../../src/schemas/meeting.ts';
import { withCitationUrl } from '../../src/client/citation-downloads.ts';
import { toBibtex, toRis } from '../../src/utils/citation.ts';

const meeting: MeetingInfo = {
  slug: 'forum-2020',
  title: 'Forum on Rivers 2020',
  organizer: 'River Council',
  venue: 'Lisbon',
  startDate: '2020-05-04',
  source: 'forum-2020.txt',
};
const URL_HERE = 'http://localhost:4321/forum-2020/';

/** BibTeX fields as a sorted list of `name = {value}` lines, and the entry's head and tail. */
function bibtexFields(text: string): { head: string; fields: string[]; tail: string } {
  const lines = text.trimEnd().split('\n');
  return {
    head: lines[0]!,
    fields: lines
      .slice(1, -1)
      .map((line) => line.trim().replace(/,$/, ''))
      .sort(),
    tail: lines.at(-1)!,
  };
}

describe('completing a downloaded reference with the reader’s URL', () => {
  it('adds the URL to a BibTeX entry that has none, as a build with SITE_URL would have', () => {
    expect(bibtexFields(withCitationUrl(toBibtex(meeting, undefined), 'bib', URL_HERE))).toEqual(
      bibtexFields(toBibtex(meeting, URL_HERE)),
    );
  });

  it('keeps the BibTeX entry well formed: a comma after every field but the last, one closing brace', () => {
    const lines = withCitationUrl(toBibtex(meeting, undefined), 'bib', URL_HERE)
      .trimEnd()
      .split('\n');
    expect(lines.slice(1, -2).every((line) => line.endsWith(','))).toBe(true);
    expect(lines.at(-2)).toBe(`  url = {${URL_HERE}}`);
    expect(lines.at(-1)).toBe('}');
  });

  it('adds a UR line to an RIS record that has none, before its ER line', () => {
    const completed = withCitationUrl(toRis(meeting, undefined), 'ris', URL_HERE);
    const lines = completed.split('\r\n').slice(0, -1);
    expect([...lines].sort()).toEqual(toRis(meeting, URL_HERE).split('\r\n').slice(0, -1).sort());
    expect(lines.at(-2)).toBe(`UR  - ${URL_HERE}`);
    expect(lines.at(-1)).toBe('ER  - ');
  });

  it('leaves a file that already names its URL as published', () => {
    const bib = toBibtex(meeting, 'https://rivers.example/forum-2020/');
    const ris = toRis(meeting, 'https://rivers.example/forum-2020/');
    expect(withCitationUrl(bib, 'bib', URL_HERE)).toBe(bib);
    expect(withCitationUrl(ris, 'ris', URL_HERE)).toBe(ris);
  });
});
