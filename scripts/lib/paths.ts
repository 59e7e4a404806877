import { GENERATED_DIR } from '../../src/constants.ts';

/** Where sources and generated pages live unless the command line says otherwise. */
export const DEFAULT_SOURCES = 'content/sources';
/** Generated MDX and models: a build artifact, never edited by hand. */
export const DEFAULT_OUT = GENERATED_DIR;
/** Content hashes of the last build's sources, kept beside the pages they describe. */
export const SPLIT_MANIFEST = '.split-manifest.json';

/** The generated folder the site reads (READOUT_GENERATED lets tests build other content). */
export function generatedDir(): string {
  return process.env['READOUT_GENERATED'] ?? DEFAULT_OUT;
}

/** The built site (OUT_DIR lets tests build elsewhere, so dist/ stays the developer's). */
export function siteDir(): string {
  return process.env['OUT_DIR'] ?? 'dist';
}
