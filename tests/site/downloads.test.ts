/** The meeting's downloads: its data, its source text and its references. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { documentModelSchema } from '../../src/schemas/meeting.ts';

const siteDir = inject('siteDir');
const read = (path: string) => readFile(join(siteDir, path), 'utf8');

describe('a meeting’s downloads', () => {
  it('publish the document model as data.json in the split command’s shape', async () => {
    const model = documentModelSchema.parse(JSON.parse(await read('idm-2018/data.json')));
    expect(model.meetings.map((m) => m.slug)).toEqual(['idm-2018']);
    expect(model.meetings[0]?.sections.flatMap((s) => s.paragraphs).length).toBeGreaterThan(0);
  });

  it('offer the bundled source text byte for byte', async () => {
    expect(await read('idm-2018/source.txt')).toBe(
      await readFile('content/sources/idm-2018.txt', 'utf8'),
    );
  });

  it('offer a BibTeX entry and an RIS record that point to the overview', async () => {
    const bibtex = await read('idm-2018/citation.bib');
    const ris = await read('idm-2018/citation.ris');
    expect(bibtex).toMatch(/^@report\{idm-2018,\n/);
    expect(bibtex).toMatch(/url = \{https?:\/\/[^}]+\/idm-2018\/\}/);
    expect(ris.split('\r\n')[0]).toBe('TY  - RPRT');
    expect(ris).toMatch(/\r\nUR {2}- https?:\/\/\S+\/idm-2018\/\r\n/);
    expect(ris.trimEnd().split('\r\n').at(-1)).toBe('ER  -');
  });

  it('point crawlers to the sitemap from robots.txt', async () => {
    expect(await read('robots.txt')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
  });
});
