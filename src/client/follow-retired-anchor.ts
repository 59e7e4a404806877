/**
 * A link to a paragraph anchor whose text now lives on another page (see RetiredParagraph)
 * goes on to that text, on arrival and when the fragment changes.
 */
function followRetiredAnchor(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id)?.getAttribute('data-forward') : undefined;
  if (target) location.replace(target);
}

followRetiredAnchor();
addEventListener('hashchange', followRetiredAnchor);
