/**
 * Runs once before the site and browser tests: builds the bundled summary at the root and, with
 * BASE_PATH=/idm/, under a sub-path, then serves both. Tests read the paths and URLs with
 * `inject()`. Each run builds in its own folder under .cache/site-tests/ (generated pages,
 * Astro's cache and both sites), so a `npm run build` or a second test run at the same time
 * cannot change the files under test.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../support/static-server.ts';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
/** The summary this repository ships with; the site tests describe its build. */
const BUNDLED_SOURCE = 'content/sources/idm-2018.txt';
/** The sub-path the second build is deployed under. */
export const SUB_PATH = '/idm/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the root build. */
    siteDir: string;
    /** URL of the served root build, ending in `/`. */
    siteUrl: string;
    /** Absolute path of the sub-path build. */
    subPathDir: string;
    /** URL of the served sub-path build, ending in `/idm/`. */
    subPathUrl: string;
  }
}

/**
 * The environment a developer's shell would give the build: Vitest adds Vite's own variables
 * (BASE_URL, MODE, NODE_ENV=test…), and Astro would take BASE_URL over the configured base path.
 */
export function shellEnvironment(): NodeJS.ProcessEnv {
  const vitestOwn = /^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|VITE_.*)$/;
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !vitestOwn.test(name)));
}

/** Builds the site with the given environment; a failed build fails the whole run with its output. */
async function buildSite(env: Record<string, string>): Promise<void> {
  try {
    await run(process.execPath, ['scripts/build.ts', '--source', BUNDLED_SOURCE, '--frozen'], {
      cwd: ROOT,
      env: { ...shellEnvironment(), ...env },
      maxBuffer: 1 << 24,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `The site build for the tests failed (${JSON.stringify(env)}):\n${stdout}\n${stderr}`,
    );
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = resolve(ROOT, '.cache/site-tests', `${process.pid}-${Date.now()}`);
  await mkdir(runDir, { recursive: true });
  const siteDir = join(runDir, 'site');
  const subPathDir = join(runDir, 'site-idm');
  // With SITE_URL, as a publisher deploys; tests/site/no-site-url.test.ts builds without it.
  const shared = {
    READOUT_GENERATED: join(runDir, 'generated'),
    READOUT_CACHE_DIR: join(runDir, 'astro-cache'),
    SITE_URL: 'https://readout.example.org',
  };
  // One after the other: both builds share the generated pages and Astro's cache.
  await buildSite({ ...shared, OUT_DIR: siteDir, BASE_PATH: '/' });
  await buildSite({ ...shared, OUT_DIR: subPathDir, BASE_PATH: SUB_PATH });
  const [site, subPath] = await Promise.all([
    serveStatic({ root: siteDir }),
    serveStatic({ root: subPathDir, base: SUB_PATH }),
  ]);
  project.provide('siteDir', siteDir);
  project.provide('siteUrl', site.url);
  project.provide('subPathDir', subPathDir);
  project.provide('subPathUrl', subPath.url);
  return async () => {
    await Promise.all([site.close(), subPath.close()]);
    await rm(runDir, { recursive: true, force: true });
  };
}
