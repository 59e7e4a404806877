/**
 * Facts shared by the build (scripts/, integrations, pages) and the browser (src/client/): each is
 * written here once, so a label, a folder or a URL parameter cannot drift between the two. Nothing
 * here imports Node, Astro or zod, so any side may import it.
 */

/** Kinds of section, in reading order: the order the kind filter and listings show them in. */
export const SECTION_KINDS = [
  'overview',
  'session',
  'conclusion',
  'outcome',
  'background',
  'annex',
] as const;
/** What a section is (see `sectionKindSchema`). */
export type SectionKindName = (typeof SECTION_KINDS)[number];

/** How results, the kind filter and listings name one page of each kind. */
export const KIND_LABELS: Record<SectionKindName, string> = {
  overview: 'Overview',
  session: 'Session',
  conclusion: 'Key conclusion',
  outcome: 'Outcome',
  background: 'Background',
  annex: 'Annex',
};

/** How a breadcrumb names the pages of a kind; the overview has no listing. */
export const KIND_PLURALS: Record<SectionKindName, string | undefined> = {
  overview: undefined,
  session: 'Sessions',
  conclusion: 'Key conclusions',
  outcome: 'Outcome',
  background: 'Background',
  annex: 'Annexes',
};

/** URL folder of each kind's pages inside a meeting (`/<meeting>/sessions/<slug>/`); the overview is the meeting's root. */
export const KIND_FOLDERS: Record<SectionKindName, string> = {
  overview: '',
  session: 'sessions',
  conclusion: 'conclusions',
  outcome: 'outcome',
  background: 'background',
  annex: 'annex',
};

/** Kind labels in reading order, as the search page lists the kind filter's values. */
export const KIND_LABEL_ORDER: readonly string[] = SECTION_KINDS.map((kind) => KIND_LABELS[kind]);

/**
 * Stakeholder groups, in the order the rules are tried and the site lists them; the rule for each
 * is one sentence in scripts/lib/entities/groups.ts.
 */
export const STAKEHOLDER_GROUPS = [
  'local-government',
  'un-system',
  'international-organization',
  'government',
  'academia',
  'private-sector',
  'civil-society',
  'other',
] as const;
/** One of the stakeholder groups. */
export type StakeholderGroupName = (typeof STAKEHOLDER_GROUPS)[number];

/** Readers' names of the stakeholder groups. */
export const GROUP_LABELS: Record<StakeholderGroupName, string> = {
  'local-government': 'Local government',
  'un-system': 'UN system',
  'international-organization': 'Other international or regional organization',
  government: 'Government',
  academia: 'Academia',
  'private-sector': 'Private sector',
  'civil-society': 'Civil society',
  other: 'Other',
};

/** Folder of the Pagefind bundle, under the site's base path (`/pagefind/`). */
export const PAGEFIND_BUNDLE_DIR = 'pagefind';

/**
 * A shard's list of its search pages and their word counts (see searchPages), written beside
 * its pages so that assembling reads n lists instead of every page of the archive. Not a page.
 */
export const SEARCH_PAGES_FILE = '.readout-search-pages.json';

/** The site's word list, written into the Pagefind bundle folder for typo correction. */
export const VOCABULARY_FILE = 'readout-vocabulary.txt';
/** Folder inside the bundle of the vocabulary's chunks, one per first letter: a search loads only its words' chunks. */
export const VOCABULARY_CHUNKS_DIR = 'readout-vocabulary';

/** URL parameter a search result adds so the page it opens marks the searched words (`?highlight=…`). */
export const HIGHLIGHT_PARAM = 'highlight';

/** Generated MDX and meeting models: a build artifact of the split, read by the site. */
export const GENERATED_DIR = 'content/generated';
