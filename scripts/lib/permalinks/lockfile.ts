/**
 * The links lockfile: what a meeting has published — its pages' paths, every paragraph's
 * number and text, retired numbers and the editions that changed the text. It is committed
 * beside the source (`idm-2018.txt` → `idm-2018.links.json`) and read back on every build.
 */
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'astro/zod';
import {
  editionSchema,
  pagePathSchema,
  paragraphLabelSchema,
  retiredParagraphSchema,
  sectionKindSchema,
} from '../../../src/schemas/meeting.ts';
import { SourceError } from '../errors.ts';
import { firstSchemaIssue } from '../schema-issue.ts';

/** The format version; a lockfile of another version is an error, not silently rewritten. */
export const LOCKFILE_VERSION = 1;

/** A published page of the meeting. */
const lockedPageSchema = z.object({
  /** Its path inside the meeting (`conclusions/some-slug`; empty for the overview). */
  path: pagePathSchema,
  /** What kind of page it is. */
  kind: sectionKindSchema,
  /** Its title when last built, to recognise a page without paragraphs. */
  title: z.string(),
  /** Paths it was published under before, each kept as a redirect. */
  formerPaths: z.array(pagePathSchema).default([]),
});

/** A published paragraph. */
const lockedParagraphSchema = z.object({
  /** Printed number (`26`, `26a`); its anchor is `p` + this. */
  label: paragraphLabelSchema,
  /** Path of the page that shows it. */
  page: pagePathSchema,
  /** Its text when last built: what a rebuild matches the new text against. */
  text: z.string(),
});

/** A retired anchor, as on the page (see the meeting schema), plus the page it is on. */
const lockedRetiredSchema = retiredParagraphSchema.extend({
  /** Path of the page whose anchor it is. */
  page: pagePathSchema,
});

/** The whole lockfile of one meeting. */
export const linkLockSchema = z.object({
  /** Format version. */
  version: z.literal(LOCKFILE_VERSION),
  /** The builds that changed the text, oldest first. */
  editions: z.array(editionSchema),
  /** Every page, in reading order. */
  pages: z.array(lockedPageSchema),
  /** Every live paragraph, in reading order. */
  paragraphs: z.array(lockedParagraphSchema),
  /** Anchors that no longer hold text on their page. */
  retired: z.array(lockedRetiredSchema),
});
export type LinkLock = z.infer<typeof linkLockSchema>;
export type LockedPage = z.infer<typeof lockedPageSchema>;
export type LockedParagraph = z.infer<typeof lockedParagraphSchema>;
export type LockedRetired = z.infer<typeof lockedRetiredSchema>;

/** Where a source's lockfile lives: beside it, `<name>.links.json`. */
export function lockfilePath(source: string): string {
  return join(dirname(source), `${basename(source, extname(source))}.links.json`);
}

/** The lockfile's text: stable key order and one field per line, so a correction is a readable diff. */
export function serializeLock(lock: LinkLock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

/** Parses a lockfile's text; a damaged one stops the build with how to recover. */
export function parseLock(text: string, file: string): LinkLock {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SourceError(
      file,
      'the links lockfile is not valid JSON',
      'restore it from version control (git checkout -- <file>)',
    );
  }
  const result = linkLockSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = firstSchemaIssue(result.error, data);
  throw new SourceError(
    file,
    `the links lockfile is invalid at ${issue.field}: ${issue.message}`,
    'restore it from version control (git checkout -- <file>)',
  );
}
