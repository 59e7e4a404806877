/** CSV for spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
import { oneLine } from './one-line.ts';

/**
 * One cell, on one line: quoted when it holds a quote, a comma or a semicolon (spreadsheets in
 * many locales split on `;`); a leading = + - @ is neutralized so text stays text.
 */
export function csvCell(value: string | number | undefined): string {
  const text = value === undefined ? '' : oneLine(String(value));
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole table with a header row, CRLF line ends as the RFC asks. */
export function toCsv(header: string[], rows: (string | number | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
