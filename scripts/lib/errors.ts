import { printable } from './printable.ts';

/**
 * A mistake in a user's input: printed as one line naming the file, the problem and the fix,
 * never as a stack trace.
 */
export class SourceError extends Error {
  /** The file (or folder) the problem is in, as the user named it. */
  readonly file: string;
  /** What a user can do about it. */
  readonly fix: string;
  /** 1-based line of the problem, when known. */
  readonly line: number | undefined;

  constructor(file: string, problem: string, fix: string, line?: number) {
    super(problem);
    this.name = 'SourceError';
    this.file = file;
    this.fix = fix;
    this.line = line;
  }
}

/**
 * The one-line form: `error: <file>[:line]: <what is wrong> — <how to fix it>`. File names and
 * quoted values come from sources: their control characters are shown as `?`, so the line stays
 * one line and cannot drive the terminal.
 */
export function formatSourceError(error: SourceError): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}`;
  return printable(`error: ${where}: ${error.message} — ${error.fix}`);
}

/** Two sources that would publish one meeting URL: the second is refused, on its first line. */
export function duplicateMeetingSlugError(
  source: string,
  slug: string,
  firstOwner: string,
): SourceError {
  return new SourceError(
    source,
    `meeting slug "${slug}" is already used by ${firstOwner}`,
    'rename the file or set another slug in its frontmatter',
    1,
  );
}
