/**
 * The reading path has no dead ends: conclusions lead to their sessions, the text's own session
 * references are links to the sessions it means, themes without text quote what discusses them,
 * Next walks the text in the document's order, and the one-page view holds all of it once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { readDocument } from './support/built-site.ts';
import { builtMeeting, expectedReadingOrder, sectionPath } from './support/model.ts';

const siteDir = inject('siteDir');
const meeting = await builtMeeting(siteDir);
const fileOf = (path: string) => join(siteDir, path, 'index.html');
const pageOf = (path: string) => readDocument(fileOf(path));
const sessions = meeting.sections.filter((s) => s.kind === 'session');
const conclusions = meeting.sections.filter((s) => s.kind === 'conclusion');
const paragraphs = meeting.sections.flatMap((section) =>
  section.paragraphs.map((paragraph) => ({ section, paragraph })),
);

describe('a key conclusion’s page', () => {
  const related = conclusions.map((conclusion) => ({
    conclusion,
    sessions: sessions.filter((s) => s.relatedConclusions.some((r) => r.slug === conclusion.slug)),
  }));

  // Regression: with "Related sessions" after the body, the first conclusion rendered its paragraphs without their context.
  it.each(conclusions.map((c) => [c.slug, c] as const))(
    '%s still gives every paragraph its citation and speaker links',
    async (_, conclusion) => {
      const document = await pageOf(sectionPath(meeting, conclusion));
      for (const paragraph of conclusion.paragraphs)
        expect(
          document.querySelector(`#${paragraph.id} details.cite .citation`),
          paragraph.id,
        ).not.toBeNull();
      const named = meeting.speakers.some((s) =>
        s.mentions.some((id) => conclusion.paragraphs.some((p) => p.id === id)),
      );
      if (named)
        expect(document.querySelectorAll('.para-text a.mention').length).toBeGreaterThan(0);
    },
  );

  it('exists for a relation in the bundled text, so the links below are tested at all', () => {
    expect(related.filter((r) => r.sessions.length > 0).length).toBeGreaterThan(0);
  });

  it.each(related.map((r) => [r.conclusion.slug, r] as const))(
    '%s links to every session related to it, labelled as the session labels the relation',
    async (_, { conclusion, sessions: relatedSessions }) => {
      const document = await pageOf(sectionPath(meeting, conclusion));
      const links = [...document.querySelectorAll('#related-sessions ~ ul a')].map((a) =>
        a.getAttribute('href'),
      );
      expect(links).toEqual(relatedSessions.map((s) => sectionPath(meeting, s)));
      for (const session of relatedSessions) {
        const relation = session.relatedConclusions.find((r) => r.slug === conclusion.slug)!;
        const sessionPage = await pageOf(sectionPath(meeting, session));
        const onSession = [...sessionPage.querySelectorAll('.related .entries > li')].find((li) =>
          li.querySelector(`a[href="${sectionPath(meeting, conclusion)}"]`),
        );
        const onConclusion = [...document.querySelectorAll('.related .entries > li')].find((li) =>
          li.querySelector(`a[href="${sectionPath(meeting, session)}"]`),
        );
        expect(onConclusion?.querySelector('.badge')?.textContent).toBe(
          onSession?.querySelector('.badge')?.textContent,
        );
        expect(onConclusion?.textContent).toContain(relation.reason);
      }
    },
  );
});

describe('a session’s page', () => {
  const withSpeakers = sessions.filter((s) =>
    meeting.speakers.some((sp) => sp.mentions.some((id) => s.paragraphs.some((p) => p.id === id))),
  );

  it.each(withSpeakers.map((s) => [s.slug, s] as const))(
    '%s lists every speaker its paragraphs name',
    async (_, session) => {
      const ids = new Set(session.paragraphs.map((p) => p.id));
      const expected = meeting.speakers
        .filter((sp) => sp.mentions.some((id) => ids.has(id)))
        .map((sp) => sp.name);
      const document = await pageOf(sectionPath(meeting, session));
      const listed = [...document.querySelectorAll('#speakers-on-page ~ ul .entry-title')].map(
        (a) => a.textContent,
      );
      expect([...listed].sort()).toEqual([...expected].sort());
    },
  );

  it('exists with speakers in the bundled text', () => {
    expect(withSpeakers.length).toBeGreaterThan(0);
  });
});

describe('the table of contents of a session or key conclusion', () => {
  // Regression: "Speakers on this page" was left out of "On this page" on every key conclusion.
  it.each([...sessions, ...conclusions].map((s) => [s.slug, s] as const))(
    '%s lists every section heading the page has, in order',
    async (_, section) => {
      const document = await pageOf(sectionPath(meeting, section));
      const headings = [...document.querySelectorAll('main h2[id]')].map((h) => `#${h.id}`);
      const listed = [...document.querySelectorAll('nav.toc a')].map((a) => a.getAttribute('href'));
      expect(listed).toEqual(headings.length > 1 ? headings : []);
    },
  );
});

describe('session references in the text', () => {
  // The test's own reading of the genre: "Session 1" means item (1) of the programme list.
  const references = paragraphs.flatMap(({ section, paragraph }) =>
    [...paragraph.text.matchAll(/\b(?:Session|Panel) (\d+)\b/g)].map((match) => ({
      section,
      paragraph,
      text: match[0],
      number: Number(match[1]),
    })),
  );

  it('are found in the bundled text', () => {
    expect(references.map((r) => [r.paragraph.id, r.text])).toEqual([['p20', 'Session 1']]);
  });

  it.each(references.map((r) => [r.text, r.paragraph.id, r] as const))(
    '"%s" in %s links to the session the programme numbers so, on its page and in the full text',
    async (_, __, reference) => {
      const target = sessions.find((s) => s.programmeNumber === reference.number)!;
      expect(target).toBeDefined();
      for (const path of [sectionPath(meeting, reference.section), `/${meeting.slug}/full/`]) {
        const document = await pageOf(path);
        const text = document.querySelector(`#${reference.paragraph.id} .para-text`)!;
        const link = [...text.querySelectorAll('a')].find((a) => a.textContent === reference.text);
        expect(link?.getAttribute('href'), path).toBe(sectionPath(meeting, target));
        expect(text.textContent, 'linking never changes the text').toBe(reference.paragraph.text);
      }
    },
  );
});

describe('session numbers', () => {
  it('never number a session the document does not number, and never say "Session N of M"', async () => {
    for (const session of sessions) {
      const document = await pageOf(sectionPath(meeting, session));
      const eyebrow = document.querySelector('.eyebrow')?.textContent ?? '';
      expect(eyebrow).not.toMatch(/Session \d+ of \d+/);
      if (session.programmeNumber === undefined) expect(eyebrow, session.slug).not.toMatch(/\d/);
      else expect(eyebrow).toContain(String(session.programmeNumber));
    }
    const programme = await pageOf(`/${meeting.slug}/sessions/`);
    const opening = sessions.find((s) => s.role === 'opening')!;
    const openingEntry = [...programme.querySelectorAll('.entries > li')].find((li) =>
      li.querySelector(`a[href="${sectionPath(meeting, opening)}"]`),
    )!;
    expect(openingEntry.querySelector('.entry-meta')!.textContent).not.toMatch(/^\d/);
  });
});

describe('a thematic session without text of its own', () => {
  const themes = sessions.filter(
    (s) => s.paragraphs.length === 0 && s.relatedConclusions.length > 0,
  );

  it.each(themes.map((s) => [s.slug, s] as const))(
    '%s quotes the related conclusions’ paragraphs that discuss it, word for word, out of the search index',
    async (_, session) => {
      const document = await pageOf(sectionPath(meeting, session));
      const quoted = [...document.querySelectorAll('.quotation blockquote')];
      const expected = session.relatedConclusions.flatMap((r) => r.paragraphs ?? []);
      expect(expected.length).toBeGreaterThan(0);
      expect(quoted.map((q) => q.getAttribute('cite')!.split('#')[1])).toEqual(expected);
      for (const quote of quoted) {
        const id = quote.getAttribute('cite')!.split('#')[1]!;
        const source = paragraphs.find(({ paragraph }) => paragraph.id === id)!;
        expect(quote.getAttribute('cite')).toBe(`${sectionPath(meeting, source.section)}#${id}`);
        expect(quote.textContent).toBe(source.paragraph.text);
        expect(quote.closest('[data-pagefind-ignore]')).not.toBeNull();
      }
    },
  );
});

describe('Next and Previous', () => {
  it('visit every page with paragraphs once, in the order of their first paragraph, and nothing else', async () => {
    const expected = expectedReadingOrder(meeting);
    const walk = [expected[0]!];
    for (
      let next = (await pageOf(walk[0]!)).querySelector('a[rel="next"]');
      next;
      next = (await pageOf(walk.at(-1)!)).querySelector('a[rel="next"]')
    ) {
      walk.push(next.getAttribute('href')!);
      if (walk.length > expected.length + 1) break;
    }
    expect(walk).toEqual(expected);
    const firstParagraphs = await Promise.all(
      walk.map(async (path) =>
        Number(
          (await pageOf(path)).querySelector('.para .para-number')!.textContent.replace(/\D/g, ''),
        ),
      ),
    );
    expect(firstParagraphs).toEqual([...firstParagraphs].sort((a, b) => a - b));
  });

  it('are not offered on a page without text of its own', async () => {
    const theme = sessions.find((s) => s.paragraphs.length === 0)!;
    expect(
      (await pageOf(sectionPath(meeting, theme))).querySelector('a[rel="next"], a[rel="prev"]'),
    ).toBeNull();
  });
});

describe('the full text on one page', () => {
  const path = `/${meeting.slug}/full/`;

  it('holds every paragraph exactly once, in order, word for word', async () => {
    const document = await pageOf(path);
    const shown = [...document.querySelectorAll('.para')].map((p) => ({
      id: p.id,
      text: p.querySelector('.para-text')!.textContent,
    }));
    const all = paragraphs.map(({ paragraph }) => paragraph).sort((a, b) => a.n - b.n);
    expect(shown).toEqual(all.map((p) => ({ id: p.id, text: p.text })));
  });

  it('links each ¶ number to the paragraph on its own page, and its ids are unique', async () => {
    const document = await pageOf(path);
    for (const { section, paragraph } of paragraphs) {
      expect(document.querySelector(`#${paragraph.id} .para-number`)!.getAttribute('href')).toBe(
        `${sectionPath(meeting, section)}#${paragraph.id}`,
      );
    }
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('is linked from the overview and every page’s meeting navigation, and kept out of search', async () => {
    const document = await pageOf(path);
    expect(document.querySelector('main')!.hasAttribute('data-pagefind-body')).toBe(false);
    for (const section of meeting.sections) {
      expect(
        (await pageOf(sectionPath(meeting, section))).querySelector(
          `.meeting-nav a[href="${path}"]`,
        ),
        section.slug,
      ).not.toBeNull();
    }
    expect(
      (await pageOf(`/${meeting.slug}/`)).querySelector(`.page-header a[href="${path}"]`),
    ).not.toBeNull();
  });

  it('names the meeting and its address at the top when printed', async () => {
    const html = await readFile(fileOf(path), 'utf8');
    const document = await pageOf(path);
    const top = document.querySelector('main .print-only')!;
    expect(top.textContent).toContain(meeting.title);
    expect(html.indexOf('print-only')).toBeLessThan(html.indexOf('id="p1"'));
  });
});
