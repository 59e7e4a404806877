/**
 * Without SITE_URL the build cannot know the site's public origin, and no placeholder may stand
 * in for it: pages link relatively, citations take the reader's own origin when they copy, and
 * what needs an absolute URL (the sitemap, canonical links, og:url, the URL in citation.bib/.ris) is
 * left out.
 * This integration says so once per build.
 */
import type { AstroIntegration } from 'astro';

/** The warning, one line: what is missing, what is left out, how to fix it. */
export const NO_SITE_URL_WARNING =
  'SITE_URL is not set, so the public origin is unknown: pages link relatively, citations use the reader’s origin when copied, and the sitemap, canonical links, og:url and the URL in citation.bib/.ris are left out because they need an absolute URL. Set SITE_URL=https://your.domain to publish them.';

/** The public origin from the environment, or undefined when it is unset or empty. */
export function siteOrigin(env: Record<string, string | undefined>): string | undefined {
  const value = env['SITE_URL']?.trim();
  return value ? value : undefined;
}

/** Warns once, at the start of a build, when the site has no configured origin. */
export default function siteOriginNotice(): AstroIntegration {
  let hasSite = true;
  return {
    name: 'readout:site-origin',
    hooks: {
      'astro:config:done': ({ config }) => {
        hasSite = config.site !== undefined;
      },
      'astro:build:start': ({ logger }) => {
        if (!hasSite) logger.warn(NO_SITE_URL_WARNING);
      },
    },
  };
}
