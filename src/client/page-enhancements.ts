/**
 * What JavaScript adds to a page that reads completely without it: copy buttons for paragraph
 * links and citations, today's date in citations, the URL in downloaded references (without
 * SITE_URL), and the theme toggle.
 */

import { formatDate } from '../utils/format.ts';
import { completeRelativeUrls } from './absolute-urls.ts';
import { setUpCitationDownloads } from './citation-downloads.ts';

/** Puts a message in the page's live region so screen readers announce it. */
function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick makes screen readers repeat an identical message.
  setTimeout(() => (region.textContent = message), 50);
}

/** Copies text to the clipboard; false when the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The page's canonical URL, so a copied link is the public one, not a preview's. */
function canonicalUrl(): string {
  return (
    document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ??
    location.href.replace(/#.*$/, '')
  );
}

/** Handles every copy button on the page through one listener. */
async function onCopyClick(event: MouseEvent): Promise<void> {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('[data-copy]');
  if (!button) return;
  const isLink = button.dataset['copy'] === 'link';
  const text = isLink
    ? new URL(`#${button.dataset['target'] ?? ''}`, canonicalUrl()).href
    : (button.closest('.citation-box')?.querySelector('.citation')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim();
  const copied = await copyText(text);
  const message = copied
    ? isLink
      ? 'Link copied'
      : 'Citation copied'
    : 'Copying failed; select the text to copy it';
  announce(message);
  showBeside(button, message);
}

/** How long a copy confirmation stays on screen. */
const CONFIRMATION_MS = 2500;

/**
 * Shows `message` next to `button` for a moment, for sighted readers; hidden from screen
 * readers, which hear it from the live region instead (once, not twice).
 */
function showBeside(button: HTMLButtonElement, message: string): void {
  const next = button.nextElementSibling;
  const note = next?.classList.contains('copy-confirmation')
    ? (next as HTMLElement)
    : document.createElement('span');
  note.className = 'copy-confirmation';
  note.setAttribute('aria-hidden', 'true');
  note.textContent = message;
  button.after(note);
  clearTimeout(Number(note.dataset['timer']));
  note.dataset['timer'] = String(setTimeout(() => note.remove(), CONFIRMATION_MS));
}

/** Whether the page currently shows the dark theme. */
function isDark(): boolean {
  const chosen = document.documentElement.dataset['theme'];
  return chosen ? chosen === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Wires the theme toggle: flips the theme and remembers the choice for the next page. */
function setUpThemeToggle(): void {
  const toggle = document.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!toggle) return;
  const sync = () => toggle.setAttribute('aria-pressed', String(isDark()));
  toggle.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    document.documentElement.dataset['theme'] = theme;
    try {
      localStorage.setItem('theme', theme);
    } catch {
      // Private modes may refuse storage; the choice then lasts for this page only.
    }
    sync();
  });
  sync();
}

/**
 * Citations end with the access date, which only the reader's browser knows: the reader's local
 * day, written the way the site writes dates. Not `toLocaleDateString`, whose first call loads
 * the locale's data and blocked the main thread for tens of milliseconds on every page.
 */
function fillAccessDates(): void {
  const now = new Date();
  const today = formatDate(`${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`);
  for (const slot of document.querySelectorAll('[data-accessed]')) slot.textContent = today;
}

for (const element of document.querySelectorAll<HTMLElement>('[data-needs-js]'))
  element.hidden = false;
fillAccessDates();
completeRelativeUrls();
setUpCitationDownloads();
setUpThemeToggle();
document.addEventListener('click', (event) => void onCopyClick(event));
