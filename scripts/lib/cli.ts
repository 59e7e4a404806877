/** What the command-line entry points share: argument reading and the one-line error exit. */
import { formatSourceError, SourceError } from './errors.ts';

/** Parsed command line: positional arguments and `--name value` / `--flag` options. */
export interface CommandLine {
  positional: string[];
  options: Map<string, string | true>;
}

/** Reads `args`; `valued` names the options that take a value. */
export function parseCommandLine(args: string[], valued: string[]): CommandLine {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (!valued.includes(name)) {
      options.set(name, true);
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined) throw new SourceError(`--${name}`, 'this option needs a value', `write --${name} <path>`);
    options.set(name, value);
  }
  return { positional, options };
}

/** Runs `main`; a user's mistake prints one line and exits 1, anything else is a real crash. */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    console.error(formatSourceError(error));
    process.exitCode = 1;
  }
}
