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

/** Notes on how the query was read: a correction, and words that found nothing. */
export function queryNotes(plan: QueryPlan): string[] {
  const notes: string[] = [];
  const corrected = correctedQuery(plan);
  if (corrected) notes.push(`Showing results for “${corrected}”.`);
  if (plan.unmatched.length > 0 && plan.words.length > 0) {
    notes.push(`No page contains “${plan.unmatched.join('”, “')}”; showing results for the other words.`);
  }
  return notes;
}

/** The status line: notes and the count, or why there is nothing. */
export function statusLine(query: string, plan: QueryPlan, count: number): string {
  if (count === 0) return `No results for “${query.trim()}”.`;
  return [...queryNotes(plan), `${countResults(count)}.`].join(' ');
}
