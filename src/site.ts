/** Site-wide settings a publisher may change at build time. */

/** Name shown in the header and after every page title (`SITE_TITLE`, default "Readout"). */
export const SITE_TITLE: string =
  (import.meta.env['SITE_TITLE'] as string | undefined) ?? 'Readout';
