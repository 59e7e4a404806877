/**
 * A source's frontmatter: YAML and nothing else. The block exists only when line 1 is exactly
 * `---` and a later line is exactly `---`; it is read with YAML's core schema (strings, numbers,
 * booleans, null, lists, maps: no dates, no custom tags, nothing that runs), and every place in
 * it keeps its line in the file, so an error can point at the line that is wrong.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { SourceError } from './errors.ts';

/** A source split into its frontmatter and its text. */
export interface SourceFrontmatterBlock {
  /** The frontmatter as plain data ({} when there is none). */
  data: Record<string, unknown>;
  /** The text after the frontmatter. */
  content: string;
  /** Lines before `content` in the file (0 without frontmatter). */
  lineOffset: number;
  /** 1-based line in the file of the value at `path` (or of its nearest parent that is present). */
  lineOf(path: readonly PropertyKey[]): number;
  /** True when the frontmatter sets `path`. */
  has(path: readonly PropertyKey[]): boolean;
}

/** Keys that name an object's prototype machinery rather than data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const FENCE = /^---[ \t]*$/;
/** `---js`, `--- coffee`, `---yaml`: a fence naming a language, which some tools would run. */
const LANGUAGE_FENCE = /^---[ \t]*([A-Za-z][\w+-]*)[ \t]*$/;

/** Splits `text` (LF line ends) into frontmatter and content; `file` names it in errors. */
export function readFrontmatterBlock(text: string, file: string): SourceFrontmatterBlock {
  const none = { data: {}, content: text, lineOffset: 0, lineOf: () => 1, has: () => false };
  if (!text.startsWith('---')) return none;
  const lines = text.split('\n');
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  const language = LANGUAGE_FENCE.exec(lines[0]!)?.[1];
  if (language !== undefined && close !== -1) {
    throw new SourceError(
      file,
      `the frontmatter is marked as "${language}", and only YAML is read`,
      'write the first line as exactly --- and the block as YAML',
      1,
    );
  }
  if (!FENCE.test(lines[0]!) || close === -1) return none;
  const counter = new LineCounter();
  const document = parseDocument(lines.slice(1, close).join('\n'), {
    schema: 'core',
    customTags: [],
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    lineCounter: counter,
  });
  const lineAt = (offset: number) => counter.linePos(offset).line + 1;
  const problem = document.errors[0] ?? document.warnings[0];
  if (problem) {
    const reason = problem.message
      .split('\n')[0]!
      .replace(/^Unresolved tag: .*/, 'tags such as !!x are not read');
    throw new SourceError(
      file,
      `the frontmatter is not valid YAML (${reason})`,
      'fix the YAML between the two --- lines',
      lineAt(problem.pos[0]),
    );
  }
  const data = toData(document, file, lineAt);
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new SourceError(
      file,
      'the frontmatter is not a list of "key: value" lines',
      'write one setting per line, e.g. "title: …"',
      2,
    );
  }
  assertPlainKeys(document, lineAt, file);
  return {
    data: data as Record<string, unknown>,
    content: lines.slice(close + 1).join('\n'),
    lineOffset: close + 1,
    lineOf: (path) => lineAt(rangeStart(document, path)),
    has: (path) => document.hasIn(path as unknown[]),
  };
}

/** The block as plain data; an alias to no anchor (`title: *x`) is a YAML error, not a crash. */
function toData(document: Document, file: string, lineAt: (offset: number) => number): unknown {
  try {
    return document.toJS({ maxAliasCount: 50 }) ?? {};
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new SourceError(
      file,
      `the frontmatter is not valid YAML (${reason})`,
      'quote the value ("…"): an unquoted * or & starts a YAML alias or anchor',
      lineAt(0),
    );
  }
}

/** Offset of the deepest pair along `path`: the key's line is where a reader looks. */
function rangeStart(document: Document, path: readonly PropertyKey[]): number {
  let node: unknown = document.contents;
  let offset = 0;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === String(key),
    );
    if (!pair || !isScalar(pair.key)) break;
    offset = pair.key.range?.[0] ?? offset;
    node = pair.value;
  }
  return offset;
}

/**
 * `__proto__` and its kin would reach object machinery instead of data, and an explicit tag
 * asks for a type beyond plain data: refuse both by line.
 */
function assertPlainKeys(
  document: Document,
  lineAt: (offset: number) => number,
  file: string,
): void {
  const visit = (node: unknown): void => {
    const tagged = node as { tag?: string; range?: [number, number, number] } | null;
    if (tagged?.tag !== undefined) {
      throw new SourceError(
        file,
        'the frontmatter is not valid YAML (tags such as !!x are not read)',
        'remove the tag and write the plain value',
        lineAt(tagged.range?.[0] ?? 0),
      );
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && FORBIDDEN_KEYS.has(String(pair.key.value))) {
          throw new SourceError(
            file,
            `the frontmatter key "${String(pair.key.value)}" is not a setting`,
            'remove it',
            lineAt(pair.key.range?.[0] ?? 0),
          );
        }
        visit(pair.value);
      }
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
      node.items.forEach(visit);
    }
  };
  visit(document.contents);
}
