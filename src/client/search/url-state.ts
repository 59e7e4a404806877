/**
 * The search page's state in its URL: `?q=…&kind=…&meeting=…&session=…&speaker=…`, a filter repeated
 * once per chosen value, so any search can be shared and Back returns to the previous one.
 */
import type { FilterSelection } from './site-search.ts';

/**
 * The filters the search page offers, in the order it shows them. Those `named` filter by who and
 * what a page names; they have many values, so the page folds them away until asked.
 */
export const FACETS = [
  { name: 'kind', label: 'Kind', named: false },
  { name: 'meeting', label: 'Meeting', named: false },
  { name: 'session', label: 'Session', named: false },
  { name: 'group', label: 'Stakeholder group', named: true },
  { name: 'speaker', label: 'Speaker', named: true },
  { name: 'organization', label: 'Organization', named: true },
  { name: 'country', label: 'Country', named: true },
] as const;

/** A search as the URL states it. */
export interface SearchState {
  query: string;
  filters: FilterSelection;
}

/** Reads the state from a query string (`location.search`). */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: FilterSelection = {};
  for (const { name } of FACETS) {
    const values = params.getAll(name).filter((value) => value.length > 0);
    if (values.length > 0) filters[name] = [...new Set(values)];
  }
  return { query: params.get('q') ?? '', filters };
}

/** Writes the state as a query string, `?` included; filters in FACETS order. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const { name } of FACETS)
    for (const value of state.filters[name] ?? []) params.append(name, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}
