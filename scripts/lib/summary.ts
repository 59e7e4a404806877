/** The one-screen summary `npm run split` prints. */
import type { ParsedMeeting } from './parse.ts';
import { printable } from './printable.ts';

/** Lines describing each meeting: pages by kind, paragraphs, repairs and warnings. */
export function formatSplitSummary(
  parsed: ParsedMeeting[],
  milliseconds: number,
  outDir?: string,
): string {
  const lines = [
    `Split ${parsed.length} meeting${parsed.length === 1 ? '' : 's'} in ${milliseconds.toFixed(0)} ms`,
  ];
  for (const { meeting, report, warnings } of parsed) {
    const count = (kind: string) => meeting.sections.filter((s) => s.kind === kind).length;
    const paragraphs = meeting.sections.reduce((sum, s) => sum + s.paragraphs.length, 0);
    lines.push(
      `  ${meeting.slug}  ${printable(meeting.title)} (${printable(meeting.source)})`,
      `    pages: ${count('overview')} overview, ${count('session')} sessions, ${count('conclusion')} key conclusions, ${count('outcome')} outcome${count('background') + count('annex') > 0 ? `, ${count('background')} background, ${count('annex')} annexes` : ''}`,
      `    paragraphs: ${paragraphs}; page breaks repaired: ${report.pageBreaksRepaired}; page numbers dropped: ${report.pageNumbersDropped}; running headers dropped: ${report.runningHeadersDropped}${report.controlsAsSpaces > 0 ? `; control characters read as spaces: ${report.controlsAsSpaces}` : ''}`,
      `    warnings: ${warnings.length === 0 ? 'none' : ''}`,
      ...warnings.map((w) => `      - ${printable(w)}`),
    );
  }
  if (outDir) lines.push(`Wrote ${printable(outDir)}`);
  return lines.join('\n');
}
