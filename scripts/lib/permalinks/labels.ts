/**
 * Paragraph numbers the way legislation amends a text: a paragraph inserted after ¶ 26 becomes
 * ¶ 26a (then 26b…), and a number once published is never given to other text.
 */

/** The number part of a label: 26 for "26a". */
export function labelNumber(label: string): number {
  return Number.parseInt(label, 10);
}

/** The fragment id of a label: "p26a". */
export function labelId(label: string): string {
  return `p${label}`;
}

/** The label for a paragraph inserted after `previous` (undefined at the start), avoiding every label in `taken`. */
export function insertedLabel(previous: string | undefined, taken: ReadonlySet<string>): string {
  const base = previous ?? '0';
  const lettered = /[a-z]$/.test(base);
  let stem = lettered ? base.slice(0, -1) : base;
  let letter = lettered ? base.at(-1)! : '';
  for (;;) {
    // After "z" the letters go on doubled: 26z, then 26za.
    if (letter === 'z') [stem, letter] = [`${stem}z`, 'a'];
    else letter = letter === '' ? 'a' : String.fromCharCode(letter.charCodeAt(0) + 1);
    if (!taken.has(`${stem}${letter}`)) return `${stem}${letter}`;
  }
}
