/**
 * What a built site was built from, as one hash: the split manifest (every source's hash and
 * the splitter's), the code that renders pages (src/, public/, the Astro config, the locked
 * dependencies) and the settings that change pages. A rebuild whose fingerprint matches the
 * site's stamp has nothing to render; shards with different fingerprints cannot be joined.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The stamp a build leaves in its site folder (a declared build stamp: not a page). */
export const BUILD_STAMP = '.readout-build.json';

/** Settings that change the pages a build writes. */
const SETTINGS = ['SITE_URL', 'BASE_PATH'];

async function hashTree(hash: ReturnType<typeof createHash>, root: string): Promise<void> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files)
    hash
      .update(file)
      .update('\0')
      .update(await readFile(file))
      .update('\0');
}

/** Hash of the sources (by their split manifest), the rendering code and the settings. */
export async function inputsFingerprint(
  splitManifestText: string,
  env: Record<string, string | undefined>,
  projectRoot = '.',
): Promise<string> {
  const hash = createHash('sha256').update(splitManifestText).update('\0');
  for (const name of SETTINGS) hash.update(`${name}=${env[name] ?? ''}\0`);
  for (const dir of ['src', 'public']) await hashTree(hash, join(projectRoot, dir));
  for (const file of ['astro.config.mjs', 'package-lock.json'])
    hash.update(await readFile(join(projectRoot, file)).catch(() => Buffer.alloc(0)));
  return hash.digest('hex').slice(0, 32);
}

/** The stamp of one build: its inputs and which part of the site it is (a shard, or all). */
export function buildStamp(inputs: string, part: string): string {
  return createHash('sha256').update(inputs).update('\0').update(part).digest('hex').slice(0, 32);
}

/** The stamp a site folder holds, if any. */
export async function readBuildStamp(site: string): Promise<string | undefined> {
  const text = await readFile(join(site, BUILD_STAMP), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    const stamp = (JSON.parse(text) as { stamp?: unknown }).stamp;
    return typeof stamp === 'string' ? stamp : undefined;
  } catch {
    return undefined;
  }
}

export async function writeBuildStamp(site: string, stamp: string): Promise<void> {
  await writeFile(join(site, BUILD_STAMP), `${JSON.stringify({ stamp })}\n`);
}
