/** Dates and short texts as readers see them, independent of the build machine's locale. */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Splits an ISO date into numbers. */
function parts(iso: string): { year: number; month: number; day: number } {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return { year, month, day };
}

/** "26 March 2018" from `2018-03-26`. */
export function formatDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A meeting's dates without repeating what the two ends share: "26–27 March 2018". */
export function formatDateRange(
  start: string | undefined,
  end: string | undefined,
): string | undefined {
  if (!start) return undefined;
  if (!end || end === start) return formatDate(start);
  const a = parts(start);
  const b = parts(end);
  if (a.year !== b.year) return `${formatDate(start)} – ${formatDate(end)}`;
  if (a.month !== b.month) return `${a.day} ${MONTHS[a.month - 1]} – ${formatDate(end)}`;
  return `${a.day}–${formatDate(end)}`;
}

/** The year of an ISO date, as text. */
export function yearOf(iso: string | undefined): string | undefined {
  return iso?.slice(0, 4);
}

/** Shortens text at a word boundary for meta descriptions, ending with an ellipsis when cut. */
export function truncateText(text: string, max = 155): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** The source's file name without its folders: what `data.json` publishes of where the text came from. */
export function publishedSourceName(source: string): string {
  return source.split(/[\\/]/).pop() || source;
}
