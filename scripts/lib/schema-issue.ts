/**
 * Turns a zod validation failure into the parts of Readout's one-line error: which field, what is
 * wrong with it, and the value it holds. Every reader of a validated file (source frontmatter,
 * links lockfile, split manifest) words its errors the same way through this.
 */
import type { z } from 'astro/zod';
import { printable } from './printable.ts';

/** The first problem of a failed validation, ready for a SourceError. */
export interface SchemaIssue {
  /** Path of the offending field; for an unknown key, the key itself. */
  path: PropertyKey[];
  /** The path as written in the file (`sections.scene.slug`), or `(top level)`. */
  field: string;
  /** What is wrong, as zod words it (our schemas give their own messages). */
  message: string;
  /** ` ("value")` when the field holds a string or number, shortened and made printable; else empty. */
  quotedValue: string;
}

/** The first issue of `error`, located in `data` (the value that was validated). */
export function firstSchemaIssue(error: z.ZodError, data: unknown): SchemaIssue {
  const issue = error.issues[0]!;
  const path =
    issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : [...issue.path];
  const value = valueAt(data, path);
  const quotedValue =
    typeof value === 'string' || typeof value === 'number'
      ? ` ("${printable(String(value)).slice(0, 60)}")`
      : '';
  return {
    path,
    field: path.map(String).join('.') || '(top level)',
    message: issue.message,
    quotedValue,
  };
}

/** The value at `path` inside `data`, or undefined where the path leaves it. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' && Object.hasOwn(node, key)
        ? (node as Record<PropertyKey, unknown>)[key]
        : undefined,
    data,
  );
}
