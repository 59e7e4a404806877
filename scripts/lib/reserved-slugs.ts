/**
 * A meeting's slug is a top-level URL segment: it must not be one the site already uses, or one
 * would silently replace the other (a meeting called "search" lost its overview to the search
 * page). The list is read from the site itself — its top-level routes, its public files and the
 * search bundle's folder — so a new route is reserved without anyone remembering to add it.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGEFIND_BUNDLE_DIR } from '../../src/constants.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Astro writes bundled assets here (`build.assets`); a slug cannot hold "_" anyway, but say it. */
const ASTRO_ASSETS = '_astro';

let reserved: Set<string> | undefined;

/** Top-level URL segments of the site: `search`, `speakers`, `404`, `favicon`, `pagefind`, … */
export function reservedMeetingSlugs(): Set<string> {
  reserved ??= new Set([
    ...topLevelNames(join(ROOT, 'src/pages')),
    ...topLevelNames(join(ROOT, 'public')),
    PAGEFIND_BUNDLE_DIR,
    ASTRO_ASSETS,
  ]);
  return reserved;
}

/** Entry names without extensions; dynamic routes (`[meeting]`) are where meetings go, not names. */
function topLevelNames(dir: string): string[] {
  const names = readdirSync(dir).filter((name) => !name.startsWith('['));
  return names.map((name) => name.replace(/\..*$/, '').toLowerCase());
}
