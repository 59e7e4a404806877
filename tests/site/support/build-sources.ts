/** Builds a site of other sources than the bundled one, in a folder of its own, for a test file. */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { shellEnvironment } from './global-setup.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

/** A built site and how to remove it. */
export interface SourcesBuild {
  siteDir: string;
  remove(): Promise<void>;
}

/**
 * Copies `sources` (paths from the repository root) into a fresh folder and builds them there,
 * with SITE_URL set as a publisher would unless `env` says otherwise (`SITE_URL: ''` for none).
 */
export async function buildSources(
  name: string,
  sources: string[],
  env: Record<string, string> = {},
): Promise<SourcesBuild> {
  const workDir = resolve(ROOT, '.cache', name, `${process.pid}`);
  const sourceDir = join(workDir, 'sources');
  const siteDir = join(workDir, 'site');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(sourceDir, { recursive: true });
  await Promise.all(
    sources.map((source) => copyFile(join(ROOT, source), join(sourceDir, basename(source)))),
  );
  await run(process.execPath, ['scripts/build.ts', '--source', sourceDir], {
    cwd: ROOT,
    env: {
      ...shellEnvironment(),
      READOUT_GENERATED: join(workDir, 'generated'),
      READOUT_CACHE_DIR: join(workDir, 'astro-cache'),
      OUT_DIR: siteDir,
      BASE_PATH: '/',
      SITE_URL: 'https://readout.example.org',
      ...env,
    },
    maxBuffer: 1 << 24,
  });
  return { siteDir, remove: () => rm(workDir, { recursive: true, force: true }) };
}
