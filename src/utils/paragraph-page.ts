/**
 * What a paragraph needs from the page that renders it: the meeting, how to cite the page, its
 * URL, and its sub-headings. The route builds it once and passes it to its MDX content
 * (`<Content page={…} />`), which hands it to every paragraph as a prop.
 */
import type { MeetingInfo, SectionPart } from '../schemas/meeting.ts';
import { absoluteUrl } from './links.ts';

/** The rendering page, as each of its paragraphs sees it. */
export interface ParagraphPage {
  /** The meeting the page belongs to. */
  meeting: MeetingInfo;
  /** Title of the page, cited as the section; none on the overview, which is the whole document. */
  section: string | undefined;
  /** URL of the page without fragment: absolute with SITE_URL, else site-relative. */
  pageUrl: string;
  /** The page's sub-headings, each rendered before the paragraph it opens. */
  parts: readonly SectionPart[];
}

/** The paragraph context of the page at `href`, cited as `section`. */
export function paragraphPage(
  meeting: MeetingInfo,
  href: string,
  section: string | undefined,
  parts: readonly SectionPart[] | undefined,
  site: URL | undefined,
): ParagraphPage {
  return { meeting, section, pageUrl: absoluteUrl(href, site), parts: parts ?? [] };
}

/** The `page` prop of a paragraph, or an error that says how to pass it. */
export function requireParagraphPage(
  page: ParagraphPage | undefined,
  paragraphId: string,
): ParagraphPage {
  if (page) return page;
  throw new Error(
    `Paragraph ${paragraphId} was rendered without its page: render the MDX content as <Content components={{ Paragraph }} page={paragraphPage(…)} />.`,
  );
}
