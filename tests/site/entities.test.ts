/** Who said what, as built: the speakers, organizations and countries indexes, the person pages, mention links, "At a glance" and the entity search filters. */
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { GROUP_LABELS, STAKEHOLDER_GROUPS } from '../../scripts/lib/entities/groups.ts';
import { builtPages, readDocument, sitemapUrls } from './support/built-site.ts';
import { builtMeeting, sectionPath } from './support/model.ts';

const siteDir = inject('siteDir');
const meeting = await builtMeeting(siteDir);
const speakers = meeting.speakers;
const paragraphs = meeting.sections.flatMap((section) =>
  section.paragraphs.map((p) => ({ ...p, section })),
);
/** The built file of a site-relative URL path. */
const fileOf = (path: string) =>
  join(siteDir, decodeURIComponent(path).replace(/^\//, ''), 'index.html');
/** Where the site links paragraph `id`. */
const paragraphHref = (id: string) => {
  const found = paragraphs.find((p) => p.id === id)!;
  return `${sectionPath(meeting, found.section)}#${id}`;
};
/** The visible text of an element, without what only screen readers get. */
const visibleText = (element: Element) => {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
};
const index = (name: string) => readDocument(fileOf(`/${meeting.slug}/${name}/`));

it('finds speakers, organizations, countries and figures in the bundled summary, so these tests test something', () => {
  expect(speakers.length).toBeGreaterThan(10);
  expect(
    [meeting.organizations?.length, meeting.countries?.length, meeting.figures?.length].every(
      (n) => (n ?? 0) > 0,
    ),
  ).toBe(true);
});

describe('the speakers index', async () => {
  const document = await index('speakers');
  const sections = [...document.querySelectorAll('main section[aria-labelledby^="group-"]')];

  it('lists every speaker of the model once, under their stakeholder group, groups in the rules’ order', () => {
    const shown = sections.map((section) => [
      section.querySelector('h2')?.id,
      [...section.querySelectorAll('.entry-title')].map((a) => a.textContent),
    ]);
    const present = STAKEHOLDER_GROUPS.filter((group) => speakers.some((s) => s.group === group));
    expect(shown).toEqual(
      present.map((group) => [
        `group-${group}`,
        speakers.filter((s) => s.group === group).map((s) => s.name),
      ]),
    );
    expect(sections.map((s) => s.querySelector('h2')!.firstChild?.textContent?.trim())).toEqual(
      present.map((group) => GROUP_LABELS[group]),
    );
  });

  it('gives each speaker their role or affiliation and a “¶ n” link to every paragraph that names them', () => {
    for (const speaker of speakers) {
      const entry = [...document.querySelectorAll('.entries > li')].find(
        (li) => li.querySelector('.entry-title')?.textContent === speaker.name,
      )!;
      if (speaker.role ?? speaker.organization ?? speaker.country)
        expect(entry.querySelector('.entry-meta')?.textContent, speaker.name).toBeTruthy();
      const links = [...entry.querySelectorAll('.paragraph-links a')];
      expect(
        links.map((a) => a.getAttribute('href')),
        speaker.name,
      ).toEqual(speaker.mentions.map(paragraphHref));
      expect(links.map(visibleText)).toEqual(speaker.mentions.map((id) => `¶ ${id.slice(1)}`));
    }
  });
});

describe('a person’s page', () => {
  it('quotes every paragraph that names the person, each with a ¶ link to that paragraph', async () => {
    const index = await readDocument(fileOf(`/${meeting.slug}/speakers/`));
    for (const speaker of speakers) {
      const href = [...index.querySelectorAll('.entry-title')]
        .find((a) => a.textContent === speaker.name)!
        .getAttribute('href')!;
      const page = await readDocument(fileOf(href));
      expect(page.querySelector('h1')?.textContent).toBe(speaker.name);
      expect([...page.querySelectorAll('.attribution')].map((q) => q.textContent)).toEqual(
        speaker.attributions,
      );
      const quotes = [...page.querySelectorAll('.quotes > li')];
      expect(
        quotes.map((li) => li.querySelector('.paragraph-links a')?.getAttribute('href')),
        speaker.name,
      ).toEqual(speaker.mentions.map(paragraphHref));
      for (const [i, quote] of quotes.entries()) {
        const text = paragraphs.find((p) => p.id === speaker.mentions[i])!.text;
        const parts = (quote.querySelector('blockquote')?.textContent ?? '').split(' … ');
        for (const part of parts)
          expect(text, `${speaker.name}: a quote that is not in ${speaker.mentions[i]}`).toContain(
            part,
          );
      }
    }
  });

  it('keeps its quotes out of search: no text of it is indexed, and the quotes are marked ignored', async () => {
    const pages = (await builtPages(siteDir)).filter((page) => page.path.startsWith('/speakers/'));
    expect(pages).toHaveLength(speakers.length);
    for (const { file } of pages) {
      const document = await readDocument(file);
      expect(document.querySelector('[data-pagefind-body]')).toBeNull();
      for (const quote of document.querySelectorAll('blockquote'))
        expect(quote.closest('[data-pagefind-ignore]')).not.toBeNull();
    }
  });
});

describe('paragraphs that name a speaker', () => {
  it('keep their text exactly as the model has it, with the first mention of each speaker linking to the person', async () => {
    const pageOf = new Map(
      [...(await index('speakers')).querySelectorAll('.entry-title')].map((a) => [
        a.textContent,
        a.getAttribute('href'),
      ]),
    );
    let mentionLinks = 0;
    for (const section of meeting.sections) {
      const document = await readDocument(fileOf(sectionPath(meeting, section)));
      for (const paragraph of section.paragraphs) {
        const rendered = document.getElementById(paragraph.id)!;
        const withoutControls = rendered.cloneNode(true) as Element;
        withoutControls
          .querySelectorAll('.para-number, .para-tools')
          .forEach((control) => control.remove());
        expect(withoutControls.textContent?.trim(), paragraph.id).toBe(paragraph.text);
        const named = speakers.filter((s) => s.mentions.includes(paragraph.id));
        const links = [...rendered.querySelectorAll('.para-text a.mention')];
        expect(links.length, paragraph.id).toBeLessThanOrEqual(named.length);
        for (const link of links)
          expect(link.getAttribute('href')).toMatch(/^\/speakers\/[a-z0-9-]+\/$/);
        const byFullName = named
          .filter((s) => paragraph.text.includes(s.name))
          .map((s) => pageOf.get(s.name));
        expect(
          links.map((a) => a.getAttribute('href')),
          `${paragraph.id} links every speaker it names in full`,
        ).toEqual(expect.arrayContaining(byFullName));
        mentionLinks += links.length;
      }
    }
    expect(mentionLinks).toBeGreaterThanOrEqual(speakers.length);
  });

  it('are followed by “Speakers on this page”, listing the speakers the page names', async () => {
    for (const section of meeting.sections.filter((s) => s.kind !== 'overview')) {
      const document = await readDocument(fileOf(sectionPath(meeting, section)));
      const ids = new Set(section.paragraphs.map((p) => p.id));
      const expected = speakers
        .filter((s) => s.mentions.some((id) => ids.has(id)))
        .map((s) => s.name);
      const listed = [...document.querySelectorAll('.speakers-on-page .entry-title')].map(
        (a) => a.textContent,
      );
      expect(listed.sort(), section.slug).toEqual(expected.sort());
      if (listed.length > 0)
        expect(
          document.querySelector('.speakers-on-page')?.closest('[data-pagefind-ignore]'),
        ).not.toBeNull();
    }
  });
});

describe('the organizations index', async () => {
  const document = await index('organizations');

  it('shows every organization with its acronym beside the name, the acronym also pointing to the name, and its paragraphs', () => {
    for (const organization of meeting.organizations) {
      const entry = document.getElementById(organization.id)!;
      expect(entry.querySelector('.entry-title')?.textContent).toBe(organization.name);
      if (organization.acronym && organization.acronym !== organization.name) {
        expect(entry.querySelector('abbr')?.textContent).toBe(organization.acronym);
        const see = [...document.querySelectorAll('li.see')].find(
          (li) => li.querySelector('.entry-title')?.textContent === organization.acronym,
        );
        expect(see?.querySelector('a')?.getAttribute('href')).toBe(`#${organization.id}`);
      }
      expect(
        [...entry.querySelectorAll('.paragraph-links a')].map((a) => a.getAttribute('href')),
      ).toEqual(organization.mentions.map(paragraphHref));
    }
  });
});

describe('the countries index', async () => {
  const document = await index('countries');

  it('shows every country by common name with its ISO code, the forms the text writes and its paragraphs', () => {
    const countries = meeting.countries;
    expect(document.querySelectorAll('.entries > li')).toHaveLength(countries.length);
    for (const country of countries) {
      const entry = document.getElementById(`country-${country.code.toLowerCase()}`)!;
      expect(entry.querySelector('.entry-title')?.textContent).toBe(country.name);
      expect(entry.querySelector('.code')?.textContent).toBe(country.code);
      for (const form of country.written.filter((f) => f !== country.name))
        expect(entry.textContent).toContain(`“${form}”`);
      expect(
        [...entry.querySelectorAll('.paragraph-links a')].map((a) => a.getAttribute('href')),
      ).toEqual(country.mentions.map(paragraphHref));
    }
  });
});

describe('“At a glance” on the overview', async () => {
  const document = await readDocument(fileOf(`/${meeting.slug}/`));
  const glance = document.querySelector('.glance')!;

  it('counts what the model holds', () => {
    const counts = Object.fromEntries(
      [...glance.querySelectorAll('.glance-counts a')].map((a) => [
        a.querySelector('.glance-label')?.textContent,
        Number(a.querySelector('.glance-number')?.textContent),
      ]),
    );
    expect(counts).toEqual({
      Sessions: meeting.sections.filter((s) => s.kind === 'session').length,
      'Key conclusions': meeting.sections.filter((s) => s.kind === 'conclusion').length,
      'Speakers named': speakers.length,
      Countries: meeting.countries?.length,
      Organizations: meeting.organizations?.length,
    });
  });

  it('quotes the participation figures and up to eight key figures as written, each with its paragraph', () => {
    const figures = meeting.figures;
    const shown = (list: string) =>
      [...glance.querySelectorAll(`#${list} + .figures > li`)].map((li) => [
        li.querySelector('.figure-value')?.textContent,
        li.querySelector('.paragraph-links a')?.getAttribute('href'),
      ]);
    const expected = (participation: boolean) =>
      figures
        .filter((f) => f.participation === participation)
        .map((f) => [f.text, paragraphHref(f.paragraph)]);
    expect(shown('participation')).toEqual(expected(true));
    expect(shown('key-figures')).toEqual(expected(false).slice(0, 8));
  });

  it('draws speakers by group as an SVG image with a title and description, and the same numbers as a table', () => {
    const svg = glance.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
    expect(svg.querySelector('title')?.id).toBe(titleId);
    expect(svg.querySelector('desc')?.id).toBe(descId);
    const groups = STAKEHOLDER_GROUPS.map(
      (g) => [GROUP_LABELS[g], speakers.filter((s) => s.group === g).length] as const,
    ).filter(([, n]) => n > 0);
    const rows = [...glance.querySelectorAll('table tbody tr')].map((tr) => [
      tr.querySelector('th')?.textContent,
      Number(tr.querySelector('td')?.textContent),
    ]);
    expect(rows).toEqual(groups);
    for (const [label, count] of groups)
      expect(svg.querySelector('desc')?.textContent).toContain(`${label}, ${count}`);
    expect(svg.querySelectorAll('rect')).toHaveLength(groups.length);
    expect(glance.closest('[data-pagefind-ignore]')).not.toBeNull();
  });
});

describe('search filters', () => {
  it('record on each content page the speakers, groups, organizations and countries its paragraphs name', async () => {
    for (const section of meeting.sections) {
      const document = await readDocument(fileOf(sectionPath(meeting, section)));
      const filters = (name: string) =>
        [...document.querySelectorAll('[data-pagefind-filter]')]
          .map((e) => e.getAttribute('data-pagefind-filter')!)
          .filter((f) => f.startsWith(`${name}:`))
          .map((f) => f.slice(name.length + 1));
      const ids = new Set(section.paragraphs.map((p) => p.id));
      const named = <T extends { mentions: string[] }>(list: T[] = []) =>
        list.filter((e) => e.mentions.some((id) => ids.has(id)));
      expect(filters('speaker'), section.slug).toEqual(named(speakers).map((s) => s.name));
      expect(filters('group').sort()).toEqual(
        [...new Set(named(speakers).map((s) => GROUP_LABELS[s.group]))].sort(),
      );
      expect(filters('organization')).toHaveLength(named(meeting.organizations).length);
      expect(filters('country')).toEqual(named(meeting.countries).map((c) => c.name));
    }
  });
});

it('lists the new indexes and every person page in the sitemap, so the crawlers and the axe test visit them', async () => {
  const paths = (await sitemapUrls(siteDir)).map((url) => new URL(url).pathname);
  for (const name of ['speakers', 'organizations', 'countries'])
    expect(paths).toContain(`/${meeting.slug}/${name}/`);
  expect(paths.filter((path) => path.startsWith('/speakers/'))).toHaveLength(speakers.length);
});
