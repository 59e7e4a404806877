/** A meeting's default URL segment, from its source's file name: pure, so the split can use it without the disk. */
import { basename, extname } from 'node:path';
import { slugify } from './text.ts';

/** The default meeting slug: the file name without its extension ("idm-2018.txt" → "idm-2018"). */
export function meetingSlugFromFile(file: string): string {
  return slugify(basename(file, extname(file)), 12) || 'meeting';
}
