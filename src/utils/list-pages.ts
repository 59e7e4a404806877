/**
 * Lists that grow with an archive (its meetings, a recurring speaker's meetings) are cut into
 * pages of a fixed length, so no page's weight depends on the archive's size. The first page
 * keeps the list's own URL.
 */

/** Meetings listed per page of the front door and the meeting list. */
export const MEETINGS_PER_PAGE = 100;
/** Meetings per page of a person's page (each quotes every paragraph naming them). */
export const APPEARANCES_PER_PAGE = 10;

/** The items of page `page` (1-based) and how many pages there are. */
export function pageOf<T>(
  items: readonly T[],
  page: number,
  perPage: number,
): { items: T[]; pageCount: number } {
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    pageCount: Math.max(1, Math.ceil(items.length / perPage)),
  };
}

/** Page n of the archive's meetings, site-relative: the front door, then `meetings/<n>/`. */
export function meetingListPath(page: number): string {
  return page === 1 ? '' : `meetings/${page}/`;
}

/** Page n of a person's page: `speakers/<id>/`, then `speakers/<id>/<n>/`. */
export function personPageUrl(personUrl: string, page: number): string {
  return page === 1 ? personUrl : `${personUrl}${page}/`;
}
