/**
 * BibTeX and RIS downloads built without SITE_URL carry no URL: the build does not know the site's
 * origin. The reader's browser does, so a click on such a download adds the meeting's address on
 * the origin the reader is on, as the Cite boxes do, and saves that. A file that already has a URL
 * (built with SITE_URL) is saved as published.
 */

/** The downloads this completes: the meeting's reference files. */
const CITATION_LINK = 'a[download][href$=".bib"], a[download][href$=".ris"]';

/** `text` with the URL added where the format expects it, or unchanged when it has one. */
export function withCitationUrl(text: string, format: 'bib' | 'ris', url: string): string {
  if (format === 'bib') {
    if (/^\s*url\s*=/m.test(text)) return text;
    // Before the entry's closing brace: the last field gains a comma, the URL follows it.
    return text.replace(/\n\}\s*$/, `,\n  url = {${url}}\n}\n`);
  }
  if (/^UR {2}- /m.test(text)) return text;
  return text.replace(/^ER {2}- /m, `UR  - ${url}\r\nER  - `);
}

/** Saves `text` under `name` through a temporary link. */
function save(text: string, name: string, type: string): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** Handles a click on a reference download. */
async function onClick(event: MouseEvent): Promise<void> {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>(CITATION_LINK);
  if (
    !link ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  const format = link.pathname.endsWith('.bib') ? 'bib' : 'ris';
  const name =
    link.getAttribute('download') || link.pathname.split('/').pop() || `citation.${format}`;
  try {
    const response = await fetch(link.href);
    if (!response.ok) throw new Error(`${response.status}`);
    // The reference is to the meeting's summary: its overview, beside the file.
    const text = withCitationUrl(await response.text(), format, new URL('./', link.href).href);
    save(text, name, response.headers.get('content-type') ?? 'text/plain');
  } catch {
    // Offline or refused: the file as published is still better than nothing.
    location.assign(link.href);
  }
}

/** Completes reference downloads on this page. */
export function setUpCitationDownloads(): void {
  document.addEventListener('click', (event) => void onClick(event));
}
