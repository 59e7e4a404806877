/**
 * `npm run eval -- <folder>`: splits every source in a folder that has `<slug>.expected.json`
 * beside it — the `.md`, the `.txt`, and the `.txt` with its blank lines removed (one paragraph
 * per line, made in memory) — scores each against its key, prints the figures and writes them to
 * eval/RESULTS.md. Figures only: no source text goes into the results file.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseCommandLine, runCommand } from '../lib/cli.ts';
import { SourceError } from '../lib/errors.ts';
import { parseMeeting } from '../lib/parse.ts';
import { readSource } from '../lib/read-source.ts';
import { answerKeySchema, type AnswerKey } from './answer-key.ts';
import { keyParagraphs, scoreDocument, type DocumentScore } from './score.ts';

type Variant = 'md' | 'txt' | 'txt, no blank lines';
const VARIANTS: Variant[] = ['md', 'txt', 'txt, no blank lines'];

interface Row {
  slug: string;
  variant: Variant;
  score?: DocumentScore;
  refused?: string;
}

async function loadKey(path: string): Promise<AnswerKey> {
  const parsed = answerKeySchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new SourceError(
    path,
    `the answer key is invalid at ${issue.path.join('.')}: ${issue.message}`,
    'fix the key against the format in the folder README',
  );
}

async function readIfExists(path: string): Promise<Uint8Array | undefined> {
  return readFile(path).catch(() => undefined);
}

function variantText(
  variant: Variant,
  md: string | undefined,
  txt: string | undefined,
): string | undefined {
  if (variant === 'md') return md;
  if (variant === 'txt') return txt;
  return txt
    ?.split('\n')
    .filter((line) => !/^[ \t\r]*$/.test(line))
    .join('\n');
}

function splitOne(
  text: string,
  file: string,
  slug: string,
  key: AnswerKey,
  paragraphs: string[],
): Pick<Row, 'score' | 'refused'> {
  try {
    const { meeting } = parseMeeting(text, file, slug);
    return { score: scoreDocument(meeting, key, paragraphs) };
  } catch (error) {
    if (error instanceof Error) return { refused: error.message.split('\n')[0]! };
    throw error;
  }
}

const pct = (part: number, whole: number) =>
  whole === 0 ? '—' : `${Math.round((100 * part) / whole)} %`;
const yes = (right: boolean) => (right ? 'yes' : 'no');

function rowCells(row: Row): string[] {
  const s = row.score;
  if (!s) return [row.slug, row.variant, `refused: ${row.refused}`, '', '', '', '', '', '', ''];
  const sp = s.speakers;
  return [
    row.slug,
    row.variant,
    `${s.paragraphsLost} / ${s.paragraphs}`,
    `${s.sessionsFound} / ${s.sessionsExpected}`,
    `${s.sessionsSpurious} / ${s.sessionPages}`,
    `${s.conclusionsFound} / ${s.conclusionsExpected}`,
    `${s.conclusionsExtra} / ${s.conclusionPages}`,
    `${pct(sp.truePositives, sp.truePositives + sp.falsePositives.length)} / ${pct(sp.truePositives, sp.expected)}`,
    `${sp.affiliationRight} / ${sp.truePositives}`,
    `${yes(s.titleRight)} / ${yes(s.datesRight)} / ${yes(s.venueRight)}`,
  ];
}

const HEADER = [
  'document',
  'source',
  'paragraphs lost',
  'sessions found',
  'spurious session pages',
  'conclusions found',
  'conclusion pages not in key',
  'speakers precision / recall',
  'affiliation right',
  'title / dates / venue right',
];

function table(rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map(line)].join('\n');
}

function totals(rows: Row[], variant: Variant): string[] {
  const mine = rows.filter((r) => r.variant === variant);
  const scored = mine.flatMap((r) => (r.score ? [r.score] : []));
  const sum = (f: (s: DocumentScore) => number) => scored.reduce((n, s) => n + f(s), 0);
  const refused = mine.length - scored.length;
  return [
    `**all ${mine.length}**`,
    variant,
    `${sum((s) => s.paragraphsLost)} / ${sum((s) => s.paragraphs)}${refused ? ` (${refused} refused)` : ''}`,
    `${sum((s) => s.sessionsFound)} / ${sum((s) => s.sessionsExpected)} (${pct(
      sum((s) => s.sessionsFound),
      sum((s) => s.sessionsExpected),
    )})`,
    `${sum((s) => s.sessionsSpurious)} / ${sum((s) => s.sessionPages)} (${pct(
      sum((s) => s.sessionsSpurious),
      sum((s) => s.sessionPages),
    )})`,
    `${sum((s) => s.conclusionsFound)} / ${sum((s) => s.conclusionsExpected)} (${pct(
      sum((s) => s.conclusionsFound),
      sum((s) => s.conclusionsExpected),
    )})`,
    `${sum((s) => s.conclusionsExtra)} / ${sum((s) => s.conclusionPages)} (${pct(
      sum((s) => s.conclusionsExtra),
      sum((s) => s.conclusionPages),
    )})`,
    `${pct(
      sum((s) => s.speakers.truePositives),
      sum((s) => s.speakers.truePositives + s.speakers.falsePositives.length),
    )} / ${pct(
      sum((s) => s.speakers.truePositives),
      sum((s) => s.speakers.expected),
    )}`,
    `${sum((s) => s.speakers.affiliationRight)} / ${sum((s) => s.speakers.truePositives)} (${pct(
      sum((s) => s.speakers.affiliationRight),
      sum((s) => s.speakers.truePositives),
    )})`,
    `${scored.filter((s) => s.titleRight).length} / ${scored.filter((s) => s.datesRight).length} / ${scored.filter((s) => s.venueRight).length} of ${mine.length}`,
  ];
}

await runCommand(async () => {
  const { positional, options } = parseCommandLine(process.argv.slice(2), ['out']);
  const folder = positional[0];
  if (!folder)
    throw new SourceError(
      'eval',
      'no folder given',
      'run npm run eval -- <folder with *.expected.json>',
    );
  const names = await readdir(folder).catch(() => {
    throw new SourceError(
      folder,
      'cannot be read',
      'give a folder holding <slug>.expected.json with <slug>.md or <slug>.txt',
    );
  });
  const slugs = names
    .filter((n) => n.endsWith('.expected.json'))
    .map((n) => n.slice(0, -'.expected.json'.length))
    .sort();
  if (slugs.length === 0)
    throw new SourceError(
      folder,
      'holds no <slug>.expected.json',
      'put an answer key beside each source',
    );
  const rows: Row[] = [];
  const lostLines: string[] = [];
  for (const slug of slugs) {
    const key = await loadKey(join(folder, `${slug}.expected.json`));
    const mdBytes = await readIfExists(join(folder, `${slug}.md`));
    const txtBytes = await readIfExists(join(folder, `${slug}.txt`));
    const md = mdBytes && readSource(mdBytes, `${slug}.md`);
    const txt = txtBytes && readSource(txtBytes, `${slug}.txt`);
    const paragraphs = keyParagraphs(md ?? txt ?? '');
    if (md && paragraphs.length !== key.paragraphs)
      console.warn(
        `warning: ${slug}: the key counts ${key.paragraphs} paragraphs, the Markdown has ${paragraphs.length}`,
      );
    for (const variant of VARIANTS) {
      const text = variantText(variant, md, txt);
      if (text === undefined) continue;
      const file = `${slug}.${variant === 'md' ? 'md' : 'txt'}`;
      const row: Row = { slug, variant, ...splitOne(text, file, slug, key, paragraphs) };
      rows.push(row);
      if (row.score?.firstLost)
        lostLines.push(
          `${slug} (${variant}): ${row.score.paragraphsLost} lost, first: "${row.score.firstLost}…"`,
        );
    }
  }
  const perDocument = table(rows.map(rowCells));
  const overall = table(VARIANTS.map((v) => totals(rows, v)));
  console.log(`${perDocument}\n\n${overall}`);
  if (lostLines.length > 0) console.log(`\nlost paragraphs:\n${lostLines.join('\n')}`);
  const out =
    typeof options.get('out') === 'string' ? (options.get('out') as string) : 'eval/RESULTS.md';
  await mkdir(join(out, '..'), { recursive: true });
  await writeFile(
    out,
    [
      '# Evaluation results',
      '',
      `\`npm run eval -- <folder>\` on ${slugs.length} summaries with answer keys (folder \`${basename(folder)}\`), each split as`,
      'Markdown (`md`), as plain text (`txt`), and as plain text with its blank lines removed. Figures only.',
      'Sessions and conclusions are matched by title or first words; speakers by name or alias.',
      '',
      '## Overall',
      '',
      overall,
      '',
      '## Per document',
      '',
      perDocument,
      '',
    ].join('\n'),
  );
});
