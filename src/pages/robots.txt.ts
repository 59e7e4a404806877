/** `/robots.txt`: everything may be crawled; the sitemap lists the pages (when SITE_URL gives it an origin). */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../utils/links.ts';
import { withBase } from '../utils/base.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n${site ? `\nSitemap: ${absoluteUrl(withBase('sitemap-index.xml'), site)}\n` : ''}`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
