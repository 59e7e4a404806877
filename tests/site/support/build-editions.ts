/**
 * Builds successive editions of one source, as a publisher correcting a text would: the same
 * source file, generated pages and links lockfile, rebuilt after each change, each edition's
 * site into a folder of its own. Without SITE_URL unless `env` sets it.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { shellEnvironment } from './global-setup.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

/** What one build printed and where its site is. */
export interface EditionBuild {
  siteDir: string;
  /** Standard output and error together. */
  output: string;
  /** The process's exit code (0 for a successful build). */
  code: number;
}

/** A working copy of a source, and how to build it. */
export interface Editions {
  /** The working copy of the source: tests edit it between builds. */
  source: string;
  /** Builds the current source as of `date` into `name`; `args` are extra build arguments. */
  build(name: string, date: string, args?: string[]): Promise<EditionBuild>;
  remove(): Promise<void>;
}

/** Copies `source` (path from the repository root) into a fresh working folder named `name`. */
export async function startEditions(
  name: string,
  source: string,
  env: Record<string, string> = {},
): Promise<Editions> {
  const workDir = resolve(ROOT, '.cache', name, `${process.pid}`);
  const sourceDir = join(workDir, 'sources');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(sourceDir, { recursive: true });
  const copy = join(sourceDir, basename(source));
  await copyFile(join(ROOT, source), copy);
  const { SITE_URL: _unset, ...shell } = shellEnvironment();
  return {
    source: copy,
    async build(siteName, date, args = []) {
      const siteDir = join(workDir, siteName);
      const buildEnv = {
        ...shell,
        READOUT_GENERATED: join(workDir, 'generated'),
        READOUT_CACHE_DIR: join(workDir, 'astro-cache'),
        OUT_DIR: siteDir,
        BASE_PATH: '/',
        READOUT_TODAY: date,
        ...env,
      };
      try {
        const { stdout, stderr } = await run(
          process.execPath,
          ['scripts/build.ts', '--source', sourceDir, ...args],
          { cwd: ROOT, env: buildEnv, maxBuffer: 1 << 24 },
        );
        return { siteDir, output: `${stdout}${stderr}`, code: 0 };
      } catch (error) {
        const {
          stdout = '',
          stderr = '',
          code = 1,
        } = error as { stdout?: string; stderr?: string; code?: number };
        return { siteDir, output: `${stdout}${stderr}`, code };
      }
    },
    remove: () => rm(workDir, { recursive: true, force: true }),
  };
}
