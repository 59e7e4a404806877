declare namespace App {
  interface Locals {
    /**
     * Set by a page before it renders its MDX body: the MDX only passes a paragraph's number, id
     * and text, and each paragraph needs the page's context to cite itself.
     */
    paragraphContext?: {
      /** The meeting the page belongs to. */
      meeting: import('./schemas/meeting.ts').MeetingInfo;
      /** Title of the page, cited as the section. */
      section?: string | undefined;
      /** Absolute URL of the page, without fragment. */
      pageUrl: string;
      /** The page's sub-headings, each rendered before the paragraph it opens. */
      parts?: import('./schemas/meeting.ts').SectionPart[] | undefined;
    };
  }
}
