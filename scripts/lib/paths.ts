/** Where sources and generated pages live unless the command line says otherwise. */
export const DEFAULT_SOURCES = 'content/sources';
/** Generated MDX and models: a build artifact, never edited by hand. */
export const DEFAULT_OUT = 'content/generated';
