import { api } from '../../lib/api';
import type { QuickSearchResult, SearchResult } from '../../api/contract';
import {
  getSavedFilters,
  updateSavedFilters,
  type SavedFilter,
  type SavedFilters,
} from '../documents/list/api';

/** The facets the page shows, in order (the API's facet parameters). */
export const facetNames = [
  'kind',
  'status',
  'year',
  'departmentId',
  'classificationId',
  'nomenclatureId',
] as const;
export type FacetName = (typeof facetNames)[number];

/** Everything a search is made of: what the page keeps, what a saved search stores. */
export interface SearchState {
  q: string;
  within: string[];
  filters: Partial<Record<FacetName, string[]>>;
  /** Baku calendar days, yyyy-MM-dd. */
  from?: string;
  to?: string;
}

export const emptySearch: SearchState = { q: '', within: [], filters: {} };

/** The state as query parameters (a facet's values and the earlier texts repeat their key). */
export function paramsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const w of state.within) params.append('within', w);
  for (const name of facetNames) for (const v of state.filters[name] ?? []) params.append(name, v);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params;
}

export function stateOf(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of facetNames) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  return {
    q: params.get('q') ?? '',
    within: params.getAll('within').filter(Boolean),
    filters,
    ...(params.get('from') ? { from: params.get('from')! } : {}),
    ...(params.get('to') ? { to: params.get('to')! } : {}),
  };
}

export function search(state: SearchState, cursor: string | undefined, signal?: AbortSignal) {
  const params = paramsOf(state);
  params.set('limit', '20');
  if (cursor) params.set('cursor', cursor);
  return api<SearchResult>(`/search?${params.toString()}`, { signal });
}

/** The header's jump by registration number. */
export function quickSearch(q: string, signal?: AbortSignal) {
  return api<QuickSearchResult>('/search/quick', { query: { q }, signal });
}

/** Saved searches are the user's saved filters of the list `search` (the page's parameters). */
export const SAVED_LIST = 'search';
export type { SavedFilter, SavedFilters };
export { getSavedFilters, updateSavedFilters };
