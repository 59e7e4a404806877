/** Finds a meeting's dates in a title-block line such as "26 and 27 March 2018, Geneva". */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH = `(${MONTHS.join('|')}|sept|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const JOIN = '\\s*(?:-|–|—|and|to|&)\\s*';

/** A date range found in a line, and where in the line it stood. */
export interface DateRange {
  startDate: string;
  endDate: string;
  /** The matched text, so the caller can take the rest of the line as the venue. */
  matched: string;
}

const PATTERNS: {
  pattern: RegExp;
  read: (m: RegExpMatchArray) => [number, number, number, number, number];
}[] = [
  // 30 November – 2 December 2019
  {
    pattern: new RegExp(`${DAY}\\s+${MONTH}${JOIN}${DAY}\\s+${MONTH},?\\s+(\\d{4})`, 'i'),
    read: (m) => [+m[5]!, month(m[2]!), +m[1]!, month(m[4]!), +m[3]!],
  },
  // 26 and 27 March 2018, 14–16 June 2021
  {
    pattern: new RegExp(`${DAY}${JOIN}${DAY}\\s+${MONTH},?\\s+(\\d{4})`, 'i'),
    read: (m) => [+m[4]!, month(m[3]!), +m[1]!, month(m[3]!), +m[2]!],
  },
  // March 26–27, 2018
  {
    pattern: new RegExp(`${MONTH}\\s+${DAY}${JOIN}${DAY},?\\s+(\\d{4})`, 'i'),
    read: (m) => [+m[4]!, month(m[1]!), +m[2]!, month(m[1]!), +m[3]!],
  },
  // 26 March 2018
  {
    pattern: new RegExp(`${DAY}\\s+${MONTH},?\\s+(\\d{4})`, 'i'),
    read: (m) => [+m[3]!, month(m[2]!), +m[1]!, month(m[2]!), +m[1]!],
  },
  // March 26, 2018
  {
    pattern: new RegExp(`${MONTH}\\s+${DAY},?\\s+(\\d{4})`, 'i'),
    read: (m) => [+m[3]!, month(m[1]!), +m[2]!, month(m[1]!), +m[2]!],
  },
];

function month(name: string): number {
  return MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace('.', '').slice(0, 3))) + 1;
}

/** The first date or date range in `line`, as ISO dates; undefined when there is none. */
export function findDateRange(line: string): DateRange | undefined {
  for (const { pattern, read } of PATTERNS) {
    const match = line.match(pattern);
    if (!match) continue;
    const [year, startMonth, startDay, endMonth, endDay] = read(match);
    const startDate = isoDate(year, startMonth, startDay);
    const endDate = isoDate(year, endMonth, endDay);
    if (startDate && endDate && startDate <= endDate)
      return { startDate, endDate, matched: match[0] };
  }
  return undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
