/**
 * SITE_URL and BASE_PATH, checked before Astro starts: a wrong value otherwise ends in a long
 * stack trace from deep inside the build. Set but empty means unset, as in most shells' habits.
 */
import { SourceError } from './errors.ts';

/** Checks the deploy settings in `env`, removing the empty ones so Astro sees them as unset. */
export function checkSiteSettings(env: NodeJS.ProcessEnv): void {
  for (const name of ['SITE_URL', 'BASE_PATH'] as const) {
    // Removing the variable is the point: Astro must see it unset, not empty.
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete
    if (env[name]?.trim() === '') delete env[name];
  }
  const site = env['SITE_URL'];
  if (site !== undefined && !isWebOrigin(site)) {
    throw new SourceError(
      'SITE_URL',
      `"${site}" is not an http(s) address`,
      'set it to the public address of the site, e.g. SITE_URL=https://example.org',
    );
  }
  const base = env['BASE_PATH'];
  if (
    base !== undefined &&
    (!/^\/(?:[A-Za-z0-9._~-]+\/?)*$/.test(base) || /(?:^|\/)\.\.?(?:\/|$)/.test(base))
  ) {
    throw new SourceError(
      'BASE_PATH',
      `"${base}" is not a URL path`,
      'set it to a path such as /idm/ (letters, digits, - . _ ~ between slashes), or leave it unset',
    );
  }
}

function isWebOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === ''
  );
}
