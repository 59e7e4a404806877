/**
 * Nothing is lost, by construction: after the split, every character of the body must be
 * accounted for — in the title block, a paragraph, a heading a page consumed, or a line dropped
 * on purpose and counted (page numbers, running headers). A split that cannot account for its
 * input stops with one line naming the file and the first unaccounted line, before anything is
 * written, instead of publishing a site with text missing.
 */
import { SourceError } from './errors.ts';
import type { Block } from './normalize.ts';

/**
 * White space is layout: the check compares what is left. Stray control characters count as
 * white space, since normalizing reads them as spaces (and counts them).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this folds away
const fold = (text: string) => text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, '');

/**
 * `lines` are the source lines the blocks came from (1-based numbers as blocks use them, after
 * `lineOffset`); `dropped` the line numbers deliberately left out; `consumed` every block the
 * split placed somewhere, each exactly once.
 */
export function assertAccounted(
  file: string,
  lines: string[],
  lineOffset: number,
  dropped: ReadonlySet<number>,
  consumed: Block[],
): void {
  const source = lines.filter((_, i) => !dropped.has(i + 1)).join('\n');
  const placed = [...consumed]
    .sort((a, b) => a.line - b.line)
    .map((b) => b.text)
    .join('\n');
  if (sameButWhiteSpace(source, placed)) return;
  const expected = fold(source);
  const actual = fold(placed);
  const kept = lines
    .map((text, i) => ({ text: fold(text), line: i + 1 + lineOffset }))
    .filter((l) => !dropped.has(l.line - lineOffset) && l.text !== '');
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

/** True when the two texts differ at most in white space; scans both once, allocating nothing. */
function sameButWhiteSpace(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < a.length && isSpace(a.charCodeAt(i))) i++;
    while (j < b.length && isSpace(b.charCodeAt(j))) j++;
    if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
    i++;
    j++;
  }
}

/** The white space `\s` matches, as char codes (checked by the tests against `fold`). */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    code <= 31 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
