/**
 * Property tests over untrusted input (issue 9, §1 and "Done when"): hostile file names, folder
 * paths, frontmatter values and body text. Whatever they hold, a split either fails with one
 * line (`error: …`, no stack trace) or succeeds having lost no text, and every generated page
 * parses to exactly the props of the model with no source byte outside a string literal.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatSourceError, SourceError } from '../../scripts/lib/errors.ts';
import { findSources, readRegularFile } from '../../scripts/disk/sources.ts';
import { splitSources, type SplitResult } from '../../scripts/lib/split-sources.ts';
import { expectedPages, readGeneratedPage } from './support/generated-mdx.ts';

/** Pieces an attacker reaches for: comment ends, braces, fences, backticks, script tags, controls. */
const HOSTILE = [
  '*/',
  '/*',
  '}',
  '{',
  '{/*',
  '*/}',
  '---',
  '`',
  '```',
  '</script>',
  '<script>',
  '<b>',
  '"',
  "'",
  '\\',
  '#',
  '&amp;',
  '${x}',
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001b[2J',
  '\u0085',
  '\u2028',
  '\u202e',
  '\ufeff',
  ': ',
  '- ',
  '!!js/function',
  'é',
  '👩🏽‍⚕️',
];
const hostilePiece = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
  fc.stringMatching(/^[a-z]{1,8}$/),
);
const hostileText = fc
  .array(hostilePiece, { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(''));

const PARAGRAPH_TAIL =
  'and this sentence is long enough to count as the running text of a meeting summary.';
const runs = (n: number) => ({ numRuns: n, interruptAfterTimeLimit: 8_000 });

/** Writes `files` (name → text) into a fresh folder `folder` inside a temp dir, and splits it as the command does. */
async function splitFolder(
  folder: string,
  files: Record<string, string>,
): Promise<{ result?: SplitResult; error?: string }> {
  const root = await mkdtemp(join(tmpdir(), 'readout-fuzz-'));
  const dir = join(root, folder);
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return { result: await splitSources(await findSources(dir), readRegularFile) };
  } catch (error) {
    if (error instanceof SourceError) return { error: formatSourceError(error) };
    throw error;
  }
}

function summary(title: string, paragraphs: string[]): string {
  return [
    title,
    '',
    ...paragraphs.map((p) => `${p} ${PARAGRAPH_TAIL}`).flatMap((p) => [p, '']),
  ].join('\n');
}

/** Successful splits per test, so a property that only ever saw errors fails instead of passing vacuously. */
const successes = { count: 0 };

/** A failure is one line naming a file; a success wrote pages that read back as exactly the model. */
function expectSafeOutcome({
  result,
  error,
}: {
  result?: SplitResult;
  error?: string;
}): SplitResult | undefined {
  if (error !== undefined) {
    expect(error).toMatch(/^error: [^\n]+ — [^\n]+$/);
    expect(error).not.toMatch(/\p{Cc}/u);
    return undefined;
  }
  for (const meeting of result!.model.meetings) {
    for (const [path, expected] of expectedPages(meeting)) {
      expect(readGeneratedPage(result!.files.get(path)!)).toEqual(expected);
    }
  }
  successes.count++;
  return result;
}

/** Safe file-system names: no slash, no NUL, not empty, not a dot file (which findSources skips). */
const fileStem = hostileText
  .map((text) => text.replace(/[/\0]/g, '_').slice(0, 60))
  .filter((s) => s.trim() !== '' && !s.startsWith('.') && s !== '..');

describe('hostile names, frontmatter and text', () => {
  beforeEach(() => {
    successes.count = 0;
  });
  afterEach(() => {
    expect(successes.count).toBeGreaterThan(10);
  });

  it('splits a source under any file name and folder name into pages holding no byte of either outside a literal', async () => {
    await fc.assert(
      fc.asyncProperty(fileStem, fileStem, async (stem, folder) => {
        const outcome = await splitFolder(folder, {
          [`${stem}.txt`]: summary('Forum on Tests', ['The chair opened the forum']),
        });
        const result = expectSafeOutcome(outcome);
        if (/\p{Cc}/u.test(stem + folder))
          expect(outcome.error).toMatch(/holds a control character/);
        if (result) expect(result.parsed[0]!.meeting.source.endsWith(`${stem}.txt`)).toBe(true);
      }),
      runs(40),
    );
  }, 30_000);

  it('takes any frontmatter value either as exactly that value or as a one-line error', async () => {
    const field = fc.constantFrom('title', 'venue', 'organizer', 'theme', 'documentType');
    await fc.assert(
      fc.asyncProperty(field, hostileText, fc.boolean(), async (name, value, quoted) => {
        const line = `${name}: ${quoted ? JSON.stringify(value) : value}`;
        const outcome = await splitFolder('sources', {
          'forum.txt': `---\n${line}\n---\n${summary('Forum on Tests', ['The chair opened the forum'])}`,
        });
        const result = expectSafeOutcome(outcome);
        if (result && quoted) expect(result.parsed[0]!.meeting[name]).toBe(value);
      }),
      runs(60),
    );
  }, 30_000);

  it('loses no word of the body text on success, whatever characters it holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          hostileText.map((t) => t.replace(/[\n\r\f\v\u2028\u2029]/g, ' ')),
          { minLength: 1, maxLength: 4 },
        ),
        async (paragraphs) => {
          const outcome = await splitFolder('sources', {
            'forum.txt': summary('Forum on Tests', paragraphs),
          });
          const result = expectSafeOutcome(outcome);
          if (!result) return;
          const everything = JSON.stringify(result.model);
          // A paragraph opening with one to six # and a space is a Markdown heading: its marks are markup.
          const text = paragraphs
            .map((p) => p.replace(/^[\s\p{Cc}\ufeff]*#{1,6}(?=[\s\p{Cc}]|$)/u, ''))
            .join(' ');
          const words = text
            .replace(/[\p{Cc}\ufeff]/gu, ' ')
            .split(/\s+/)
            .filter(Boolean);
          for (const word of words) expect(everything).toContain(JSON.stringify(word).slice(1, -1));
        },
      ),
      runs(60),
    );
  }, 30_000);
});
