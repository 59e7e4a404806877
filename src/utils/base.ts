/**
 * URLs under the configured base path (`BASE_PATH`, Astro's `base`), for pages and browser code
 * alike: every site-relative URL is built here, so none forgets the base or doubles a slash.
 */
import { PAGEFIND_BUNDLE_DIR } from '../constants.ts';

/** The base path with exactly one trailing slash: `/` or `/idm/`. */
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Prefixes a site-relative path with the base path, exactly one slash between. */
export function withBase(path: string): string {
  return `${BASE}${path.replace(/^\//, '')}`;
}

/** The Pagefind bundle folder under the base path, with a trailing slash. */
export const PAGEFIND_BUNDLE_URL = withBase(`${PAGEFIND_BUNDLE_DIR}/`);
