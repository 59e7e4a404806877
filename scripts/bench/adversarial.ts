/**
 * `npm run bench:adversarial`: splits adversarial summaries of 1 MB and 4 MB — one long line of
 * capitalized words, thousands of "A " and of acronyms, thousands of "(1) … (2) …", thousands of
 * paragraphs cut by page breaks, thousands of distinct organization names — and prints how long
 * each split takes. Every step of the split
 * must be linear: the 4 MB file may take at most about four times the 1 MB one.
 * Each split runs in a child process with a time limit, so a quadratic step reports "> limit".
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from './corpus.ts';

const MB = 1 << 20;
/** Sizes in MB (READOUT_BENCH_MB=0.05,0.2 for a quick look). */
const SIZES = (process.env['READOUT_BENCH_MB'] ?? '1,4').split(',').map(Number);
const LIMIT_MS = Number(process.env['READOUT_BENCH_LIMIT_MS'] ?? 120_000);
const HEADER = 'Example Organization\n\n**Adversarial Meeting 2024**\n\n12 March 2024, Geneva\n\nSummary of conclusions\n\n';

/** Capitalized made-up words, so every word starts a candidate name. */
function capitalWord(random: () => number): string {
  const syllables = ['ka', 'lo', 'mi', 'ra', 'ne', 'to', 'sa', 'vi'];
  return `${'KLMRNTSV'[Math.floor(random() * 8)]}${syllables[Math.floor(random() * 8)]}${syllables[Math.floor(random() * 8)]}`;
}

/** One body of `bytes` characters, made by repeating `piece` on one line (a paragraph of running text). */
function longLine(bytes: number, piece: (i: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const part = piece(i);
    parts.push(part);
    length += part.length;
  }
  return `${parts.join('')}.\n`;
}

/** The adversarial shapes, each a whole source of about `bytes` characters. */
const SHAPES: Record<string, (bytes: number) => string> = {
  'capitalized words on one line': (bytes) => {
    const random = seededRandom(1);
    return HEADER + longLine(bytes, () => `${capitalWord(random)} `);
  },
  '"A " repeated': (bytes) => HEADER + longLine(bytes, () => 'A '),
  'acronyms and "(ABC)" definitions': (bytes) => {
    const random = seededRandom(2);
    return HEADER + longLine(bytes, (i) => (i % 7 === 6 ? `(${capitalWord(random).toUpperCase()}) ` : `${capitalWord(random).toUpperCase()} `));
  },
  '"(1) … (2) …" enumerations': (bytes) => HEADER + longLine(bytes, (i) => `(${(i % 99) + 1}) session ${i}; `),
  'paragraphs cut by thousands of page breaks': (bytes) => {
    const opening = 'The meeting opened with a long discussion of how the work would be organized over the coming year.\n\n';
    return HEADER + opening + longLine(bytes, () => 'and the sentence goes on without a stop\n\n');
  },
  'distinct organizations, one paragraph each': (bytes) => {
    const random = seededRandom(3);
    const paragraphs: string[] = [];
    for (let length = 0; length < bytes; ) {
      const name = `${capitalWord(random)} ${capitalWord(random)} Foundation`;
      const paragraph = `The ${name} and Dr ${capitalWord(random)} ${capitalWord(random)}, Director of the ${name}, said that the ${name} had grown.\n\n`;
      paragraphs.push(paragraph);
      length += paragraph.length;
    }
    return HEADER + paragraphs.join('');
  },
};

/** Wall and CPU time of one split. */
interface Timing {
  wall: number;
  cpu: number;
}

/** Splits `file` in a child process; its timing in ms, or undefined past the limit. */
function timeSplit(file: string): Promise<Timing | undefined> {
  const script = fileURLToPath(new URL('./split-one.ts', import.meta.url));
  return new Promise<Timing | undefined>((resolve, reject) => {
    execFile(process.execPath, [script, file], { timeout: LIMIT_MS, maxBuffer: 1 << 24 }, (error, stdout) => {
      if (error?.killed) resolve(undefined);
      else if (error) reject(new Error(`splitting ${file} failed`, { cause: error }));
      else {
        const [wall, cpu] = stdout.trim().split(' ').map(Number) as [number, number];
        resolve({ wall, cpu });
      }
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const format = (t: Timing | undefined) => (t === undefined ? `> ${(LIMIT_MS / 1000).toFixed(0)} s` : `${seconds(t.wall)} (cpu ${seconds(t.cpu)})`);

const dir = await mkdtemp(join(tmpdir(), 'readout-adversarial-'));
try {
  console.log(`${'shape'.padEnd(44)} ${`${SIZES[0]} MB: wall (cpu)`.padStart(24)} ${`${SIZES[1]} MB: wall (cpu)`.padStart(24)}  ratio (cpu)`);
  let worst: Timing = { wall: 0, cpu: 0 };
  for (const [name, make] of Object.entries(SHAPES)) {
    const times: (Timing | undefined)[] = [];
    for (const size of SIZES) {
      const file = join(dir, `adversarial-${size}.txt`);
      await writeFile(file, make(size * MB));
      times.push(await timeSplit(file));
    }
    const [one, four] = times;
    const ratio = one !== undefined && four !== undefined ? four.cpu / one.cpu : undefined;
    if (four !== undefined && four.wall > worst.wall) worst = four;
    console.log(`${name.padEnd(44)} ${format(one).padStart(24)} ${format(four).padStart(24)}  ${ratio === undefined ? '—' : `${ratio.toFixed(1)}×`}`);
  }
  console.log(`slowest ${SIZES[1]} MB split: ${format(worst)}`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
