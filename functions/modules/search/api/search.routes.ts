import type { RouteDef } from '../../../platform/http/route';
import * as s from './search.schema';

const SEARCH = '/api/v1/search';
const common = { group: 'search', tag: 'search', auth: 'jwt' } as const;

/** Full-text search over the documents the caller may see (issue 16). */
export const searchRoutes = [
  {
    ...common,
    method: 'GET',
    path: SEARCH,
    operationId: 'search',
    summary:
      'Search the documents the caller may see: text, facets (repeat a facet parameter for more values), registration period, search within earlier texts',
    query: s.searchQueryInput,
    response: s.searchResult,
    successStatus: 200,
  },
  {
    ...common,
    method: 'GET',
    path: `${SEARCH}/quick`,
    operationId: 'quickSearch',
    summary: 'The header’s jump: visible documents whose registration number starts with the text',
    query: s.quickSearchInput,
    response: s.quickSearchResult,
    successStatus: 200,
  },
] as const satisfies readonly RouteDef[];
