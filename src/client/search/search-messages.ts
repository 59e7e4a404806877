/** The sentences the search interfaces show about a query: corrections, left-out words, counts. */
import type { QueryPlan } from './site-search.ts';

/** The query with each corrected word replaced by its correction. */
export function correctedQuery(plan: QueryPlan): string | undefined {
  const corrected = plan.words.filter((word) => word.correction);
  if (corrected.length === 0) return undefined;
  return plan.words.map((word) => word.correction ?? word.typed).join(' ');
}

/** "1 result" / "12 results". */
export function countResults(count: number): string {
  return `${count} ${count === 1 ? 'result' : 'results'}`;
}

/** “a”, “b” */
function quoted(words: readonly string[]): string {
  return `“${words.join('”, “')}”`;
}

/**
 * Notes on every way the query was loosened: a word replaced (another spelling or a correction),
 * spellings searched alongside a word, and words left out because no page holds them.
 */
export function queryNotes(plan: QueryPlan): string[] {
  const notes: string[] = [];
  const corrected = correctedQuery(plan);
  if (corrected) notes.push(`Showing results for “${corrected}”.`);
  const also = plan.words.flatMap((word) => word.alsoMatching ?? []);
  if (also.length > 0) notes.push(`Also matching ${quoted(also)}.`);
  if (plan.unmatched.length > 0 && plan.words.length > 0) {
    notes.push(`No page contains ${quoted(plan.unmatched)}; showing results for the other words.`);
  }
  return notes;
}

/** What the status says: its sentences, and a query to offer as "Did you mean …?" when nothing was found. */
export interface StatusParts {
  text: string;
  didYouMean?: string;
}

/**
 * The status: notes and the count, or that there is nothing (and what the reader may have meant).
 * With `filtered`, an empty answer blames the filters when the words themselves are on the site.
 */
export function statusParts(
  query: string,
  plan: QueryPlan,
  count: number,
  filtered = false,
): StatusParts {
  if (count > 0) return { text: [...queryNotes(plan), `${countResults(count)}.`].join(' ') };
  if (filtered && plan.words.length > 0)
    return {
      text: `No results for “${query.trim()}” with the filters chosen; remove one to see more.`,
    };
  const text = `No results for “${query.trim()}”.`;
  return plan.suggestion ? { text, didYouMean: plan.suggestion } : { text };
}

/** The status as one line of text. */
export function statusLine(query: string, plan: QueryPlan, count: number): string {
  const { text, didYouMean } = statusParts(query, plan, count);
  return didYouMean ? `${text} Did you mean “${didYouMean}”?` : text;
}
