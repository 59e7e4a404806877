/** What the command-line entry points share: argument reading and the one-line error exit. */
import { formatSourceError, SourceError } from './errors.ts';
import { printable } from './printable.ts';

/** Parsed command line: positional arguments and `--name value` / `--flag` options. */
export interface CommandLine {
  positional: string[];
  options: Map<string, string | true>;
}

/** What a command accepts besides its valued options; anything else is refused. */
export interface AcceptedArguments {
  /** Options that take no value (`--json`). */
  flags: string[];
  /** How many positional arguments the command takes. */
  positional: number;
  /** How to write the command, for the error's fix. */
  usage: string;
}

/**
 * Reads `args`; `valued` names the options that take a value. With `accepted`, an unknown
 * option or an extra positional argument is an error: a typo such as `--sourc x` must not
 * silently build something else.
 */
export function parseCommandLine(
  args: string[],
  valued: string[],
  accepted?: AcceptedArguments,
): CommandLine {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      if (accepted && positional.length >= accepted.positional)
        throw usageError(`unexpected argument "${arg}"`, accepted);
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!valued.includes(name)) {
      if (accepted && !accepted.flags.includes(name))
        throw usageError(`unknown option "${arg}"`, accepted);
      options.set(name, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined)
      throw new SourceError(`--${name}`, 'this option needs a value', `write --${name} <path>`);
    options.set(name, value);
  }
  return { positional, options };
}

function usageError(problem: string, accepted: AcceptedArguments): SourceError {
  return new SourceError('command line', problem, `write ${accepted.usage}`);
}

/**
 * Runs `main`; a user's mistake prints one line and exits 1. A file-system failure (a full
 * disk, a permission, a folder where a file should be) is the user's to fix too, so it gets the
 * same one line; anything else is a real crash and keeps its stack trace.
 */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    const userError = error instanceof SourceError ? error : fileSystemError(error);
    if (!userError) throw error;
    console.error(printable(formatSourceError(userError)));
    process.exitCode = 1;
  }
}

/** What a file-system error code means to a user, and what to do about it. */
const FILE_SYSTEM_FIXES: Record<string, [string, string]> = {
  ENOSPC: ['the disk is full', 'free some space and run the command again'],
  EDQUOT: ['the disk quota is used up', 'free some space and run the command again'],
  EACCES: ['permission denied', 'check the permissions of the file or folder'],
  EPERM: ['operation not permitted', 'check the permissions of the file or folder'],
  EROFS: ['the file system is read-only', 'write the output somewhere writable'],
  ENOTDIR: ['a file stands where a folder is expected', 'check the path'],
  EISDIR: ['a folder stands where a file is expected', 'check the path'],
  ENOENT: ['no such file or folder', 'check the path'],
  EMFILE: [
    'too many open files',
    'raise the open-file limit (ulimit -n) and run the command again',
  ],
};

function fileSystemError(error: unknown): SourceError | undefined {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const known = code === undefined ? undefined : FILE_SYSTEM_FIXES[code];
  if (!known) return undefined;
  return new SourceError(path ?? 'file system', `${known[0]} (${code})`, known[1]);
}
