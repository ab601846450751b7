import { viewerOf } from '../../documents';
import type { Actor } from '../../../platform/kernel/aggregate';
import { BusinessRuleError } from '../../../platform/kernel/errors';
import { numberKey } from '../domain/analysis';
import { searchFacets, type SearchFacet } from '../domain/search-document';
import type { SearchHit, SearchQuery, SearchResult } from '../domain/search-query';
import type { SearchDeps } from './deps';
import type { SearchInput } from './inputs';

function available(deps: SearchDeps): void {
  if (!deps.searchEnabled)
    throw new BusinessRuleError('search_unavailable', 'Search is not deployed in this environment');
}

/**
 * One page of the caller's search: their tenant, and only what the need-to-know rule of the lists
 * lets them see (the same viewer as the document lists); facets counted over every match.
 */
export async function searchDocuments(
  deps: SearchDeps,
  actor: Actor,
  input: SearchInput,
): Promise<SearchResult> {
  available(deps);
  const filters: Partial<Record<SearchFacet, string[]>> = {};
  for (const facet of searchFacets) {
    const chosen = input[facet];
    if (chosen?.length) filters[facet] = chosen;
  }
  const query: SearchQuery = {
    tenantId: actor.tenantId,
    viewer: viewerOf(actor),
    text: input.q,
    within: input.within ?? [],
    filters,
    ...(input.from ? { registeredFrom: input.from } : {}),
    ...(input.to ? { registeredTo: input.to } : {}),
    size: input.limit,
    ...(input.cursor ? { cursor: input.cursor } : {}),
    facets: true,
  };
  return deps.search.search(query);
}

/** How many hits the header's quick search shows. */
export const QUICK_HITS = 8;

/**
 * The header's jump by registration number: the caller's visible documents whose registration
 * number starts with what was typed, without case or separators.
 */
export async function quickSearch(
  deps: SearchDeps,
  actor: Actor,
  q: string,
): Promise<{ items: SearchHit[] }> {
  available(deps);
  const key = numberKey(q);
  if (key === '') return { items: [] };
  const result = await deps.search.search({
    tenantId: actor.tenantId,
    viewer: viewerOf(actor),
    text: q,
    within: [],
    filters: {},
    size: 50,
    facets: false,
  });
  const starts = (n: string | undefined) => n !== undefined && numberKey(n).startsWith(key);
  const items = result.hits.filter((h) => starts(h.registrationNumber)).slice(0, QUICK_HITS);
  return { items };
}
