/**
 * `npm run bench [-- --sizes 1,100,500,1000 --runs 1 --corpus <folder> --shard-size 100 --starlight-max 100]`:
 * builds generated archives of N meetings cold, then again with nothing changed and with one
 * meeting changed, and prints per size: build time, time per page and per meeting, peak memory
 * of every process (Pagefind's indexer included), the heaviest page and the first search's
 * bytes. Archives of more than `--shard-size` meetings are built in shards with the one-command
 * local path (`npm run build -- --shards n`): one process per shard that has something to
 * render, one after another, then the assemble (the commands a CI matrix runs). With `--corpus`, the meetings rotate the
 * summaries of that folder (`*.txt`) with the bundled one, so the vocabulary grows as a real
 * archive's does. Astro Starlight builds the same content up to `--starlight-max` meetings.
 * Writes bench/RESULTS.md and bench/build-time.svg.
 */
import { cpus, totalmem } from 'node:os';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCommandLine } from '../lib/cli.ts';
import { PAGEFIND_BUNDLE_DIR } from '../../src/constants.ts';
import { buildTimeChart } from './chart.ts';
import { perturbSummary } from './corpus.ts';
import { firstSearchBytes, searchPageBundleBytes } from './first-search.ts';
import { folderBytes, listFiles, weighPages } from './measure.ts';
import { runMeasured } from './process-memory.ts';
import { writeStarlightProject } from './starlight.ts';

const WORK = '.bench';
const SOURCE = 'content/sources/idm-2018.txt';
const QUERY = 'trafficking';

interface BuildFigures {
  wallS: number;
  /** Peak of all processes at once (shards run one after another, so the largest of them). */
  peakMiB: number;
  /** Peak of the assemble step (joining and Pagefind's indexer), when sharded. */
  assemblePeakMiB?: number;
  /** Seconds of the assemble step, when sharded. */
  assembleS?: number;
}

interface SiteFigures {
  pages: number;
  distMiB: number;
  indexMiB: number;
  heaviestKiB: number;
  heaviestPath: string;
  /** The heaviest page other than a meeting's full text (its parts hold the same budget, but grow with that meeting, not the archive). */
  heaviestListKiB: number;
  heaviestListPath: string;
  searchKiB: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kib = (bytes: number) => bytes / 1024;
const mib = (bytes: number) => bytes / 1024 / 1024;

async function loadDocuments(corpus: string | undefined): Promise<string[]> {
  const documents = [await readFile(SOURCE, 'utf8')];
  if (!corpus) return documents;
  const names = (await readdir(corpus)).filter((name) => name.endsWith('.txt')).sort();
  for (const name of names) documents.push(await readFile(join(corpus, name), 'utf8'));
  return documents;
}

async function makeCorpus(size: number, documents: readonly string[]): Promise<{ dir: string; megabytes: number }> {
  const dir = join(WORK, `${size}`, 'sources');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < size; i++) {
    const variant = perturbSummary(documents[i % documents.length]!, i);
    bytes += Buffer.byteLength(variant);
    await writeFile(join(dir, `meeting-${String(i + 1).padStart(4, '0')}.txt`), variant);
  }
  return { dir, megabytes: bytes / 1e6 };
}

function readoutPaths(size: number) {
  const root = join(WORK, `${size}`);
  return { root, generated: join(root, 'generated'), dist: join(root, 'dist'), shards: join(root, 'shards'), cache: join(root, 'astro-cache') };
}

/**
 * One Readout build of the corpus: whole, or `shards` shard processes then assemble. Cold
 * removes the generated pages, Astro's caches and the built site first.
 */
async function buildReadout(size: number, sources: string, shards: number, cold: boolean): Promise<BuildFigures> {
  const paths = readoutPaths(size);
  if (cold) await Promise.all([paths.generated, paths.dist, paths.shards, paths.cache].map((dir) => rm(dir, { recursive: true, force: true })));
  const env = { READOUT_GENERATED: paths.generated, SITE_URL: '', BASE_PATH: '' };
  const node = process.execPath;
  if (shards <= 1) {
    const whole = await runMeasured(node, ['scripts/build.ts', '--source', sources], { ...env, OUT_DIR: paths.dist, READOUT_CACHE_DIR: paths.cache });
    return { wallS: whole.wallS, peakMiB: whole.peakMiB };
  }
  // The one-command local path (`--shards n`): it starts a shard's process only when that
  // shard has something to render, then the assemble's; the assemble's own peak is the part of
  // the process tree under the `--assemble` process.
  const run = await runMeasured(node, ['scripts/build.ts', '--source', sources, '--shards', `${shards}`, '--out', paths.shards], { ...env, OUT_DIR: paths.dist, READOUT_CACHE_DIR: paths.cache }, /--assemble/);
  for (const line of run.output.split('\n')) if (/^(?:Shard \d|Built the site into|Assembled|Nothing changed since the last assemble)/.test(line)) console.error(`    ${line}`);
  const assembleS = Number(/^Assembled .* in ([\d.]+) s$/m.exec(run.output)?.[1] ?? 0);
  return { wallS: run.wallS, peakMiB: run.peakMiB, assemblePeakMiB: run.focusPeakMiB, assembleS };
}

async function buildStarlight(size: number): Promise<{ figures: BuildFigures; dist: string }> {
  const project = join(WORK, `starlight-${size}`);
  await writeStarlightProject(readoutPaths(size).generated, project);
  const run = await runMeasured(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--root', project, '--silent']);
  return { figures: { wallS: run.wallS, peakMiB: run.peakMiB }, dist: join(project, 'dist') };
}

async function measureSite(dist: string, isReadout: boolean): Promise<SiteFigures> {
  const weights = (await weighPages(dist, '/')).filter((w) => !/(^|\/)404/.test(w.path));
  const heaviestOf = (list: typeof weights) => list.reduce((a, b) => (b.totalBytes > a.totalBytes ? b : a));
  const heaviest = heaviestOf(weights);
  const heaviestList = heaviestOf(weights.filter((w) => !/\/full\/(?:\d+\/)?index\.html$/.test(w.path)));
  return {
    pages: (await listFiles(dist)).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/')).length,
    distMiB: mib(await folderBytes(dist)),
    indexMiB: mib(await folderBytes(join(dist, PAGEFIND_BUNDLE_DIR))),
    heaviestKiB: kib(heaviest.totalBytes),
    heaviestPath: heaviest.path,
    heaviestListKiB: kib(heaviestList.totalBytes),
    heaviestListPath: heaviestList.path,
    // Readout's own search page, as a reader gets it; Starlight's engine through Pagefind's API.
    searchKiB: kib(isReadout ? await searchPageBundleBytes(dist, PAGEFIND_BUNDLE_DIR, QUERY) : await firstSearchBytes(dist, PAGEFIND_BUNDLE_DIR, QUERY)),
  };
}

interface SizeResult {
  size: number;
  shards: number;
  megabytes: number;
  readout: BuildFigures[];
  starlight: BuildFigures[];
  readoutSite: SiteFigures;
  starlightSite?: SiteFigures;
  unchanged: BuildFigures;
  oneChanged?: BuildFigures;
  /** Another meeting changed after that (a publisher's next correction). */
  nextChanged?: BuildFigures;
}

async function benchSize(size: number, runs: number, shardSize: number, documents: readonly string[], withStarlight: boolean): Promise<SizeResult> {
  const { dir, megabytes } = await makeCorpus(size, documents);
  const shards = Math.ceil(size / shardSize);
  const readout: BuildFigures[] = [];
  const starlight: BuildFigures[] = [];
  let starlightSite: SiteFigures | undefined;
  for (let i = 0; i < runs; i++) {
    readout.push(await buildReadout(size, dir, shards, true));
    if (withStarlight) {
      const built = await buildStarlight(size);
      starlight.push(built.figures);
      if (i === runs - 1) starlightSite = await measureSite(built.dist, false);
    }
    console.error(`  N=${size} run ${i + 1}/${runs}: Readout ${readout.at(-1)!.wallS.toFixed(1)} s, ${readout.at(-1)!.peakMiB.toFixed(0)} MiB${withStarlight ? `, Starlight ${starlight.at(-1)!.wallS.toFixed(1)} s` : ''}`);
  }
  const readoutSite = await measureSite(readoutPaths(size).dist, true);
  const unchanged = await buildReadout(size, dir, shards, false);
  let oneChanged: BuildFigures | undefined;
  let nextChanged: BuildFigures | undefined;
  if (size <= oneChangedMax) {
    // A publisher correcting one meeting after another: the first rebuild after a cold build
    // has no spare tree to start from yet (swap.ts, spareOf); the next one has.
    const edit = async (name: string) => {
      const file = join(dir, name);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/\.\n/, '. Edited.\n'));
      return buildReadout(size, dir, shards, false);
    };
    oneChanged = await edit('meeting-0001.txt');
    if (size > 1) nextChanged = await edit('meeting-0002.txt');
  }
  console.error(`  N=${size} rebuild: nothing changed ${unchanged.wallS.toFixed(1)} s, one changed ${oneChanged?.wallS.toFixed(1) ?? '—'} s, then another ${nextChanged?.wallS.toFixed(1) ?? '—'} s`);
  return { size, shards, megabytes, readout, starlight, readoutSite, unchanged, ...(oneChanged ? { oneChanged } : {}), ...(nextChanged ? { nextChanged } : {}), ...(starlightSite ? { starlightSite } : {}) };
}

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)} %`;

function table(results: SizeResult[]): string {
  const rows = results.map((r) => {
    const wall = median(r.readout.map((b) => b.wallS));
    const pages = r.readoutSite.pages;
    const assemble = r.readout.filter((b) => b.assemblePeakMiB !== undefined);
    const ratio = r.starlight.length && r.starlightSite ? median(r.readout.map((b, i) => b.wallS / r.starlight[i]!.wallS)) * (r.starlightSite.pages / pages) : undefined;
    return [
      r.size,
      pages,
      r.shards > 1 ? `${r.shards} shards` : 'whole',
      wall.toFixed(1),
      (wall / r.size).toFixed(2),
      ((wall / pages) * 1000).toFixed(1),
      median(r.readout.map((b) => b.peakMiB)).toFixed(0),
      assemble.length ? `${median(assemble.map((b) => b.assemblePeakMiB!)).toFixed(0)} / ${median(assemble.map((b) => b.assembleS!)).toFixed(1)} s` : '—',
      r.readoutSite.distMiB.toFixed(1),
      r.readoutSite.indexMiB.toFixed(2),
      `${r.readoutSite.heaviestKiB.toFixed(1)} (${r.readoutSite.heaviestPath.replace(/index\.html$/, '') || '/'})`,
      `${r.readoutSite.heaviestListKiB.toFixed(1)} (${r.readoutSite.heaviestListPath.replace(/index\.html$/, '') || '/'})`,
      r.readoutSite.searchKiB.toFixed(1),
      r.unchanged.wallS.toFixed(1),
      r.oneChanged ? `${r.oneChanged.wallS.toFixed(1)} (${percent(r.oneChanged.wallS, wall)})` : '—',
      r.nextChanged ? `${r.nextChanged.wallS.toFixed(1)} (${percent(r.nextChanged.wallS, wall)})` : '—',
      r.starlight.length ? median(r.starlight.map((b) => b.wallS)).toFixed(1) : '—',
      ratio?.toFixed(2) ?? '—',
    ].join(' | ');
  });
  const header =
    'meetings | pages | built | cold s | s/meeting | ms/page | peak MiB, all processes | assemble + Pagefind peak MiB / s | dist MiB | index MiB | heaviest page KiB (page) | heaviest but a full text KiB (page) | first search KiB | rebuild, nothing changed s | rebuild, one changed s (% of cold) | then another changed s (% of cold) | Starlight s | time/page R/S';
  return [`| ${header} |`, `|${header.split('|').map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r} |`)].join('\n');
}

const { options } = parseCommandLine(process.argv.slice(2), ['sizes', 'runs', 'large-runs', 'starlight-max', 'corpus', 'shard-size', 'one-changed-max']);
const sizes = String(options.get('sizes') ?? '1,100,500,1000').split(',').map(Number);
const runs = Number(options.get('runs') ?? 1);
/** Runs for corpora above 100 meetings, whose builds take minutes each. */
const largeRuns = Number(options.get('large-runs') ?? runs);
const starlightMax = Number(options.get('starlight-max') ?? 100);
/** Meetings per shard: archives larger than this are built in shards, then assembled. */
const shardSize = Number(options.get('shard-size') ?? 100);
/** Largest archive rebuilt with one meeting changed (that rebuild renders as much as a cold one today). */
const oneChangedMax = Number(options.get('one-changed-max') ?? 500);
const corpus = options.get('corpus');
const documents = await loadDocuments(typeof corpus === 'string' ? corpus : undefined);
const results: SizeResult[] = [];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const corpusNote = documents.length > 1 ? `meetings rotate the bundled summary and ${documents.length - 1} summaries of a corpus folder (\`--corpus\`), each with perturbed names and figures and a recurring cast of speakers` : 'meetings are variants of the bundled summary with perturbed names and figures and a recurring cast of speakers';
for (const size of sizes) {
  console.error(`Benchmarking ${size} meeting(s)…`);
  results.push(await benchSize(size, size > 100 ? largeRuns : runs, shardSize, documents, size <= starlightMax));
  // Written after every size: a long run stopped part-way keeps what it measured.
  await writeResults();
}
console.log(table(results));

async function writeResults(): Promise<void> {
  const report = table(results);
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
    `# Benchmark results\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}; ${runs} cold run(s) per size up to 100 meetings and ${largeRuns} above; ${corpusNote}. Archives of more than ${shardSize} meetings are built in shards of about ${shardSize} meetings with \`npm run build -- --shards n\`: one process per shard with something to render, one after another, then the assemble. Produced by \`npm run bench -- --sizes ${sizes.join(',')}${documents.length > 1 ? ' --corpus <folder>' : ''}\`.\n\n${report}\n\n![Build time against pages](build-time.svg)\n\n- *peak MiB, all processes*: the highest sum of the resident memory of the build and every process it starts (Pagefind's indexer included), sampled every 200 ms; shards run one after another, so this is the largest shard's or the assemble's.\n- *assemble + Pagefind*: joining the shards and indexing the joined site (Pagefind's Node API), its peak memory and time.\n- *first search KiB*: bytes of the search bundle a browser transfers when Readout's search page opens with “${QUERY}” (\`search/?q=${QUERY}\`, 1280 px wide), until its results are shown and the network is idle: Pagefind's worker and WebAssembly, the page list, index and vocabulary chunks, the shown results' pages (Starlight: Pagefind's API straight, the first five results).\n- *heaviest page KiB*: gzipped HTML plus the CSS and JavaScript it loads before any interaction (404 aside); a long meeting's full text is cut into parts (\`/full/\`, \`/full/2/\`…) that each keep the 25 KiB budget, and the next column leaves them out, to show the heaviest of the other pages.\n- *rebuild*: the same build again with no source changed, then with one source changed (up to ${oneChangedMax} meetings), then with another: the first rebuild after a cold build has no spare of the generated tree and of the site to bring up to date yet, the next one has.\n- *time/page R/S*: Readout's build time per page over Starlight's, for the same content (Readout builds more pages from it: indexes, a page per speaker).\n`,
  );
}
