/**
 * The lockfile step of a split: reads a meeting's links lockfile, reconciles the fresh split
 * with it, and says what to write — or, in a frozen build, refuses a change that is not committed.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { meetingSchema, type Meeting } from '../../../src/schemas/meeting.ts';
import { SourceError } from '../errors.ts';
import { lockfilePath, parseLock, serializeLock } from './lockfile.ts';
import { reconcileLinks } from './reconcile.ts';

/** How a split treats lockfiles. */
export interface LinkOptions {
  /** `update` writes changed lockfiles (npm run build); `frozen` fails on a change (CI); `read` only applies them. */
  mode: 'update' | 'frozen' | 'read';
  /** Today's date (UTC, YYYY-MM-DD): the date of an edition this build makes. */
  today: string;
  /** Reads a lockfile's text; undefined when there is none. */
  readText: (path: string) => Promise<string | undefined>;
}

/** A meeting with stable links, and the lockfile text to write when it changed. */
export interface LockedMeeting {
  meeting: Meeting;
  write?: { path: string; text: string };
}

/** Applies the lockfile beside `source` to its freshly split `meeting`. */
export async function lockMeeting(
  meeting: Meeting,
  source: string,
  options: LinkOptions,
): Promise<LockedMeeting> {
  const path = lockfilePath(source);
  const before = await options.readText(path);
  const reconciled = reconcileLinks(
    meeting,
    before === undefined ? undefined : parseLock(before, path),
    options.today,
  );
  const text = serializeLock(reconciled.lock);
  const locked = meetingSchema.parse(reconciled.meeting);
  if (text === before || options.mode === 'read') return { meeting: locked };
  if (options.mode === 'frozen') {
    const what =
      before === undefined
        ? 'is missing'
        : `would change (${reconciled.lock.editions.at(-1)?.changes ?? 'pages or numbers'})`;
    throw new SourceError(
      path,
      `the published-links lockfile ${what}`,
      `run \`npm run build\` and commit ${path}`,
    );
  }
  return { meeting: locked, write: { path, text } };
}

/** Writes lockfiles each all or nothing (a temporary file renamed over the old one). */
export async function writeLockfiles(writes: { path: string; text: string }[]): Promise<void> {
  for (const { path, text } of writes) {
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, path);
  }
}

/** Today's date in UTC; READOUT_TODAY pins it (tests that build a correction on a known date). */
export function todayUtc(): string {
  return process.env['READOUT_TODAY'] ?? new Date().toISOString().slice(0, 10);
}

/** Reads a file's text, or undefined when it does not exist. */
export async function readTextIfExists(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}
