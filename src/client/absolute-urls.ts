/**
 * Citations and the printed page address carry the page's URL as the build knows it. Without
 * SITE_URL that is site-relative (`/meeting/page/#p3`), and only the reader's browser knows the
 * origin it is on: this completes each such URL against `location`, so what a reader copies or
 * prints names the site they actually have. With SITE_URL the URL is already absolute and stays.
 */

/** Marks an element whose whole text is a URL to complete. */
export const ABSOLUTE_URL_SELECTOR = '[data-absolute-url]';

/** Replaces each marked relative URL with the absolute one on the current origin. */
export function completeRelativeUrls(root: ParentNode = document): void {
  for (const element of root.querySelectorAll(ABSOLUTE_URL_SELECTOR)) {
    const text = element.textContent.trim();
    if (text !== '') element.textContent = new URL(text, location.href).href;
  }
}
