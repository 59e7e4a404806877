// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind.ts';
import siteOriginNotice, { siteOrigin } from './src/integrations/site-origin.ts';
import subresourceIntegrity from './src/integrations/subresource-integrity.ts';

/** Publishers deploy under a sub-path with BASE_PATH=/idm/; links and assets follow it. */
const base = process.env.BASE_PATH || '/';
/**
 * Canonical URLs, the sitemap and citations need the public origin of the site. Without it
 * nothing claims an origin: links stay relative and the sitemap is left out (see site-origin.ts).
 */
const site = siteOrigin(process.env);
/** Where the site is written (OUT_DIR); tests build elsewhere so dist/ stays the developer's. */
const outDir = process.env.OUT_DIR ?? 'dist';
/** Test runs build in their own cache, so two runs at once never share Astro's content store. */
const cacheDir = process.env.READOUT_CACHE_DIR ?? './node_modules/.astro';

export default defineConfig({
  ...(site ? { site } : {}),
  base,
  outDir,
  cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [
    mdx(),
    ...(site ? [sitemap()] : []),
    siteOriginNotice(),
    subresourceIntegrity(),
    pagefind(),
  ],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rollupOptions: {
        // MDX pages carry Astro's head-injection directive; the bundler's notice about it is noise.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
