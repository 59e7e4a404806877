/** Debian's Chromium, driven by playwright-core, set up the same way for every browser test. */
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium; `.ci/run` installs it with apt-get when missing. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A headless Chromium without background traffic, so tests only see the site's own requests. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}

/** The served URL of a sitemap URL: same path, on the test server's origin. */
export function servedUrl(publicUrl: string, siteUrl: string): string {
  const { pathname } = new URL(publicUrl);
  return new URL(pathname, siteUrl).href;
}
