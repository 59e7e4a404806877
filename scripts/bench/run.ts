/**
 * `npm run bench [-- --sizes 1,10,100,250 --runs 3 --starlight-max 250]`: builds corpora of N
 * meetings with Readout and with Astro Starlight, in turn, cold, several times, and prints
 * medians and pair-by-pair ratios. Writes bench/RESULTS.md and bench/build-time.svg.
 */
import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCommandLine } from '../lib/cli.ts';
import { buildTimeChart } from './chart.ts';
import { perturbSummary } from './corpus.ts';
import { firstSearchBytes } from './first-search.ts';
import { folderBytes, listFiles, weighPages } from './measure.ts';
import { writeStarlightProject } from './starlight.ts';

const WORK = '.bench';
const SOURCE = 'content/sources/idm-2018.txt';
const QUERY = 'trafficking';

interface BuildFigures {
  wallS: number;
  splitMs?: number;
  astroS?: number;
  maxRssMiB?: number;
}

interface SiteFigures {
  pages: number;
  distMiB: number;
  indexMiB: number;
  heaviestKiB: number;
  heaviestPath: string;
  searchKiB: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kib = (bytes: number) => bytes / 1024;
const mib = (bytes: number) => bytes / 1024 / 1024;

/** Runs a command, resolving with its wall time in seconds; a failure rejects with its output. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`${command} ${args.join(' ')} failed:\n${output.slice(-2000)}`))));
  });
}

async function makeCorpus(size: number): Promise<{ dir: string; megabytes: number }> {
  const dir = join(WORK, `${size}`, 'sources');
  const text = await readFile(SOURCE, 'utf8');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < size; i++) {
    const variant = perturbSummary(text, i);
    bytes += Buffer.byteLength(variant);
    await writeFile(join(dir, `meeting-${String(i + 1).padStart(3, '0')}.txt`), variant);
  }
  return { dir, megabytes: bytes / 1e6 };
}

function readoutPaths(size: number) {
  const root = join(WORK, `${size}`);
  return { generated: join(root, 'generated'), dist: join(root, 'dist'), stats: join(root, 'stats.json') };
}

/** A cold Readout build: no split manifest, no Astro content cache. */
async function buildReadout(size: number, sources: string, cold = true): Promise<BuildFigures> {
  const paths = readoutPaths(size);
  if (cold) await Promise.all([rm(paths.generated, { recursive: true, force: true }), rm('node_modules/.astro', { recursive: true, force: true })]);
  const wallS = await run(process.execPath, ['scripts/build.ts', '--source', sources], { READOUT_GENERATED: paths.generated, OUT_DIR: paths.dist, READOUT_STATS_FILE: paths.stats });
  const stats = JSON.parse(await readFile(paths.stats, 'utf8')) as { splitMs: number; astroMs: number; maxRssKiB: number };
  return { wallS, splitMs: stats.splitMs, astroS: stats.astroMs / 1000, maxRssMiB: stats.maxRssKiB / 1024 };
}

async function buildStarlight(size: number): Promise<{ figures: BuildFigures; dist: string }> {
  const project = join(WORK, `starlight-${size}`);
  await writeStarlightProject(readoutPaths(size).generated, project);
  const wallS = await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--root', project, '--silent']);
  return { figures: { wallS }, dist: join(project, 'dist') };
}

async function measureSite(dist: string): Promise<SiteFigures> {
  const weights = (await weighPages(dist, '/')).filter((w) => !/(^|\/)404/.test(w.path));
  const heaviest = weights.reduce((a, b) => (b.totalBytes > a.totalBytes ? b : a));
  return {
    pages: (await listFiles(dist)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).length,
    distMiB: mib(await folderBytes(dist)),
    indexMiB: mib(await folderBytes(join(dist, 'pagefind'))),
    heaviestKiB: kib(heaviest.totalBytes),
    heaviestPath: heaviest.path,
    searchKiB: kib(await firstSearchBytes(dist, 'pagefind', QUERY)),
  };
}

interface SizeResult {
  size: number;
  megabytes: number;
  readout: BuildFigures[];
  starlight: BuildFigures[];
  readoutSite: SiteFigures;
  starlightSite?: SiteFigures;
  incremental?: { unchangedS: number; oneChangedS: number };
}

async function benchSize(size: number, runs: number, withStarlight: boolean): Promise<SizeResult> {
  const { dir, megabytes } = await makeCorpus(size);
  const result: SizeResult = { size, megabytes, readout: [], starlight: [], readoutSite: undefined as never };
  for (let i = 0; i < runs; i++) {
    result.readout.push(await buildReadout(size, dir));
    if (withStarlight) result.starlight.push((await buildStarlight(size)).figures);
    console.error(`  N=${size} run ${i + 1}/${runs}: Readout ${result.readout.at(-1)!.wallS.toFixed(1)} s${withStarlight ? `, Starlight ${result.starlight.at(-1)!.wallS.toFixed(1)} s` : ''}`);
  }
  result.readoutSite = await measureSite(readoutPaths(size).dist);
  if (withStarlight) result.starlightSite = await measureSite(join(WORK, `starlight-${size}`, 'dist'));
  if (size >= 10 && size <= 100) {
    const unchangedS = (await buildReadout(size, dir, false)).wallS;
    const first = join(dir, 'meeting-001.txt');
    await writeFile(first, (await readFile(first, 'utf8')).replace(/\.\n/, '. Edited.\n'));
    const oneChangedS = (await buildReadout(size, dir, false)).wallS;
    result.incremental = { unchangedS, oneChangedS };
  }
  return result;
}

function table(results: SizeResult[]): string {
  const rows = results.map((r) => {
    const wall = median(r.readout.map((b) => b.wallS));
    const split = median(r.readout.map((b) => b.splitMs!));
    const astro = median(r.readout.map((b) => b.astroS!));
    const pages = r.readoutSite.pages;
    const ratio = r.starlight.length ? median(r.readout.map((b, i) => b.wallS / r.starlight[i]!.wallS)) : undefined;
    const perPageRatio = r.starlightSite && ratio !== undefined ? ratio * (r.starlightSite.pages / pages) : undefined;
    const weightRatio = r.starlightSite ? r.readoutSite.heaviestKiB / r.starlightSite.heaviestKiB : undefined;
    return [
      r.size, pages, (r.megabytes / (split / 1000)).toFixed(1), (split / 1000).toFixed(2), astro.toFixed(1), wall.toFixed(1), ((wall / pages) * 1000).toFixed(1),
      median(r.readout.map((b) => b.maxRssMiB!)).toFixed(0), r.readoutSite.distMiB.toFixed(1), r.readoutSite.indexMiB.toFixed(2), r.readoutSite.searchKiB.toFixed(1), r.readoutSite.heaviestKiB.toFixed(1),
      r.starlight.length ? median(r.starlight.map((b) => b.wallS)).toFixed(1) : '—', r.starlightSite ? r.starlightSite.heaviestKiB.toFixed(1) : '—',
      perPageRatio?.toFixed(2) ?? '—', weightRatio?.toFixed(2) ?? '—',
      r.incremental ? `${r.incremental.unchangedS.toFixed(1)} / ${r.incremental.oneChangedS.toFixed(1)}` : '—',
    ].join(' | ');
  });
  const header = 'meetings | pages | split MB/s | split s | Astro+Pagefind s | total s | ms/page | peak MiB | dist MiB | index MiB | first search KiB | heaviest page KiB | Starlight total s | Starlight heaviest KiB | time/page ratio R/S | weight ratio R/S | rebuild unchanged / one changed s';
  return [`| ${header} |`, `|${header.split('|').map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r} |`)].join('\n');
}

const { options } = parseCommandLine(process.argv.slice(2), ['sizes', 'runs', 'large-runs', 'starlight-max']);
const sizes = String(options.get('sizes') ?? '1,10,100,250').split(',').map(Number);
const runs = Number(options.get('runs') ?? 3);
/** Runs for corpora above 100 meetings, whose Starlight builds take minutes each. */
const largeRuns = Number(options.get('large-runs') ?? runs);
const starlightMax = Number(options.get('starlight-max') ?? 250);
const results: SizeResult[] = [];
for (const size of sizes) {
  console.error(`Benchmarking ${size} meeting(s)…`);
  results.push(await benchSize(size, size > 100 ? largeRuns : runs, size <= starlightMax));
}
const report = table(results);
console.log(report);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const chart = buildTimeChart(
  [
    { label: 'Readout', colour: '#1d4ed8', marker: 'circle', points: results.map((r) => [r.readoutSite.pages, median(r.readout.map((b) => b.wallS))]) },
    { label: 'Starlight', colour: '#b45309', marker: 'square', points: results.filter((r) => r.starlight.length).map((r) => [r.starlightSite!.pages, median(r.starlight.map((b) => b.wallS))]) },
  ],
  'Build time against pages built, Readout and Starlight',
);
await mkdir('bench', { recursive: true });
await writeFile('bench/build-time.svg', chart);
await writeFile(
  'bench/RESULTS.md',
  `# Benchmark results\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${runs} cold run(s) per size up to 100 meetings and ${largeRuns} above, Readout and Starlight built in turn; medians, and ratios taken pair by pair. Produced by \`npm run bench\`.\n\n${report}\n\n![Build time against pages](build-time.svg)\n\n- *first search KiB*: bytes a browser transfers for Pagefind's script, WebAssembly, index chunks and the first five results of “${QUERY}”.\n- *heaviest page KiB*: gzipped HTML plus the CSS and JavaScript it loads before any interaction.\n- *peak MiB*: the build process's peak resident memory (Pagefind's indexer runs as its own process and is not included).\n- *time/page ratio R/S*: Readout's build time per page over Starlight's, for the same content (Readout builds more pages from it: indexes, a page per speaker).\n- *rebuild*: a second build with no source changed (nothing is split again), then with one source changed (only that meeting is split again); Astro renders every page again either way, so rendering dominates both.\n`,
);
