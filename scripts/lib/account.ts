/**
 * Nothing is lost, by construction: after the split, every character of the body must be
 * accounted for — in the title block, a paragraph, a heading a page consumed, or a line dropped
 * on purpose and counted (page numbers, running headers). A split that cannot account for its
 * input stops with one line naming the file and the first unaccounted line, before anything is
 * written, instead of publishing a site with text missing.
 */
import { SourceError } from './errors.ts';
import type { Block } from './normalize.ts';

/** White space is layout: the check compares what is left. */
const fold = (text: string) => text.replace(/\s+/gu, '');

/**
 * `lines` are the source lines the blocks came from (1-based numbers as blocks use them, after
 * `lineOffset`); `dropped` the line numbers deliberately left out; `consumed` every block the
 * split placed somewhere, each exactly once.
 */
export function assertAccounted(file: string, lines: string[], lineOffset: number, dropped: ReadonlySet<number>, consumed: Block[]): void {
  const kept = lines.map((text, i) => ({ text: fold(text), line: i + 1 + lineOffset })).filter((l) => !dropped.has(l.line - lineOffset) && l.text !== '');
  const expected = kept.map((l) => l.text).join('');
  const actual = [...consumed].sort((a, b) => a.line - b.line).map((b) => fold(b.text)).join('');
  if (expected === actual) return;
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  let offset = 0;
  const culprit = kept.find((l) => (offset += l.text.length) > at) ?? kept.at(-1);
  const excerpt = (lines[(culprit?.line ?? 1) - 1 - lineOffset] ?? '').trim().slice(0, 60);
  throw new SourceError(
    file,
    `internal error: the split cannot account for this line ("${excerpt}"), so it would lose or repeat text`,
    'nothing was written; please report this with the source file',
    culprit?.line,
  );
}
